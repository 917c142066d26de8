/**
 * Languages the detector ships a lexicon for. A plain list, without Zod, so that the
 * settings schema (`zod/mini`, read by stage 2 on topic pages) and the dataset schemas
 * (classic Zod) build their enums from the one list.
 */
export const DETECT_LANGUAGES = ['en', 'uk', 'ru', 'de', 'fr', 'es', 'it', 'pl', 'ro'] as const;
