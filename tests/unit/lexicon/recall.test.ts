/**
 * Recall of the bundled lexicons on common news phrasing: neutral removal and transfer verbs
 * ("transported", "relocated", "sent to", "adopted", "вивезли", "verbracht", "trasferiti" ...)
 * with a Russia-side destination, returns with Russia as the actor, and the hard negatives
 * those verbs must not turn into false alarms (Ukraine's own evacuations, children taken to
 * hospital in an occupied city, prisoner exchanges, refugee children in EU schools, Soviet
 * deportations).
 *
 * All sentences are our own, written for this test.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../lib/dataset/lexicon';
import { lexiconFiles } from '../../../lib/dataset/data/lexicon/index';
import { compileDetector, detectPassage } from '../../../lib/detect/index';

const lexicons = lexiconFiles.map((file) => Lexicon.parse(file));
const det = compileDetector(lexicons);
const relevant = (text: string) => detectPassage(det, text).relevant;

type Case = [lang: string, text: string];

const POSITIVE: Case[] = [
  // en
  ['en', 'Investigators say some 900 children were transported from Kherson to camps in Belarus.'],
  [
    'en',
    'The boys were relocated to a boarding school in the Moscow region of Russia last spring.',
  ],
  ['en', 'Dozens of orphans from Mariupol have been sent to foster homes in Russian regions.'],
  ['en', 'Officials in Moscow say that Russians adopted more than 300 of the Ukrainian orphans.'],
  ['en', 'Several teenagers were taken from Kherson to Russia without their parents, Kyiv said.'],
  [
    'en',
    'The children were placed in institutions in 12 regions of the Russian Federation, the report found.',
  ],
  ['en', 'Russia has agreed to return four Ukrainian children to relatives after talks in Doha.'],
  ['en', 'The girls were moved to a camp in Russia’s Far East, their aunt told reporters.'],
  // uk
  ['uk', 'Окупанти вивезли понад сто дітей з Херсонщини до Росії, повідомили в Офісі омбудсмана.'],
  ['uk', 'Вихованців інтернату перевезли в Росію без згоди опікунів.'],
  ['uk', 'Дітей із Маріуполя відправили до Білорусі на так зване оздоровлення.'],
  ['uk', 'Щонайменше двісті дітей-сиріт усиновили російські сім’ї, заявили в Києві.'],
  ['uk', 'Вісім дітей було переміщено до Росії з окупованої частини Запорізької області.'],
  // ru
  ['ru', 'Более ста детей из Мариуполя перевезли в Россию осенью, сообщила украинская сторона.'],
  ['ru', 'Воспитанников интерната отправили в Белоруссию, заявили в Киеве.'],
  ['ru', 'Около двухсот детей-сирот из Донбасса усыновили семьи в России.'],
  ['ru', 'Дети были приняты в России в семьи опекунов, рассказала чиновница.'],
  ['ru', 'Омбудсмен заявила, что на Украину передан еще 21 ребенок.'],
  // de
  ['de', 'Nach Angaben aus Kiew wurden mehr als 200 Kinder aus Cherson nach Russland gebracht.'],
  ['de', 'Die Waisen wurden in Heime in russischen Regionen transportiert, sagen Ermittler.'],
  [
    'de',
    'Die Kinder wurden von russischen Familien adoptiert, berichtet eine ukrainische Stiftung.',
  ],
  // fr
  ['fr', 'Des centaines d’enfants ukrainiens ont été emmenés en Russie, selon les enquêteurs.'],
  ['fr', 'Ces orphelins de Kherson ont été transférés en Biélorussie à l’automne.'],
  ['fr', 'Selon Kiev, plusieurs enfants ont été adoptés par des familles russes.'],
  // es
  ['es', 'Según Kiev, decenas de niños ucranianos fueron trasladados a Rusia sin sus padres.'],
  ['es', 'Los huérfanos de Jersón fueron enviados a campamentos en Bielorrusia.'],
  ['es', 'Algunos menores fueron adoptados por familias rusas, según la investigación.'],
  // it
  ['it', 'Secondo Kiev, centinaia di bambini ucraini sono stati trasferiti in Russia.'],
  ['it', 'Gli orfani sono stati portati in istituti della Federazione russa, dice il rapporto.'],
  ['it', 'Alcuni bambini sono stati adottati da famiglie russe, secondo gli investigatori.'],
  // pl
  ['pl', 'Według Kijowa setki ukraińskich dzieci zostały przewiezione do Rosji.'],
  ['pl', 'Sieroty z Chersonia wysłano na Białoruś na rzekome wakacje.'],
  ['pl', 'Część dzieci została adoptowana przez rodziny w Rosji, twierdzą śledczy.'],
  // ro
  ['ro', 'Potrivit Kievului, sute de copii ucraineni au fost transferați în Rusia.'],
  ['ro', 'Orfanii din Herson au fost duși în Belarus, spun anchetatorii.'],
  ['ro', 'Unii copii au fost adoptați de familii rusești, potrivit raportului.'],
];

const NEGATIVE: Case[] = [
  // Ukraine's own evacuations from frontline towns
  [
    'en',
    'Ukrainian authorities relocated 120 children from frontline villages near Kupiansk to safer areas of Ukraine.',
  ],
  ['uk', 'Із прифронтових громад Харківщини перевезли ще 40 дітей у безпечніші регіони України.'],
  ['ru', 'Украинские власти перевезли детей из прифронтовых сел Запорожской области во Львов.'],
  ['de', 'Ukrainische Behörden haben Kinder aus frontnahen Dörfern in sichere Regionen gebracht.'],
  [
    'pl',
    'Władze Ukrainy przewiozły dzieci z przyfrontowych miejscowości do bezpieczniejszych obwodów.',
  ],
  // children taken to hospital in an occupied city after a strike
  [
    'en',
    'Two children were taken to hospital in occupied Donetsk after the strike, officials said.',
  ],
  ['en', 'Three boys were taken to a hospital in Russian-occupied Horlivka after shelling.'],
  ['uk', 'Двох дітей після обстрілу перевезли до лікарні в окупованому Донецьку.'],
  ['ru', 'После обстрела троих детей отправили в больницу в оккупированном Донецке.'],
  ['de', 'Nach dem Angriff wurden zwei Kinder in ein Krankenhaus im besetzten Gebiet gebracht.'],
  ['fr', 'Après la frappe, deux enfants ont été emmenés à l’hôpital dans les territoires occupés.'],
  ['es', 'Tras el ataque, dos niños fueron trasladados al hospital en los territorios ocupados.'],
  ['it', 'Dopo l’attacco due bambini sono stati portati in ospedale nei territori occupati.'],
  ['pl', 'Po ostrzale dwoje dzieci przewieziono do szpitala na terytoriach okupowanych.'],
  ['ro', 'După atac, doi copii au fost transportați la spital în teritoriile ocupate.'],
  // prisoner exchanges
  [
    'en',
    'Russia returned 150 prisoners of war in an exchange on Friday, and their children waited in Kyiv.',
  ],
  ['uk', 'Росія повернула 100 військовополонених, серед яких батьки дітей з Харкова.'],
  [
    'ru',
    'В ходе обмена пленными Россия передала Украине 90 военнопленных, у многих дома ждут дети.',
  ],
  // refugee children in EU schools
  [
    'en',
    'Ukrainian refugee children were placed in schools across Germany and Poland this autumn.',
  ],
  ['de', 'Geflüchtete ukrainische Kinder wurden an Schulen in Bayern untergebracht.'],
  ['pl', 'Ukraińskie dzieci uchodźców zostały umieszczone w polskich szkołach.'],
  ['it', 'I bambini ucraini rifugiati sono stati inseriti nelle scuole italiane.'],
  // Soviet deportations
  [
    'en',
    'In 1944 Soviet authorities transported Crimean Tatar families, including children, to Central Asia.',
  ],
  ['ru', 'В 1944 году советские власти перевезли семьи с детьми в Казахстан.'],
  ['uk', 'У 1944 році радянська влада вивезла кримських татар разом із дітьми до Середньої Азії.'],
  // war damage phrased with the possessive
  ['en', 'Children displaced in Russia’s war were moved to new schools in Lviv last month.'],
  [
    'en',
    'Refugee children from Ukraine were placed in Dutch schools; in Russia’s view the aid is hostile.',
  ],
  ['uk', 'Після обстрілу окупованого Донецька дітей переміщено до укриття.'],
  ['en', 'Thousands of children have been displaced in Russia’s war and now study online in Kyiv.'],
  ['en', 'The resolution adopted by the assembly mentions children in Ukraine.'],
];

describe('lexicon recall: removal and transfer verbs with a Russia-side destination', () => {
  it.each(POSITIVE)('[%s] relevant: %s', (_lang, text) => {
    expect(relevant(text)).toBe(true);
  });
});

describe('lexicon recall: hard negatives stay silent', () => {
  it.each(NEGATIVE)('[%s] not relevant: %s', (_lang, text) => {
    expect(relevant(text)).toBe(false);
  });
});

describe('lexicon recall: tokenisation', () => {
  it('reads a hyphenated compound (детей-сирот) as its parts', () => {
    expect(relevant('Около ста детей-сирот из Донецка перевезли в Россию.')).toBe(true);
  });
  it("reads a possessive (Russia’s, Russia's) as the country", () => {
    expect(relevant('The orphans were sent to a camp in Russia’s Far East.')).toBe(true);
    expect(relevant("The orphans were sent to a camp in Russia's Far East.")).toBe(true);
  });
  it('validates every lexicon and covers the nine languages', () => {
    expect(lexicons.map((l) => l.lang).sort()).toEqual(
      ['de', 'en', 'es', 'fr', 'it', 'pl', 'ro', 'ru', 'uk'].sort(),
    );
  });
});
