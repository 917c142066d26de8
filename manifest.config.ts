/**
 * The manifest's own fields (WXT adds the entrypoints). Every string a reader sees (name,
 * description, the toolbar button's tooltip, the keyboard shortcuts) is a `__MSG_key__`
 * of `public/_locales/{en,uk}/messages.json`: the browser shows it in its own language,
 * English otherwise (`default_locale`).
 */
export function manifest({ browser }: { browser: string }) {
  return {
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: 'https://github.com/child-deportation-factcheck/extension',
    // scripting: the background injects stage 2 into the pages whose stage 1 found topic
    // words. It needs host access to those pages, which the content script's http(s)
    // matches already imply: the install warning stays "Read and change your data on all
    // websites" (Chrome) / "Access your data for all websites" (Firefox), as before.
    permissions: ['storage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // Stage 1 (entrypoints/stage1), on every http(s) page and in every frame (it decides
    // itself which frames to read): an unlisted script, so that WXT's content script
    // wrapper and context are not part of what every page runs.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['stage1.js'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'next-annotation': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextAnnotation__',
      },
      'previous-annotation': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPreviousAnnotation__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'context-cards@child-deportation-factcheck.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  };
}

/**
 * WXT makes the popup's `<title>` the toolbar button's tooltip (`action.default_title`);
 * the manifest's own, localised one is put back once the manifest is generated.
 */
export function localizeActionTitle(generated: object): void {
  const action = (generated as { action?: { default_title?: string } }).action;
  if (action) action.default_title = '__MSG_actionTitle__';
}
