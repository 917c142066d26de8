import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The extension itself: dataset text is rendered as text, never as markup. */
const markupRules = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'Render dataset text as text, never innerHTML.',
  },
  {
    selector: "MemberExpression[property.name='outerHTML']",
    message: 'Never write markup from strings.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Never write markup from strings.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render dataset text as text.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The extension's own code. A regular expression literal with a Unicode property
    // (\p{...}) is checked when its script is parsed, even in a function never called, and
    // V8 builds the property's set for it: stage 1 paid that on every page. Such an
    // expression is made with `new RegExp` from a constant where it is first needed.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...markupRules,
        {
          selector: 'Literal[regex.pattern=/\\\\[pP]\\{/]',
          message:
            'A \\p{...} literal is built when its script is parsed: make it with new RegExp where it is first used.',
        },
      ],
    },
  },
  {
    // The lexicon's schema, its pattern language, the wording checks and the database run
    // only in the background and the options page, never in a page: their \p{...}
    // literals stay. (The records' schemas, which stage 3 bundles, are held to the rule; a
    // test bundles stage 3 and checks that the lexicon is not in it.) A rule's options
    // replace the earlier ones, so the markup rules are listed again.
    files: [
      'lib/dataset/lexicon.ts',
      'lib/dataset/safe-pattern.ts',
      'lib/dataset/wording.ts',
      'lib/db/**/*.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...markupRules],
    },
  },
  // Layering (DESIGN.md section 2). The engine and the dataset are pure: no DOM, no
  // extension APIs, no storage, no UI; the engine reads the dataset's schemas as types only
  // (and the safe pattern), never its bundled data, so that the caller chooses the data.
  {
    files: ['lib/detect/**/*.ts', 'lib/dataset/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'wxt/browser',
              message: 'lib/detect and lib/dataset stay pure: no extension APIs.',
            },
            { name: 'webextension-polyfill', message: 'lib/detect and lib/dataset stay pure.' },
            { name: 'dexie', message: 'lib/detect and lib/dataset do not touch storage.' },
            { name: 'preact', message: 'lib/detect and lib/dataset hold no UI.' },
          ],
          patterns: [
            {
              group: ['wxt', 'wxt/*', '@wxt-dev/*', 'preact/*', 'linkedom', 'happy-dom'],
              message: 'lib/detect and lib/dataset stay pure: no DOM, no extension APIs, no UI.',
            },
            {
              group: [
                '@/lib/db',
                '@/lib/db/*',
                '@/lib/messages',
                '@/lib/messages/*',
                '@/lib/page',
                '@/lib/page/*',
                '@/lib/detector-store',
                '@/lib/detector-store/*',
                '@/lib/badge',
                '@/lib/badge/*',
                '@/components/*',
                '@/entrypoints/*',
                '**/db/*',
                '**/messages/*',
                '**/page/*',
                '**/detector-store/*',
                '**/badge/*',
                '**/components/*',
                '**/entrypoints/*',
              ],
              message:
                'lib/detect and lib/dataset sit below the page, storage, messages and UI layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'browser',
          'chrome',
          'navigator',
          'localStorage',
          'indexedDB',
        ].map((name) => ({
          name,
          message: 'lib/detect and lib/dataset stay pure: no DOM, no browser.*.',
        })),
      ],
    },
  },
  {
    files: ['lib/detect/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/dataset/data',
                '**/dataset/data/*',
                '**/dataset/bundled',
                '**/dataset/validate',
                '**/dataset/cli',
                '@/lib/dataset/data/*',
                '@/lib/dataset/bundled',
              ],
              message:
                'The engine never imports bundled data: the caller passes lexicons and figures.',
            },
            {
              group: ['**/dataset/lexicon', '**/dataset/schema', '**/dataset/primitives'],
              allowTypeImports: true,
              message: 'The engine reads the dataset schemas as types only (Zod stays out of it).',
            },
            {
              group: [
                'wxt',
                'wxt/*',
                '@wxt-dev/*',
                'webextension-polyfill',
                'preact',
                'preact/*',
                'dexie',
                'linkedom',
                'happy-dom',
              ],
              message: 'lib/detect stays pure: no DOM, no extension APIs, no UI.',
            },
            {
              group: [
                '@/lib/db',
                '@/lib/db/*',
                '**/db/*',
                '@/lib/messages/*',
                '**/messages/*',
                '@/lib/page/*',
                '**/page/*',
                '@/lib/detector-store/*',
                '**/detector-store/*',
              ],
              message: 'lib/detect sits below the page, storage and messages layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages (both stages), the message protocol and the card models never open the
    // database: pages ask the background, and lib/db imports lib/messages, not the reverse.
    files: [
      'entrypoints/content/**/*.{ts,tsx}',
      'entrypoints/stage2/**/*.{ts,tsx}',
      'lib/messages/**/*.ts',
      'lib/cards/**/*.ts',
      'lib/page/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', 'dexie'],
              message:
                'Pages, messages and card models never import lib/db (pages ask the background; lib/db imports lib/messages, not the reverse).',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts of the test pages run in the page, as plain browser scripts.
    files: ['tests/fixtures/pages/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly' },
    },
  },
  {
    files: ['scripts/**', 'tests/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
