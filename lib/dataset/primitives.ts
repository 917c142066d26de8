import { z } from 'zod';
import { DETECT_LANGUAGES } from './detect-languages';
import { PARTIAL_DATE, RECORD_ID } from './formats';

/** Record ids are kebab-case slugs: stable, readable in URLs and logs. */
export const Id = z
  .string()
  .max(80)
  .regex(RECORD_ID, 'must be a kebab-case slug (a-z, 0-9, single hyphens)');

/**
 * A calendar date, as precise as the source is: `YYYY-MM-DD`, or `YYYY-MM` when the
 * source gives only a month. Strings in this form sort chronologically.
 */
export const PartialDate = z
  .string()
  .regex(PARTIAL_DATE, 'must be an ISO date (YYYY-MM-DD or YYYY-MM)');
export type PartialDate = z.infer<typeof PartialDate>;

/** Only `https:` links ever reach a reader. */
export const HttpsUrl = z
  .string()
  .max(600)
  .url()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an https: URL');

export const LanguageCode = z.enum([
  'en',
  'uk',
  'ru',
  'de',
  'fr',
  'es',
  'it',
  'pl',
  'ro',
  'cs',
  'et',
  'pt',
  'nl',
  'hu',
  'bg',
]);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** Languages the detector ships a lexicon for. */
export const DetectLanguage = z.enum(DETECT_LANGUAGES);
export type DetectLanguage = z.infer<typeof DetectLanguage>;

export const text = (max: number) => z.string().trim().min(1).max(max);

/** Text shown to readers, in English (required) and Ukrainian. */
export const LocalizedText = (max: number) =>
  z.strictObject({
    en: text(max),
    uk: text(max).optional(),
  });
export type LocalizedText = z.infer<ReturnType<typeof LocalizedText>>;

/** A verbatim quote in its original language. */
export const Quote = z.strictObject({
  text: text(400),
  lang: LanguageCode,
});
export type Quote = z.infer<typeof Quote>;

/**
 * `unconfirmed`: the fact sheet could not tie the item to a dated primary statement, or
 * its date or wording is uncertain. The card shows this to the reader.
 */
export const Confidence = z.enum(['confirmed', 'unconfirmed']);
export type Confidence = z.infer<typeof Confidence>;
