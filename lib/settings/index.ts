/**
 * The reader's settings, excluded sites and dismissals, in extension storage
 * (`@wxt-dev/storage`), readable from every context: background, options, popup, content.
 *
 * For the content script (stage 2) and the popup:
 *
 * - `getSettings()`: the settings now, complete and valid (`Settings`).
 * - `watchSettings((next, previous) => ...)`: called on every change from any context or
 *   device; returns the function that stops watching. Apply live: when
 *   `!isSiteActive(next, location.hostname)`, remove every highlight and report a count of
 *   0 (the badge clears); when `languages`, `categories`, `highlightStyle` or `cardDetail`
 *   differ from `previous`, repaint.
 * - `isSiteActive(settings, hostname)`: enabled and not excluded.
 * - `dismiss(key, url)`, `restoreDismissal(key, url)`, `dismissedKeys(url)`,
 *   `watchDismissedKeys(url, keys => ...)`: dismissals of a page (fragment ignored).
 * - `setSiteEnabled(hostname, on)`: the popup's "On this site" switch.
 *
 * Stage 2 imports `./page-store`, `./items` and `./schema` (zod/mini) directly, not this
 * index: the settings file (`./transfer`) is classic Zod, which stage 2 does not carry.
 * Stage 1 (every page, no Zod): `siteActiveIn(raw, hostname)` and `isSiteActiveNow(hostname)`
 * from `lib/settings/gate`, on the background's copy of the site gate when there is one
 * (`lib/page/stage1-inputs`). The background: `runLegacyMigration(db)` from
 * `lib/settings/legacy`, `keepSiteGateMirrored` from `lib/settings/site-gate`.
 */
export * from './hosts';
export * from './schema';
export * from './dismissals';
export * from './items';
export { dismissedKeys, watchDismissedKeys } from './page-store';
export * from './transfer';
