/**
 * Language guess for en, uk, ru, de, fr, es, it, pl, ro: script first (Cyrillic: letters
 * that only Ukrainian or only Russian uses, then stopwords), then stopwords and diacritics
 * for Latin-script text. Reads at most the first 20,000 code units.
 */
import type { DetectLanguage } from '../dataset/primitives';

const STOP: Record<Exclude<DetectLanguage, 'uk' | 'ru'>, string> = {
  en: 'the of and to in is that for was with on as are by from have has were which this said their his it be not but',
  de: 'der die das und ist nicht mit von den dem des ein eine sich auf für im auch wurde sind zu wie nach bei dass aus',
  fr: 'le la les des et est une un du dans que qui pour pas sur au aux avec ont par sont été il elle ce cette',
  es: 'el la los las de y que en un una por con para del se es al como más su fue han lo sus',
  it: 'il lo la gli le di e che un una per con del della dei delle sono è non nel alla anche ha da al',
  pl: 'i w z na się nie że do jest to o od przez dla po jak są za co oraz ich być został które',
  ro: 'și în de la cu pe care din o un pentru că este nu au fost mai ca sunt se iar lui ale',
};
const UK =
  'і в на що не з до як та це за але від його є вона були було від які який також вже під час після через'.split(
    ' ',
  );
const RU =
  'и в на что не с по как это за но от его она были было которые который также уже под во время после через'.split(
    ' ',
  );

const stopSets = Object.fromEntries(
  Object.entries(STOP).map(([k, v]) => [k, new Set(v.split(' '))]),
) as Record<keyof typeof STOP, Set<string>>;
const ukSet = new Set(UK);
const ruSet = new Set(RU);

const HINTS: [RegExp, keyof typeof STOP, number][] = [
  [/[ąęłńśźż]/u, 'pl', 3],
  [/[ăâîșțşţ]/u, 'ro', 3],
  [/[ßäöü]/u, 'de', 2],
  [/[ñ¿¡]/u, 'es', 3],
  [/[àèìòù]/u, 'it', 1],
  [/[çêëœûôï]/u, 'fr', 2],
];

/** Made when first used, not a literal (see the `\p{...}` rule in eslint.config.js). */
let wordSplit: RegExp | null = null;

export function detectLanguage(input: string, fallback: DetectLanguage = 'en'): DetectLanguage {
  const text = input.slice(0, 20_000).toLowerCase();
  let cyr = 0;
  let lat = 0;
  let ukOnly = 0;
  let ruOnly = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) {
      cyr++;
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491)
        ukOnly++; // і ї є ґ
      else if (c === 0x44b || c === 0x44d || c === 0x44a || c === 0x451) ruOnly++; // ы э ъ ё
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) lat++;
  }
  wordSplit ??= new RegExp("[^\\p{L}'’]+", 'u');
  const words = text.split(wordSplit).filter((w) => w.length > 0);
  if (cyr > lat) {
    let uk = ukOnly * 2;
    let ru = ruOnly * 2;
    for (const w of words) {
      if (ukSet.has(w)) uk++;
      if (ruSet.has(w)) ru++;
    }
    return uk > ru ? 'uk' : ru > uk ? 'ru' : ukOnly >= ruOnly && ukOnly > 0 ? 'uk' : 'ru';
  }
  if (lat === 0) return fallback;
  const score: Record<string, number> = { en: 0, de: 0, fr: 0, es: 0, it: 0, pl: 0, ro: 0 };
  for (const w of words)
    for (const lang of Object.keys(stopSets) as (keyof typeof STOP)[])
      if (stopSets[lang].has(w)) score[lang]! += 1;
  for (const [re, lang, weight] of HINTS) {
    const m = text.match(new RegExp(re.source, 'gu'));
    if (m) score[lang]! += Math.min(m.length, 50) * weight * 0.5;
  }
  let best: DetectLanguage = fallback;
  let bestScore = 0;
  for (const [lang, s] of Object.entries(score)) {
    if (s > bestScore) {
      best = lang as DetectLanguage;
      bestScore = s;
    }
  }
  return best;
}
