import '@/lib/dataset/no-eval';
import { builtIfUsed } from '@/lib/dataset/built-if-used';
import * as z from 'zod/mini';
import { DETECT_LANGUAGES } from '@/lib/dataset/detect-languages';
import { MAX_HOST_LENGTH, parseHostPattern } from './hosts';

/*
 * Written with `zod/mini`: stage 2 reads the settings on every topic page, and classic Zod
 * costs it about 20 ms to build and compile there (the card schemas, which need classic
 * Zod, load only when a card opens: see entrypoints/stage3). Messages the reader may see
 * are given explicitly, since zod/mini carries no locale of its own.
 */

/** The kinds of annotation the engine marks (`Annotation.kind` in lib/detect). */
export const CATEGORIES = ['claim', 'figure', 'topic'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const HighlightStyle = z.enum(['underline', 'background', 'marker']);
export type HighlightStyle = z.infer<typeof HighlightStyle>;

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const CardDetail = z.enum(['compact', 'full']);
export type CardDetail = z.infer<typeof CardDetail>;

export const LANGUAGES = DETECT_LANGUAGES;
const DetectLanguage = z.enum(DETECT_LANGUAGES);

/** At most this many excluded sites (the whole settings object must fit one sync item). */
export const MAX_EXCLUDED_SITES = 200;
/**
 * `storage.sync` allows 8,192 bytes per item (key included); settings stay under this so a
 * write never fails on quota.
 */
export const SYNC_ITEM_BUDGET = 8000;

/** A host pattern in its stored (normalised) form; see `parseHostPattern`. */
export const HostPattern = builtIfUsed(() =>
  z.string().check(
    z.superRefine((value, ctx) => {
      const parsed = parseHostPattern(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
      else if (parsed.pattern !== value) {
        ctx.addIssue({
          code: 'custom',
          message: `must be written as ${parsed.pattern}`,
          input: value,
        });
      }
    }),
  ),
);

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const SettingsShape = builtIfUsed(() =>
  z.strictObject({
    /** The extension runs at all. */
    enabled: z.boolean(),
    /** Sites where it does nothing (host patterns). */
    excludedSites: z
      .array(HostPattern)
      .check(
        z.maxLength(MAX_EXCLUDED_SITES, `at most ${MAX_EXCLUDED_SITES} excluded sites`),
        z.refine(unique, 'a site is listed twice'),
      ),
    /** Languages the detector marks passages in. */
    languages: z
      .array(DetectLanguage)
      .check(z.maxLength(LANGUAGES.length), z.refine(unique, 'a language is listed twice')),
    /** Kinds of annotation shown: official claims, documented figures, topic sentences. */
    categories: z
      .array(Category)
      .check(z.maxLength(CATEGORIES.length), z.refine(unique, 'a category is listed twice')),
    highlightStyle: HighlightStyle,
    theme: Theme,
    cardDetail: CardDetail,
  }),
);

export const Settings = builtIfUsed(() =>
  SettingsShape.check(
    z.refine(
      (s) => JSON.stringify(s).length <= SYNC_ITEM_BUDGET,
      'the settings are too large to sync: remove some excluded sites',
    ),
  ),
);
export type Settings = z.infer<typeof SettingsShape>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  excludedSites: [],
  languages: [...LANGUAGES],
  categories: [...CATEGORIES],
  highlightStyle: 'underline',
  theme: 'system',
  cardDetail: 'full',
});

/** A fresh copy of the defaults. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The valid, distinct members of a stored list (order kept). */
function keepValid<T>(raw: unknown, member: z.ZodMiniType<T>, fallback: T[]): T[] {
  if (!Array.isArray(raw)) return fallback;
  const out: T[] = [];
  for (const entry of raw) {
    const parsed = member.safeParse(entry);
    if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
  }
  return out;
}

/**
 * Reads whatever is stored as settings, field by field: a field that is missing or broken
 * takes its default, unknown fields are dropped, lists keep their valid members. `sync`
 * storage is shared by the reader's devices, which may run older or newer versions of the
 * extension, so a value this version does not fully understand must still be read.
 */
export function normalizeSettings(raw: unknown): Settings {
  const out = defaultSettings();
  if (!isRecord(raw)) return out;
  const field = <K extends keyof Settings>(key: K, schema: z.ZodMiniType<Settings[K]>) => {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  };
  field('enabled', z.boolean());
  field('highlightStyle', HighlightStyle);
  field('theme', Theme);
  field('cardDetail', CardDetail);
  if ('languages' in raw) out.languages = keepValid(raw.languages, DetectLanguage, out.languages);
  if ('categories' in raw) out.categories = keepValid(raw.categories, Category, out.categories);
  if ('excludedSites' in raw) {
    const patterns = Array.isArray(raw.excludedSites)
      ? raw.excludedSites.flatMap((entry) => {
          if (typeof entry !== 'string') return [];
          const parsed = parseHostPattern(entry);
          return parsed.ok ? [parsed.pattern] : [];
        })
      : [];
    out.excludedSites = [...new Set(patterns)].slice(0, MAX_EXCLUDED_SITES);
  }
  return out;
}

/** The longest annotation key kept (a topic sentence's quote is in it). */
export const MAX_DISMISSAL_KEY = 2000;

/** One dismissed annotation on a page. */
export const Dismissal = builtIfUsed(() =>
  z.strictObject({
    /**
     * The annotation key the content script uses: a card id, or the page item key
     * `kind|quote|text before it` (lib/page/page-items), which can be as long as a sentence.
     */
    key: z.string().check(z.minLength(1), z.maxLength(MAX_DISMISSAL_KEY)),
    /** The page address without its fragment. */
    url: z.string().check(z.minLength(1), z.maxLength(2048)),
    /** Epoch milliseconds. */
    at: z.number().check(z.int(), z.nonnegative()),
  }),
);
export type Dismissal = z.infer<typeof Dismissal>;

/** At most this many dismissals are kept (the oldest go first). */
export const MAX_DISMISSALS = 2000;

/** Dismissals grouped by hostname, so a page reads only its own site's list. */
export const Dismissals = builtIfUsed(() =>
  z.record(z.string().check(z.maxLength(MAX_HOST_LENGTH)), z.array(Dismissal)),
);
export type Dismissals = z.infer<typeof Dismissals>;
