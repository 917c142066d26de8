/**
 * The raw extension-storage keys of the reader's settings (`storage.sync`) and dismissals
 * (`storage.local`): WXT's `sync:settings` and `local:dismissals` items (`items.ts`) live
 * under them, and the page scripts read them raw (`gate.ts`, `page-store.ts`), as they
 * read the background's copy of the site gate (`site-gate.ts`).
 */
export const SETTINGS_STORAGE_KEY = 'settings';
export const DISMISSALS_STORAGE_KEY = 'dismissals';
/** `storage.local`: the background's copy of the settings' site gate (`site-gate.ts`). */
export const SITE_GATE_STORAGE_KEY = 'siteGate';
