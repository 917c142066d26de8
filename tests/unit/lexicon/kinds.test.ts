/**
 * Recall on the kinds of positive passages issue #9 lists, in all nine languages, and the
 * hard negatives that share their words. Every sentence is our own, written for this test
 * (none is taken from a corpus); each kind is written several ways so that no rule is tuned
 * to one sentence.
 *
 * Kinds: returns announced through mediators or public figures without "deported"; campaign
 * names written as one word or a hashtag, and names split across scripts; citizenship,
 * passport and adoption decrees for orphans from occupied territories; nominalised phrasing
 * with the actor between the act and the children; children held in camps in Russia,
 * separated from their parents, with no deportation verb; adoption catalogues and databases
 * of Ukrainian children run by occupation authorities.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../lib/dataset/lexicon';
import { lexiconFiles } from '../../../lib/dataset/data/lexicon/index';
import { compileDetector, detectPassage } from '../../../lib/detect/index';

const det = compileDetector(lexiconFiles.map((file) => Lexicon.parse(file)));
const relevant = (text: string) => detectPassage(det, text).relevant;

type Case = [lang: string, text: string];

const MEDIATED_RETURNS: Case[] = [
  [
    'en',
    'Thanks to the First Lady, eight Ukrainian children held in Russia were reunited with their families.',
  ],
  [
    'en',
    'Qatar says four more Ukrainian children have returned home from Russia after talks it hosted.',
  ],
  ['uk', 'За посередництва Катару з Росії повернули ще п’ятьох українських дітей.'],
  ['ru', 'При посредничестве Ватикана украинские дети из России воссоединились с родными.'],
  [
    'de',
    'Durch Vermittlung Katars sind sechs ukrainische Kinder aus Russland zu ihren Familien zurückgekehrt.',
  ],
  [
    'fr',
    'Grâce à la médiation du Qatar, trois enfants ukrainiens retenus en Russie ont retrouvé leur famille.',
  ],
  [
    'es',
    'Gracias a la mediación de Catar, cinco niños ucranianos que estaban en Rusia volvieron con sus familias.',
  ],
  [
    'it',
    'Con la mediazione del Vaticano alcuni bambini ucraini trattenuti in Russia sono tornati dalle loro famiglie.',
  ],
  ['pl', 'Dzięki mediacji Kataru z Rosji wróciło do rodzin siedmioro ukraińskich dzieci.'],
  [
    'ro',
    'Prin medierea Qatarului, patru copii ucraineni aflați în Rusia s-au întors la familiile lor.',
  ],
  ['en', 'The Vatican helped return several Ukrainian children from Russia to their relatives.'],
  [
    'en',
    'Qatar-brokered talks led to the reunification of 12 Ukrainian children held in Russia with their families.',
  ],
  ['uk', 'Дружина президента США допомогла повернути українських дітей з Росії.'],
  [
    'de',
    'Melania Trump half, mehrere ukrainische Kinder aus Russland mit ihren Familien zusammenzuführen.',
  ],
  ['fr', 'Le Vatican a aidé à ramener des enfants ukrainiens de Russie auprès de leurs familles.'],
];

const CAMPAIGN_NAMES: Case[] = [
  ['en', 'The #BringKidsBackUA coalition met in Kyiv to plan its next steps.'],
  ['en', 'Donors pledged new funds to BringKidsBackUA at the conference.'],
  ['uk', 'Учасники ініціативи #BringKidsBackUA зустрілися в Києві.'],
  ['ru', 'Представители коалиции BringKidsBackUA провели встречу в Брюсселе.'],
  ['de', 'Die Initiative #BringKidsBackUA stellte in Berlin ihren Jahresbericht vor.'],
  ['fr', 'La coalition #BringKidsBackUA a présenté son rapport à Bruxelles.'],
  ['es', 'La coalición BringKidsBackUA presentó su informe en Madrid.'],
  ['it', 'La coalizione #BringKidsBackUA ha presentato il suo rapporto a Roma.'],
  ['pl', 'Koalicja #BringKidsBackUA przedstawiła swój raport w Warszawie.'],
  ['ro', 'Coaliția #BringKidsBackUA și-a prezentat raportul la București.'],
  // a name written half in Latin, half in Cyrillic letters
  ['ru', 'Мария Lvova-Белова снова выступила с заявлением.'],
  ['uk', 'Марія Lvova-Бєлова знову виступила із заявою.'],
  ['en', '#BringKidsBack UA activists gathered in Warsaw.'],
  ['en', 'The BringKidsBack UA initiative held a summit.'],
];

const CITIZENSHIP_DECREES: Case[] = [
  [
    'en',
    'Putin signed a decree granting simplified Russian citizenship to orphans from the DPR, LPR and Ukraine.',
  ],
  [
    'en',
    'A new decree makes it easier to give Russian passports to children without parental care from occupied Zaporizhzhia.',
  ],
  [
    'uk',
    'Путін підписав указ про спрощене надання російського громадянства дітям-сиротам з ДНР, ЛНР та України.',
  ],
  [
    'ru',
    'Путин подписал указ об упрощенном приеме в гражданство России детей-сирот из ДНР, ЛНР и Украины.',
  ],
  [
    'de',
    'Putin unterzeichnete ein Dekret, das Waisen aus den besetzten Gebieten der Ukraine die russische Staatsbürgerschaft erleichtert.',
  ],
  [
    'fr',
    'Poutine a signé un décret facilitant la citoyenneté russe pour les orphelins des territoires ukrainiens occupés.',
  ],
  [
    'es',
    'Putin firmó un decreto que facilita la ciudadanía rusa a los huérfanos de los territorios ucranianos ocupados.',
  ],
  [
    'it',
    'Putin ha firmato un decreto che semplifica la cittadinanza russa per gli orfani dei territori ucraini occupati.',
  ],
  [
    'pl',
    'Putin podpisał dekret ułatwiający nadawanie obywatelstwa rosyjskiego sierotom z okupowanych terytoriów Ukrainy.',
  ],
  [
    'ro',
    'Putin a semnat un decret care simplifică acordarea cetățeniei ruse orfanilor din teritoriile ocupate ale Ucrainei.',
  ],
  [
    'en',
    'A Kremlin decree simplified the procedure for granting Russian citizenship to orphaned children from occupied Ukraine.',
  ],
  ['ru', 'Путин упростил выдачу российских паспортов детям-сиротам с новых территорий.'],
  ['uk', 'Кремль спростив видачу російських паспортів дітям-сиротам з окупованих територій.'],
  [
    'pl',
    'Rosja nadała obywatelstwo rosyjskie sierotom z okupowanych terenów Ukrainy na mocy dekretu.',
  ],
];

const NOMINALISED: Case[] = [
  ['en', 'The court will examine the abduction and deportation by Russia of Ukraine’s children.'],
  ['uk', 'Суд розгляне викрадення та депортацію Росією дітей України.'],
  ['uk', 'Йдеться про примусове переміщення окупантами українських дітей до Криму.'],
  ['ru', 'Доклад посвящен похищению и депортации Россией украинских детей.'],
  ['ru', 'Речь идет о вывозе оккупационными властями украинских детей в Россию.'],
  ['pl', 'Raport dotyczy uprowadzenia i deportacji przez Rosję ukraińskich dzieci.'],
  ['de', 'Der Bericht behandelt die Verschleppung ukrainischer Kinder durch Russland.'],
  [
    'fr',
    'Le rapport porte sur l’enlèvement et la déportation par la Russie des enfants d’Ukraine.',
  ],
  [
    'es',
    'El informe trata del secuestro y la deportación por parte de Rusia de los niños de Ucrania.',
  ],
  [
    'it',
    'Il rapporto riguarda il rapimento e la deportazione da parte della Russia dei bambini dell’Ucraina.',
  ],
  ['ro', 'Raportul privește răpirea și deportarea de către Rusia a copiilor din Ucraina.'],
  [
    'en',
    'Thousands of Ukraine’s children were abducted and deported by Russia, the tribunal heard.',
  ],
];

const CAMPS_SEPARATED: Case[] = [
  [
    'en',
    'After Kherson was liberated, dozens of its children were still held in camps in Russia, separated from their parents.',
  ],
  [
    'uk',
    'Після звільнення Херсона десятки дітей і далі утримували в таборах у Росії, розлучених із батьками.',
  ],
  [
    'ru',
    'После освобождения Херсона десятки детей оставались в лагерях в России, разлученные с родителями.',
  ],
  [
    'de',
    'Nach der Befreiung Chersons wurden Dutzende Kinder weiter in Lagern in Russland festgehalten, getrennt von ihren Eltern.',
  ],
  [
    'fr',
    'Après la libération de Kherson, des dizaines d’enfants restaient retenus dans des camps en Russie, séparés de leurs parents.',
  ],
  [
    'es',
    'Tras la liberación de Jersón, decenas de niños seguían retenidos en campamentos en Rusia, separados de sus padres.',
  ],
  [
    'it',
    'Dopo la liberazione di Kherson, decine di bambini erano ancora trattenuti in campi in Russia, separati dai genitori.',
  ],
  [
    'pl',
    'Po wyzwoleniu Chersonia dziesiątki dzieci nadal przetrzymywano w obozach w Rosji, z dala od rodziców.',
  ],
  [
    'ro',
    'După eliberarea Hersonului, zeci de copii erau încă ținuți în tabere din Rusia, despărțiți de părinți.',
  ],
  [
    'en',
    'The children from Izium were kept at a camp near Moscow for months after their town was liberated.',
  ],
  ['ru', 'Украинских детей из Херсона держали в лагерях на территории России, вдали от родителей.'],
];

const ADOPTION_CATALOGUES: Case[] = [
  [
    'en',
    'Occupation authorities in Luhansk posted an adoption catalogue listing Ukrainian children.',
  ],
  [
    'en',
    'Ukrainian children from Kherson appear in a Russian adoption database, investigators found.',
  ],
  ['uk', 'Окупаційна влада Луганська розмістила каталог українських дітей для усиновлення.'],
  ['ru', 'Оккупационные власти выложили в базу данных для усыновления анкеты украинских детей.'],
  ['de', 'Die Besatzungsbehörden stellten ukrainische Kinder in einen Adoptionskatalog.'],
  [
    'fr',
    'Les autorités d’occupation russes ont publié un catalogue d’adoption d’enfants ukrainiens.',
  ],
  [
    'es',
    'Las autoridades de ocupación rusas publicaron un catálogo de adopción con niños ucranianos.',
  ],
  [
    'it',
    'Le autorità di occupazione russe hanno pubblicato un catalogo di adozione con bambini ucraini.',
  ],
  ['pl', 'Władze okupacyjne opublikowały katalog adopcyjny z ukraińskimi dziećmi.'],
  ['ro', 'Autoritățile ruse de ocupație au publicat un catalog de adopție cu copii ucraineni.'],
  [
    'en',
    'Russian-installed authorities listed Ukrainian children on an adoption website, the report said.',
  ],
  [
    'en',
    'Pro-Kremlin officials in Donetsk ran a database of children available for adoption by Russian families.',
  ],
  ['uk', 'Росія внесла українських дітей з окупованих територій до бази даних для усиновлення.'],
];

const HARD_NEGATIVES: Case[] = [
  // Ukraine's own evacuations, with "separated" and "camps" words
  [
    'en',
    'Ukrainian police evacuated 30 children from frontline Kupiansk; some were separated from their parents for a week.',
  ],
  [
    'uk',
    'Поліція евакуювала дітей із прифронтового Куп’янська до таборів відпочинку на Закарпатті.',
  ],
  [
    'de',
    'Die ukrainischen Behörden brachten Kinder aus Frontorten in Sommerlager in der Westukraine.',
  ],
  // prisoner exchanges mediated by the same countries
  [
    'en',
    'Qatar and the UAE mediated a prisoner exchange; 95 Ukrainian soldiers returned home from Russia.',
  ],
  ['ru', 'При посредничестве ОАЭ Россия и Украина обменялись пленными, военные вернулись домой.'],
  ['pl', 'Dzięki mediacji Kataru Rosja i Ukraina wymieniły jeńców wojennych.'],
  // other countries' deportations and citizenship rules
  ['en', 'The United States deported several families with children to Guatemala last week.'],
  ['de', 'Die Ausländerbehörde hat eine Familie mit Kindern nach Serbien abgeschoben.'],
  [
    'fr',
    'Un décret facilite la citoyenneté française pour les enfants nés en France de parents étrangers.',
  ],
  [
    'es',
    'El Gobierno aprobó un decreto que facilita la ciudadanía española a los hijos de emigrantes.',
  ],
  // adoption catalogues elsewhere
  [
    'en',
    'The county adoption agency published a new catalogue of children waiting for families in Ohio.',
  ],
  [
    'it',
    'Il tribunale per i minorenni di Milano ha aggiornato la banca dati delle adozioni nazionali.',
  ],
  // Soviet deportations and other ICC cases
  ['ro', 'În 1949 autoritățile sovietice au deportat familii întregi cu copii în Siberia.'],
  [
    'en',
    'The ICC issued a warrant over the abduction of children by the Lord’s Resistance Army in Uganda.',
  ],
  // campaign-like hashtags about other causes
  ['en', 'The #BringBackOurGirls campaign marked ten years since the Chibok kidnapping.'],
  // public figures and mediators in other children's stories
  ['en', 'Melania Trump visited a children’s hospital in Washington and met families.'],
  ['en', 'The Vatican hosted children from Rome’s schools for a Christmas concert.'],
  [
    'en',
    'Ukraine evacuated children from Kharkiv to camps in western Ukraine, separating some from their parents.',
  ],
  [
    'en',
    'Russia simplified citizenship rules for foreign workers and their children from Central Asia.',
  ],
];

describe.each<[string, Case[]]>([
  ['returns through mediators and public figures', MEDIATED_RETURNS],
  ['campaign names as one word or a hashtag, and names across scripts', CAMPAIGN_NAMES],
  ['citizenship, passport and adoption decrees for orphans', CITIZENSHIP_DECREES],
  ['nominalised phrasing with the actor in between', NOMINALISED],
  ['children held in camps in Russia, separated from their parents', CAMPS_SEPARATED],
  ['adoption catalogues and databases of Ukrainian children', ADOPTION_CATALOGUES],
])('recall by kind: %s', (_kind, cases) => {
  it.each(cases)('[%s] relevant: %s', (_lang, text) => {
    expect(relevant(text)).toBe(true);
  });
});

describe('recall by kind: the hard negatives that share their words stay silent', () => {
  it.each(HARD_NEGATIVES)('[%s] not relevant: %s', (_lang, text) => {
    expect(relevant(text)).toBe(false);
  });
});

describe('recall by kind: every kind is written in all nine languages', () => {
  it.each<[string, Case[]]>([
    ['mediated returns', MEDIATED_RETURNS],
    ['campaign names', CAMPAIGN_NAMES],
    ['decrees', CITIZENSHIP_DECREES],
    ['nominalised', NOMINALISED],
    ['camps', CAMPS_SEPARATED],
    ['catalogues', ADOPTION_CATALOGUES],
  ])('%s', (_kind, cases) => {
    expect(new Set(cases.map(([lang]) => lang))).toEqual(
      new Set(['en', 'uk', 'ru', 'de', 'fr', 'es', 'it', 'pl', 'ro']),
    );
  });
});
