import { termOf, termsOf } from '../../lib/text-analysis.js';
import { FILLER, WRITTEN_WORD } from '../../lib/search-query.js';
import { withoutQuotes } from '../../lib/text-structure.js';
import { stopWords } from '../../lib/language.js';
import type { QueryTerm, RankedPage } from '../knowledge/ranking.js';
import type { Chunk } from '../knowledge/types.js';
import { compilePhrase, firstMatch, normalise, tokens, type CompiledPhrase } from './triggers/phrases.js';
import { sentencesOf } from './triggers/triggers.js';

/**
 * Whether the content answers the question at all, decided from the ranking's evidence before
 * anything is quoted: how much of what the question is about (its terms, weighted by rarity)
 * the best page holds. A question about lasagna on a note-taking site matches "good" and "make"
 * somewhere; it matches nothing of "lasagna" and "recipe", which carry most of its weight. Below
 * the floor the visitor is told the documentation does not cover it, instead of getting three
 * unrelated excerpts. The floor is calibrated with `npm run bench:quality`, which prints the
 * trade-off between answerable questions refused and unanswerable ones answered.
 */

export interface AnswerabilityEvidence {
  /** Share of the question's weight (summed idf) that the best page's passages hold, 0 to 1. */
  coverage: number;
  /** The same for the best single passage. */
  passageCoverage: number;
  /** Share of the question's weight in words the content never uses. */
  unknown: number;
  /** How many terms the question had. */
  terms: number;
  /** Passages in the whole corpus. */
  passages: number;
  /**
   * The index terms of what the question is about: its rarest word the content uses, other than
   * the words that ask for a price, size or date ("platform" in "what does the Platform plan
   * cost?"). A fact answers the question only in a passage that names it.
   */
  subject?: string[];
  /** The question's other words that may be its subject, rarest first: known, not asking words. */
  subjects?: { word: string; variants: string[] }[];
  /** The question's words the content never uses (a misspelling of one it does use is not one). */
  unknownWords?: string[];
  /**
   * Of those, the words of the question's own (not a translation's) that may name what it is
   * about: not words with a digit, nor the words that ask ("how long", "how often", "typically").
   */
  absentWords?: string[];
  /**
   * Whether a capital letter marks a name in the question: its language does not capitalise every
   * noun (German does). In another language than the content's too: "Facebook-gruppe" in a Danish
   * question names what an English page would.
   */
  readsNames?: boolean;
  /** The question is in the content's language (a name translated for it, "Google Agenda", is not). */
  inContentLanguage?: boolean;
}

export interface Gate {
  /** The best page must hold at least this share of the question's weight… */
  minCoverage: number;
  /** …and words the content never uses must carry less than this share of it. */
  maxUnknown: number;
  /**
   * Below this many passages (a few Q&A snippets on a new install) rarity says little: every
   * word a snippet lacks looks rare. There the gate only refuses when nothing matched at all.
   */
  minPassages: number;
  /**
   * A question of at least this many terms is a story (a pasted issue, a log), judged by the
   * laxer floor and limit below: its incidental words (its surroundings, names, log tokens)
   * dilute what the best page covers, while questions nothing answers are short.
   */
  long: { terms: number; minCoverage: number; maxUnknown: number };
}

// Calibrated on the tuning sets with `npm run bench:quality` (its gate table): the strictest
// floor that refused no English answerable question there.
// The long questions' floor: on eight sets, 4 of 184 unanswerable questions had 15 terms or more
// (all covered above 0.28), while on a help centre of 400 passages long answerable stories were
// covered at 0.12 to 0.21 of their weight.
export const DEFAULT_GATE: Gate = { minCoverage: 0.25, maxUnknown: 0.4, minPassages: 50, long: { terms: 15, minCoverage: 0.1, maxUnknown: 0.6 } };

// The glossary's English for a word is one synonym of several the pages might use ("colleague"
// where they say "team member"): an ordinary word, not a name or a thing the content lacks, so
// it counts half towards the unknown share. (A foreign word the glossary does not know counts
// fully: at half weight it let as many unanswerable questions through as answerable ones.)
const TRANSLATED_UNKNOWN = 0.5;
// A word the content does not use, read as one it does ("pasword"), may be a misspelling or a name
// that happens to be one letter from a word ("Stripe", "strip"): half of each.
const CORRECTED_UNKNOWN = 0.5;

// A question's weight counts each term's rarity, but no single term more than this, so one
// misspelt or pasted word (a log line, a model number) cannot sink an otherwise covered question.
const MAX_TERM_WEIGHT = 6;

// Words that ask for the fact rather than name what it is about, as index terms: English (other
// languages' questions reach English content through the glossary's English), and the same words
// in the widget's other languages for content in those languages (not German "pro", per: it is a
// plan's name in English).
const ASKING_ABROAD: Record<string, string[]> = {
  de: ['kosten', 'kostet', 'preis', 'preise', 'monat', 'monatlich', 'jahr', 'jährlich', 'gebühr', 'speicher', 'version', 'datum'],
  fr: ['coût', 'coûte', 'coûtent', 'prix', 'tarif', 'mois', 'mensuel', 'an', 'année', 'annuel', 'par', 'stockage', 'version', 'date'],
  es: ['cuesta', 'cuestan', 'coste', 'costo', 'precio', 'precios', 'mes', 'mensual', 'año', 'anual', 'por', 'almacenamiento', 'versión', 'fecha'],
  nl: ['kost', 'kosten', 'prijs', 'prijzen', 'maand', 'maandelijks', 'jaar', 'jaarlijks', 'per', 'opslag', 'versie', 'datum'],
  da: ['koster', 'pris', 'priser', 'måned', 'månedlig', 'år', 'årlig', 'pr', 'lagerplads', 'version', 'dato'],
  sv: ['kostar', 'pris', 'priser', 'månad', 'månadsvis', 'år', 'årlig', 'per', 'lagring', 'version', 'datum'],
};
const ASKING_WORDS = ['cost', 'costs', 'price', 'prices', 'pricing', 'charge', 'pay', 'paid', 'fee', 'fees', 'month', 'monthly', 'year', 'yearly', 'annual', 'annually', 'per', 'much', 'many', 'plan', 'plans', 'subscription', 'storage', 'space', 'disk', 'quota', 'limit', 'size', 'gb', 'mb', 'tb', 'release', 'released', 'version', 'date', 'exactly', 'available', 'come', 'coming', 'expect', 'soon'];
let asking: Set<string> | undefined;
const askingTerms = () =>
  (asking ??= new Set([...ASKING_WORDS.map((w) => termOf(w, 'en')), ...Object.entries(ASKING_ABROAD).flatMap(([language, words]) => words.map((w) => termOf(w, language)))]));

const NOUNS_CAPITALISED = new Set(['de', 'lb']);

// Words that ask how long, how often or how exactly, as index terms: a page that says "daily"
// never writes "often", and one that says "5 to 10 days" never writes "long" or "typically".
const HEDGES = ['long', 'longer', 'often', 'frequently', 'typically', 'usually', 'normally', 'generally', 'roughly', 'approximately', 'about', 'around', 'exactly', 'ever', 'take', 'takes', 'last', 'lasts', 'keep', 'stay', 'soon', 'far', 'back'];
let hedges: Set<string> | undefined;
const hedgeTerms = () => (hedges ??= new Set(HEDGES.map((w) => termOf(w, 'en'))));

export function answerabilityEvidence(query: QueryTerm[], pages: RankedPage[], passages: number, languages: { question?: string; content?: string } = {}): AnswerabilityEvidence {
  const weight = (t: QueryTerm) => Math.min(t.idf, MAX_TERM_WEIGHT);
  const total = query.reduce((s, t) => s + weight(t), 0);
  // Among the words the best page holds: a rare word nothing matched ("my small bakery") is not
  // what the question is about.
  const held = new Set(pages[0]?.passages.flatMap((p) => p.matched) ?? []);
  const subjects = query.filter((t) => t.df > 0 && !t.corrected && !/^\d+$/.test(t.word) && !t.variants.some((v) => askingTerms().has(v)));
  const subject = subjects.find((t) => held.has(query.indexOf(t)))?.variants;
  const unknownWords = query.filter((t) => t.df === 0 || t.corrected).map((t) => t.word);
  const absentWords = query
    .filter((t) => t.df === 0 && !t.corrected && !t.translated && !/\d/.test(t.word) && !t.variants.some((v) => askingTerms().has(v) || hedgeTerms().has(v)))
    .map((t) => t.word);
  const readsNames = !!languages.question && !NOUNS_CAPITALISED.has(languages.question);
  const inContentLanguage = !!languages.question && languages.question === languages.content;
  const words = { subject, subjects: subjects.map(({ word, variants }) => ({ word, variants })), unknownWords, absentWords, readsNames, inContentLanguage };
  if (!total || !pages.length) return { coverage: 0, passageCoverage: 0, unknown: total ? 1 : 0, terms: query.length, passages, ...words };
  const share = (indexes: Iterable<number>) => [...new Set(indexes)].reduce((s, i) => s + weight(query[i]!), 0) / total;
  const best = pages[0]!;
  return {
    coverage: share(best.passages.flatMap((p) => p.matched)),
    passageCoverage: Math.max(...best.passages.map((p) => share(p.matched))),
    unknown: query.reduce((s, t) => s + weight(t) * (t.df === 0 ? (t.translated ? TRANSLATED_UNKNOWN : 1) : t.corrected ? CORRECTED_UNKNOWN : 0), 0) / total,
    terms: query.length,
    passages,
    ...words,
  };
}

export function isAnswerable(evidence: AnswerabilityEvidence, gate: Gate = DEFAULT_GATE): boolean {
  if (evidence.terms === 0 || evidence.coverage === 0) return false;
  if (evidence.passages < gate.minPassages) return true;
  const { minCoverage, maxUnknown } = evidence.terms >= gate.long.terms ? gate.long : gate;
  return evidence.coverage >= minCoverage && evidence.unknown < maxUnknown;
}

/**
 * Some questions are only answered by one kind of fact, whatever words they share with the
 * content. "What does the Pro plan cost per year?" is answered by an amount of money and by
 * nothing else: a page about the Pro plan's features covers every word of it and still does not
 * answer it (the expected answer type of question answering, as in Harabagiu et al., "FALCON",
 * TREC 2000). Only kinds that can be told reliably from the words are named here; every other
 * question has none and is left to the coverage gate.
 */
export type AnswerKind = 'price' | 'size' | 'release' | 'percentage' | 'location' | 'offer' | 'quantity';

// A price compared: "would X be cheaper than Y for a team of 10?"
const COMPARED_PRICE = 'would|will|is|are|be cheaper|pricier|costlier|more+expensive|less+expensive than';

// Phrase language of triggers/phrases.ts, on normalised words.
// A version as the words read it ("7.0" is "7" and "0"; "v5"), for a release asked by its number.
const VERSION_NUMBERS = [...Array.from({ length: 31 }, (_, i) => String(i)), ...Array.from({ length: 9 }, (_, i) => `v${i + 1}`)].join('|');

const ASKS: Record<AnswerKind, CompiledPhrase[]> = {
  // Sizes first: "how much storage is in the Pro plan?" asks for a size, not a price.
  // A share: "what uptime do you guarantee?", "what percentage of the bill is credited?"
  percentage: [
    'what+uptime|which+uptime|uptime+guarantee|guaranteed+uptime|uptime+sla|availability+guarantee|guaranteed+availability',
    'uptime|availability .. do+you+guarantee|do+you+promise|is+guaranteed|you+guarantee',
    'what+percentage|which+percentage|what+percent|how+many+percent|what+share=+of',
  ].map(compilePhrase),
  size: [
    'how+much|how+many storage|space|disk|gb|mb|tb|gigabytes|megabytes|quota',
    'what+s|whats|what+is|what+are the storage|upload|file|attachment|disk|mailbox size|space|limit|limits|quota|cap',
    'wie+viel|wieviel speicher|speicherplatz',
    'combien de stockage|espace',
    'cuanto almacenamiento|espacio',
    'hoeveel opslag|opslagruimte|ruimte',
    'hvor+meget lagerplads|plads',
  ].map(compilePhrase),
  price: [
    'how+much does|do|did|will|would|should .. cost=|costs=|charge=|charged|pay=|paid',
    'how+much is|are|for .. plan|plans|subscription|subscriptions|licence|license|licenses|seat|seats|upgrade|pro=|premium|tier|membership',
    'how+much per|each .. month|year|user|seat|person|licence|license',
    COMPARED_PRICE,
    'what does|do|will|would .. cost=|costs= per|a|each|in|for|to|me|us',
    'what+s|whats|what+is|what+are the price|prices|pricing',
    'what+s|whats|what+is|what+are the cost=|costs=|fee=|fees= of|for|per',
    'was|wie+viel|wieviel kostet|kosten',
    'combien coute|coutent|ca+coute|cela+coute|faut+il+payer',
    'cuanto cuesta|cuestan|vale|cobran',
    'wat|hoeveel kost|kosten',
    'hvad|hvor+meget koster',
    'vad|hur+mycket kostar',
  ].map(compilePhrase),
  // Where the company keeps data: "where are your servers?", "stehen eure Server in der EU?".
  // Answered by a place, not by the company speaking of its hosting ("we host and back up…").
  location: [
    'where|which+country|what+country|which+region|what+region|in+which+country .. your+servers|your+data+center|your+data+centre|your+datacenter|your+infrastructure|your+hosting',
    'your+servers|your+data+center|your+data+centre|your+datacenter .. located|based|hosted|in+the+eu|in+europe|in+germany|in+the+us',
    // The country asked for, whosever the servers ("which country are the servers in?"); "where"
    // only with "your" ("where do I find the server settings?" is a how-to)
    'which+country|what+country|which+region|what+region|in+which+country .. server|servers|data+center|data+centre|datacenter|data+centers|datacenters',
    'welchem+land|welcher+region|welchen+landern .. server|rechenzentrum|rechenzentren',
    'quel+pays|quelle+region .. serveur|serveurs|centre+de+donnees|centres+de+donnees',
    'que+pais|que+region|en+que+pais .. servidor|servidores|centro+de+datos|centros+de+datos',
    'welk+land|welke+regio .. server|servers|datacenter|datacenters',
    'hvilket+land|hvilken+region .. server|servere|datacenter',
    'vilket+land|vilken+region .. server|servrar|datacenter',
    // Where the company keeps data, in the widget's other languages
    'wo|welchem+land|welcher+region .. eure+server|ihre+server|euer+rechenzentrum|ihr+rechenzentrum|eure+rechenzentren|ihre+rechenzentren',
    'eure+server|ihre+server|euer+rechenzentrum|ihr+rechenzentrum .. deutschland|eu=|europa|standort|gehostet',
    // ("ou" is "or" too, Danish "hvor" "how" and Swedish "var" "was": with a verb of place)
    'ou+sont|ou+se+trouvent|ou+est|ou+se+trouve|quel+pays|quelle+region .. vos+serveurs|votre+centre+de+donnees|vos+centres+de+donnees|votre+hebergement',
    'vos+serveurs|votre+centre+de+donnees .. en+france|en+europe|dans+l+ue|situes|localises|heberges',
    'donde|que+pais|que+region .. sus+servidores|vuestros+servidores|su+centro+de+datos|vuestro+centro+de+datos',
    'sus+servidores|vuestros+servidores .. en+espana|en+europa|en+la+ue|ubicados|alojados',
    'waar|welk+land|welke+regio .. jullie+servers|uw+servers|jullie+datacenter|uw+datacenter',
    'jullie+servers|uw+servers|jullie+datacenter|uw+datacenter .. in+nederland|in+europa|in+de+eu|gevestigd|gehost',
    'hvor+er|hvor+star|hvor+ligger|hvilket+land|hvilken+region .. jeres+servere|jeres+server|jeres+datacenter',
    'jeres+servere|jeres+server|jeres+datacenter .. i+danmark|i+europa|i+eu|placeret|hostet',
    'var+ar|var+star|var+finns|var+ligger|vilket+land|vilken+region .. era+servrar|ert+datacenter',
    'era+servrar|ert+datacenter .. i+sverige|i+europa|i+eu|placerade',
  ].map(compilePhrase),
  // What the company itself offers or signs and its terms: "do you have a free trial?", "do you
  // sign a BAA?", "what is the notice period?".
  // Answered by the company speaking of itself; product documentation that happens to use the
  // word ("mau_trial_days") does not. Features asked of the product ("do you offer an API?",
  // "do you import from Evernote?") are not among these.
  offer: [
    // Discounts and programmes of the company's, not a shop's discount codes
    'do+you|does+your+company|do+you+guys|have+you+got|will+you|would+you .. offer|have|provide|give .. trial|trials|student+discount|student+discounts|education+discount|educational+discount|academic+discount|startup+discount|nonprofit+discount|non+profit+discount|charity+discount|volume+discount|startup+program|startup+programme|reseller+program|reseller+programme|affiliate+program|affiliate+programme|referral+program|referral+programme|sla=|uptime+guarantee|phone+support|managed+migration|migration+service|baa=|baas=|dpa=|soc+2|soc2|iso+27001|hipaa|data+center|data+centre|datacenter|servers+in',
    'do+you|does+your+company|do+you+guys|have+you+got|will+you|would+you .. offer|have|provide|give .. discount|discounts .. for nonprofits|non+profits|charities|students|schools|education|startups|ngos|universities|teachers',
    'do+you+sign|will+you+sign|would+you+sign|does+your+company+sign dpa=|dpas|baa=|baas|contract|contracts|nda=|ndas|agreement|agreements|scc=|sccs|addendum|business+associate',
    // A subscription's notice period, not an employee's
    'notice+period|cancellation+period|minimum+term|contract+term|contract+length|minimum+contract .. cancel|cancelling|canceling|cancellation|terminate|terminating|subscription|plan',
    'cancel|cancelling|canceling|terminate|terminating|subscription .. notice+period|minimum+term|contract+length',
    'preavis|duree+d+engagement .. resilier|resiliation|abonnement|contrat|forfait',
    'resilier|resiliation|abonnement .. preavis|duree+d+engagement',
    'kundigungsfrist|mindestlaufzeit|vertragslaufzeit .. abo|abonnement|tarif|kundigen|kundigung',
    'abo|abonnement|tarif|kundigen|kundigung .. kundigungsfrist|mindestlaufzeit|vertragslaufzeit',
    'preaviso|permanencia .. cancelar|darse+de+baja|suscripcion|plan|contrato',
    'cancelar|darse+de+baja|suscripcion .. preaviso|permanencia',
    'opzegtermijn|minimale+looptijd .. abonnement|opzeggen|contract',
    'abonnement|opzeggen .. opzegtermijn|minimale+looptijd',
    'opsigelsesvarsel|opsigelsesfrist|bindingsperiode .. abonnement|opsige|opsigelse',
    'abonnement|opsige|opsigelse .. opsigelsesvarsel|opsigelsesfrist|bindingsperiode',
    'uppsagningstid|bindningstid .. abonnemang|saga+upp',
    'abonnemang|saga+upp .. uppsagningstid|bindningstid',
    'bieten+sie|bietet+ihr|habt+ihr|haben+sie .. testphase|testversion|studentenrabatt|bildungsrabatt|rabatt+fur+vereine|rabatt+fur+schulen|rabatt+fur+gemeinnutzige',
    'proposez+vous|offrez+vous|avez+vous .. essai+gratuit|periode+d+essai|remise+pour|reduction+pour',
    'ofrecen|ofreceis|teneis|tienen|hay .. prueba+gratuita|periodo+de+prueba|descuento+para|descuentos+para',
    'bieden+jullie|hebben+jullie .. proefperiode|korting+voor|kortingen+voor',
    'tilbyder+i|har+i .. proveperiode|rabat+til|rabatter+til',
    'erbjuder+ni|har+ni .. provperiod|rabatt+for|rabatter+for',
  ].map(compilePhrase),
  // When a release not yet out will come: a roadmap date, which documentation rarely holds (a
  // changelog answers "when did …", not "when will …"). Only release words: "when will I be
  // logged out?" and "when will my export be ready?" are questions the pages answer.
  release: [
    'when+will|when+s|when+is|when+are|when+does|when+do .. come+out|coming+out|be+released|get+released|released',
    'when+will|when+s|when+is|when+are .. next+version|next+release|new+version|next+update|new+release|next+major',
    'eta=|release+date',
    // Shipping and launching only of the product's own things: "when will my order ship?" and
    // "when will the app launch on startup?" are not roadmap questions.
    'when+will|when+s|when+is|when+are .. version|feature|features|integration|integrations|plugin .. ship|shipped|launch|launched',
    'when+will|when+s|when+is|when+are .. feature|features|integration|integrations|plugin .. be+available',
    'when+will|when+s|when+is|when+are .. the= new|next|upcoming|mobile|android|ios|iphone|ipad|desktop|windows|mac|linux|web .. version|feature|app=|apps=|update=|integration|plugin .. ship|shipped|launch|launched|be+available',
    'which+month|which+year|which+quarter|what+month|what+year .. will|is|are .. ship|come+out|coming+out|be+released',
    // A date only for a release: "what date will my order ship?" and "…my funds be released?"
    // are the visitor's own
    `what+date|which+date|what+exact+date .. will|is|are .. version|release|update|app=|apps=|${VERSION_NUMBERS} .. come+out|coming+out|be+released|ship`,
    'which+month|which+year|which+quarter|what+month|what+year .. will|is|are .. version|app=|update=|v2=|v3=|v4=|v5=|v6=|v7=|v8=|v9= .. release=|ship|launch',
    'version|feature|features|app=|apps=|integration|integrations|plugin|update=|support+for .. coming+soon|come+soon',
    'komt|komen er= binnenkort',
    'wann erscheint|erscheinen',
    'wann .. kommt|kommen .. version|app|update|funktion|feature|release|ausgabe .. heraus|raus|auf+den+markt',
    'quand sortira|sortiront',
    'cuando saldra|saldran',
    // A verb split from its particle, with what comes out between (a word for it, or its number),
    // as in German: "wanneer komt versie 5.0 uit", not "wanneer komt mijn pakket uit het magazijn"
    'wanneer verschijnt|komt+uit',
    `wanneer komt|komen .. versie|release|update|app|functie|integratie|plugin|${VERSION_NUMBERS} .. uit=`,
    'hvornar udkommer|kommer+ud',
    `hvornar kommer .. version|opdatering|app|funktion|integration|udgave|${VERSION_NUMBERS} .. ud=`,
    'nar slapps|kommer+ut',
  ].map(compilePhrase),
  // A number of things, a length of time or how often: "how many editors on the Studio plan?",
  // "how long is the trial?", "how often do you back up?". Answered by a number or by a word
  // for one ("unlimited", "daily"), whatever else the passages share with the question. Last:
  // "how many GB" is a size and "how long until 3.0 is out" a release.
  quantity: [
    'how+many|how+long|how+often|how+frequently|how+far+back',
    'wie+viele|wie+lange|wie+oft|wie+haufig',
    'combien+de|a+quelle+frequence|tous+les+combien',
    'cuantos|cuantas|cuanto+tiempo|con+que+frecuencia|cada+cuanto',
    'hoeveel|hoe+lang|hoe+vaak',
    'hvor+mange|hvor+laenge|hvor+ofte',
    'hur+manga|hur+lange|hur+ofta',
  ].map(compilePhrase),
};

// The company's own plans, asked of it: "when will you add SAML?", "when do you expect to get ISO
// 27001 certified?", "is the Hobby plan going to get more expensive next year?". Only where the
// visitor speaks of nothing of their own: "when will you fix my invoice address?" and "my
// renewal is going to increase next month, how do I cancel?" are about their account.
const PLANS_OF_YOURS = [
  'when+will+you|when+do+you+expect+to|when+do+you+plan+to|when+are+you+planning+to|when+are+you+going+to add|support|release|launch|ship|offer|introduce|implement|get|fix|bring|integrate|become',
  'going+to|gonna|will|plan+to|planning+to .. more+expensive|cheaper|pricier|increase|go+up|rise .. next+year|next+month|next+quarter|in+the+future|soon',
  // The roadmap asked about, and a possibility to come ("when will it be possible to …")
  'on+the+roadmap|on+your+roadmap|in+the+roadmap|in+your+roadmap|roadmap+for+this+year|roadmap+for+next+year',
  'when+will+it+be+possible|when+is+it+going+to+be+possible',
  'auf+der+roadmap|auf+eurer+roadmap|auf+ihrer+roadmap|sur+la+feuille+de+route|sur+votre+feuille+de+route|sur+la+roadmap|en+la+hoja+de+ruta|en+el+roadmap|op+de+roadmap|pa+roadmappen|pa+jeres+roadmap',
  // Future tenses only: "quand ouvrez-vous ?" asks for opening hours
  'quand ouvrirez|lancerez|ajouterez|sortirez|prevoyez|comptez vous',
  'cuando abriran|lanzaran|anadiran|van+a+abrir|van+a+lanzar|van+a+anadir',
  'wann werdet|wollt|plant ihr .. einfuhren|anbieten|eroffnen|starten|unterstutzen|hinzufugen|bringen',
  // "When will we finally be able to …?": a feature waited for ("when can I see the invoice?"
  // asks how the product works, so only with "finally")
  'when+can|when+will .. finally',
  'quand .. enfin|finalement',
  'wann .. endlich',
  'cuando .. por+fin|finalmente',
  'wanneer .. eindelijk',
  'hvornar .. endelig|endeligt',
  'nar .. antligen',
  // Asking for an exact date of something not the visitor's ("j'ai besoin d'une date précise")
  'exact|precise|specific|firm|concrete date=|release+date',
  'date= precise|exacte|exacta|precisa|concreta',
  'genaues|genaue|konkretes|konkreten datum|termin',
  'fecha= exacta|concreta|precisa',
  'exacte|precieze datum',
  'praecis|eksakt|preciseret dato',
].map(compilePhrase);
// (Not Danish "min"/"mit": German "mit" is "with". A condition, "if I add 3 users", is about the
// visitor's account too.)
const OWN = new Set(['my', 'our', 'mine', 'ours', 'if', 'mon', 'ma', 'mes', 'notre', 'nos', 'si', 'mi', 'mis', 'nuestro', 'nuestra', 'nuestros', 'mein', 'meine', 'meinen', 'meinem', 'unser', 'unsere', 'wenn', 'falls', 'mijn', 'onze', 'vores', 'hvis', 'mitt']);

// An amount of money: a currency sign or code next to a number; or "free" where it speaks of a
// price ("free plan", "for free"), since "it is free" answers "what does it cost?" too.
const MONEY = /(?:[$€£¥]|\b(?:usd|eur|gbp|chf|dkk|sek|nok)\b)\s?\d|\d(?:[.,]\d+)?\s?(?:[$€£¥]|(?:usd|eur|euros?|dollars?|gbp|chf|dkk|sek|nok|kr)\b)|\bfree (?:of charge|plan|tier|trial|version|account|forever)\b|\b(?:for|is|are|always|completely|entirely) free\b|\bcosts? nothing\b|\bgratis\b|\bkostenlos|\bgratuit/iu;
// A share: a number with a per cent sign or word.
const PERCENT = /\d(?:[.,]\d+)?\s?(?:%|per ?cent\b|procent\b|prozent\b|pour ?cent\b|por ?ciento\b)/iu;
// A size: a number with a unit of storage (English or French units).
const SIZE = /\d\s?(?:[kmgt]i?b|[kmgt]o|bytes?|octets?|kilobytes?|megabytes?|gigabytes?|terabytes?)\b/iu;
// A plan for the future, in words ("planned for", "on the roadmap", in the content's languages).
// Not "will be available soon": old news posts say that of releases long out.
const PLANNED = /\b(?:planned for|scheduled for|on (?:the|our) roadmap|geplant für|prévue? pour|previst[oa] para|gepland voor|planlagt til|planerad till)\b/iu;
const YEAR = /\b20\d\d\b/gu;
// A place data may be kept: a country, region or city with data centres, a cloud region's code,
// or the words for a data centre, in English and the widget's other languages. (Not "located
// in" or "region" alone: "the button is located in the top right", "crop a region".)
const PLACE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:eu|e\\.u\\.|ue|european union|europe|europa|eea|ewr|eer|germany|deutschland|allemagne|alemania|duitsland|tyskland|france|frankreich|francia|frankrijk|frankrig|frankrike|ireland|irland|irlande|irlanda|ierland|netherlands|niederlande|pays-bas|países bajos|paises bajos|nederland|holland|nederländerna|finland|finnland|finlande|finlandia|sweden|schweden|suède|suecia|zweden|sverige|denmark|dänemark|danemark|dinamarca|denemarken|danmark|norway|norwegen|norvège|noruega|noorwegen|norge|spain|spanien|espagne|españa|spanje|italy|italien|italie|italia|poland|polen|pologne|polonia|austria|österreich|autriche|oostenrijk|østrig|switzerland|schweiz|suisse|suiza|zwitserland|belgium|belgien|belgique|bélgica|belgië|united states|usa|u\\.s\\.|états-unis|estados unidos|verenigde staten|canada|kanada|united kingdom|uk|royaume-uni|reino unido|verenigd koninkrijk|storbritannien|australia|australien|singapore|singapur|japan|japon|japón|india|indien|frankfurt|francfort|fráncfort|amsterdam|paris|parijs|dublin|helsinki|falkenstein|nuremberg|nürnberg|london|londres|londen|virginia|oregon|(?:eu|us|ap|ca|sa|me|af)-(?:west|east|central|north|south|northeast|southeast)(?:-\\d)?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|rechenzentr(?:um|en)|centres? de données|centros? de datos)(?![\\p{L}\\p{N}])`,
  'iu',
);
// A number, in digits or words, or a word that says how many or how often without one, in
// English and the widget's other languages. (Not "one", "once" or "single" alone: "one of the
// folders", "once a file is in the trash", "single sign-on"; nor "every" or "a few" alone: "every
// page", "a few steps".)
const QUANTITY = new RegExp(
  `\\d|(?<![\\p{L}\\p{N}])(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand|million|dozen|twice|unlimited|limitless|no limits?|not limited|any number|as many as|indefinitely|forever|never expires?|daily|hourly|weekly|monthly|nightly|yearly|annually|continuously|(?:once|one) (?:a|an|per|every) (?:minute|hour|day|night|week|month|year)|one (?:minute|hour|day|night|week|month|year)|every (?:other|second|minute|hour|day|night|week|month|year)|(?:a few|several|a couple of) (?:seconds|minutes|hours|days|weeks|months|years)|unbegrenzt|unbeschränkt|täglich|stündlich|wöchentlich|monatlich|jährlich|illimitée?s?|quotidien(?:ne)?s?|hebdomadaires?|mensuel(?:le)?s?|ilimitad[oa]s?|diari[oa]s?|semanal(?:es)?|mensual(?:es)?|onbeperkt|onbegrensd|dagelijks|wekelijks|maandelijks|ubegrænsede?|dagligt?|ugentligt?|månedligt?|obegränsade?|obegränsat|dagligen|veckovis|månadsvis)(?![\\p{L}\\p{N}])`,
  'iu',
);
// The company speaking of itself ("we offer", "our servers", "wir bieten"): what answers a
// question about what it offers. (Payment methods are not asked this way: "Railway only accepts
// credit cards" answers "can I pay with PayPal?" in the third person, without naming PayPal.)
const COMPANY_VOICE = /\b(?:we|we're|we've|our|ours|wir|unser\w*|nous|notre|nos|nosotros|ofrecemos|nuestr[oa]s?|wij|onze?|vi|vores|vår[ta]?)\b/iu;
const FOUND: Record<AnswerKind, (text: string, now: Date) => boolean> = {
  offer: (t) => COMPANY_VOICE.test(t),
  price: (t) => MONEY.test(t),
  size: (t) => SIZE.test(t),
  percentage: (t) => PERCENT.test(t),
  quantity: (t) => QUANTITY.test(t),
  location: (t) => PLACE.test(t),
  // A plan in words, or a year still to come.
  release: (t, now) => PLANNED.test(t) || (t.match(YEAR) ?? []).some((y) => Number(y) > now.getUTCFullYear()),
};

// "Do you have a date?", "is there an ETA yet?", a sentence of its own ("is there a date filter?"
// is about the product), as normalised words: one space between words, so the pattern is linear.
const DATE_ASKED = new RegExp(
  '(?:^| )(?:do you have|have you got|is there|avez vous|vous avez|y a t il|habt ihr|haben sie|gibt es|teneis|tienen|hay|hebben jullie|heeft u|is er|har i|er der|har ni|finns det)' +
    '(?: (?:already|yet|schon|deja|ya|al|allerede|redan))?(?: (?:a|an|une|ein|einen|una|een|en|ett))? (?:date|eta|release date|datum|termin|fecha|dato)' +
    '(?: (?:yet|already|schon|deja|ya|al|allerede|redan|precise|exacte|genaues|concreta))?$|^any (?:eta|date|news)(?: yet)?$',
);
const asksForADate = (question: string) =>
  question
    .split(/(?<=\?)/u)
    .filter((sentence) => sentence.trimEnd().endsWith('?'))
    .some((sentence) => DATE_ASKED.test(normalise(sentence.split(/[.!:;\n]/u).pop()!)));

/** The one kind of fact that answers the question, if it asks for one. */
export function expectedAnswer(question: string): AnswerKind | undefined {
  const words = tokens(question);
  if (asksForADate(question) && !words.some((w) => OWN.has(w))) return 'release';
  const kind = (Object.keys(ASKS) as AnswerKind[]).find((k) => firstMatch(ASKS[k], words));
  // "Products that are cheaper than 20 €" is a filter, not a price asked for
  if (kind === 'price' && firstMatch(ASKS.price, words)?.phrase === COMPARED_PRICE && /\bthan\s*[\d$€£]/iu.test(question)) return undefined;
  // The visitor's own figures ("how many posts did I make this week?") are not the content's to state
  if (kind === 'quantity' && firstMatch([OWN_FIGURES], words)) return undefined;
  if (kind) return kind;
  return firstMatch(PLANS_OF_YOURS, words) && !words.some((w) => OWN.has(w)) ? 'release' : undefined;
}

/**
 * Whether any of the passages holds a fact of that kind (an amount of money, a size, a plan), in
 * a passage that names the question's subject when it has one: a hosting provider's price table
 * does not say what the Platform plan costs.
 */
export function holdsAnswer(kind: AnswerKind, passages: (string | Pick<Chunk, 'title' | 'headingPath' | 'text' | 'language'>)[], now = new Date(), subject?: string[]): boolean {
  return passages.some((p) => {
    const [heading, body] = typeof p === 'string' ? ['', p] : [`${p.title}\n${p.headingPath.join('\n')}`, p.text];
    const language = typeof p === 'string' ? 'en' : p.language;
    const names = (text: string) => {
      const terms = new Set([...termsOf(text, language), ...termsOf(text, 'en')]);
      return subject!.some((v) => terms.has(v));
    };
    const text = `${heading}\n${body}`;
    if (!FOUND[kind](text, now)) return false;
    if (!subject?.length) return true;
    // Every page has numbers (versions, ports, steps) and many name a country: one answers how
    // many or where only in a sentence that names the subject, or under a heading that does.
    if (kind === 'quantity' || kind === 'location') return names(heading) ? FOUND[kind](body, now) : sentencesOf(body).some((s) => FOUND[kind](s, now) && names(s));
    return names(text);
  });
}

/**
 * Advice and comparisons ("what's a good ETF?", "Obsidian or Logseq, which is better?",
 * "recommend me a stylus"): a help centre documents its own product and does not rank other
 * people's. Such a question is answered only when the content names what it asks about. "The
 * best way to …", in any language, is a how-to, not advice.
 */
const ADVICE = [
  'what+s|whats=|what+is|what+are a= good|decent|cheap|cheapest|nice',
  'or .. which+one|which+is|which+s|which= .. better|best|preferable',
  'which+is|which+one+is|which+s better|best|cheaper|faster|easier .. or',
  // "What's the best time of day to post?"
  'the best|ideal|optimal|right time=|times=|day=|days=|hour=|hours=|moment= of+day|of+the+day|of+the+week|to+post|to+publish|to+send|to+tweet',
  'what+is|what+s the better|best|cheaper|faster|easier .. or',
  'is|are .. or .. the+better|the+best|better|best',
  'or .. is|are .. the+better|the+best',
  'recommend|suggest me|us a=|an=|some=',
  // "Is it smarter to pay off the loan or invest?", "how big should my emergency fund be?",
  // "which card gives the best cashback?"
  'is+it|would+it+be|is+this|is+that smarter|wiser|advisable',
  'how+big|how+much|how+many should+my|should+i|should+we',
  // What to buy: "Synology or QNAP, which NAS should I buy?"
  'which|what .. should+i+buy|should+we+buy|should+i+purchase|should+we+purchase',
  'which|what .. gives|offers|pays the+best|the+highest|the+lowest|the+cheapest',
  'what+do+you|what+would+you|do+you|would+you recommend=|suggest=|advise=',
  'raad|raadt|adviseer je|jij|u .. aan=',
  'was empfiehlst|empfehlen|ratest=|raten=',
  'que|qu me|nous recommandes|recommandez|conseilles|conseillez',
  'que|qué me|nos recomiendas|recomienda|aconsejas|aconseja',
  'hvad|hvilken anbefaler|rader|foreslar',
  'vad|vilken rekommenderar|foreslar',
  'conseiller|recommander un|une|des bon|bonne|bons',
  'que|quel|quelle est mieux',
  'que|cual es mejor',
  'hvad|hvilken|hvilket er bedst|bedre',
  'was|welche|welcher ist besser|am+besten',
  'wat|welke is beter',
  'vad|vilken ar battre',
].map(compilePhrase);
const HOW_TO = compilePhrase('best|good|better|right|meilleure|meilleur|mejor|beste|bedste|basta|bedre way|ways|practice|practices|approach|method|facon|maniere|manera|forma|manier|made|sattet|weg|methode|metode');
// More than one unknown word's worth of a short question: the thing asked about is not in the
// content. (The gate's own limit, 40%, lets a question keep a name or two the content lacks.)
const ADVICE_MAX_UNKNOWN = 0.15;
// Advice the content could give names its subject in the passages that would be quoted; advice
// on money or life in general meets a finance manual's words one by one (0.2 to 0.33 of the
// question's weight on three sets, where half the answerable questions reach 0.47).
const ADVICE_MIN_COVERAGE = 0.4;

/**
 * Work for the assistant rather than a question: a poem, a joke, someone's tax return or
 * homework. No page answers it, however many of its words the content uses.
 */
const TASKS = [
  'write|compose|make+up|generate|create|draft me|us a|an= poem|story|song|joke|essay|haiku|limerick|rap=|eulogy|query|sql+query|script|function|regex|regular+expression|program|snippet|formula',
  'write|compose|draft me|us a|an|my= cover+letter|resume=|cv=',
  // Looking into the visitor's own account for them ("check the logs of my api service and tell me")
  'check=|look+at|look+into|inspect=|read=|go+through|analyse=|analyze= the|my|our .. logs|account|project|deployment|deployments|service|database|dashboard|usage .. and+tell|tell+me|and+let+me+know|and+explain',
  // Without "me", only what no product has a field for ("write a user story" is a how-to)
  'write|compose|draft a|an|my= poem|song|essay|haiku|limerick|cover+letter|eulogy',
  'tell me|us a|another joke|story|poem',
  'fill+in|fill+out|file=|prepare|complete my|our tax+return|tax+returns|homework',
  'do= my|our homework',
  'schreib|schreibe|erzahl|erzahle mir|uns ein|eine gedicht|geschichte|lied|witz|aufsatz',
  'ecris|ecrivez|raconte|racontez moi|nous un|une poeme|histoire|chanson|blague',
  'escribe|escribeme|escribenos|cuentame|cuentanos un|una poema|historia|cancion|chiste',
  'schrijf|vertel een gedicht|verhaal|liedje|grap|mop',
  'skriv|fortael et|en digt|historie|sang|vits|joke',
  'skriv|beratta en|ett dikt|historia|sang|vits|skamt',
].map(compilePhrase);

// The visitor's own figures over a time ("how many followers did I lose this week?", "how much
// has my project used so far this month?"), unless the message also asks how or whether ("…is
// there a daily cap?").
const OWN_FIGURES = compilePhrase('how+many|how+much .. did+i|have+i|has+my|have+my|did+my|did+we|have+we|has+our|had+i .. this+week|this+month|this+year|today|yesterday|so+far|last+week|last+month|last+night');
const ALSO_ASKS = compilePhrase('is+there|are+there|where|how+do|how+can|can+i|can+we');

export function asksTask(question: string): boolean {
  const words = tokens(question);
  if (firstMatch([OWN_FIGURES], words) && !firstMatch([ALSO_ASKS], words)) return true;
  return !!firstMatch(TASKS, words) && !firstMatch([HOW_DO], words);
}

// Asking how to do something in the product: "how do I see which account has the highest
// balance?", "how do I write a story in the editor?".
const HOW_DO = compilePhrase('how+do+i|how+can+i|how+do+we|how+can+we|how+to|where+do+i|where+can+i|can+i|is+there+a+way');

export function asksAdvice(question: string): boolean {
  const words = tokens(question);
  return !!firstMatch(ADVICE, words) && !firstMatch([HOW_TO, HOW_DO], words);
}

/**
 * A short question that names something the content never mentions ("how do I set up Obsidian
 * Sync on my iPad?", "is there a native Salesforce integration?") asks about another product or
 * a feature this one lacks, however well the rest of its words are covered. Told by the capital
 * letter of a word that does not open a sentence. Long questions are left to the coverage gate:
 * stories name their surroundings ("a Raspberry Pi", "my NodeJS app") while asking about the
 * product.
 */
const NAMED_MAX_TERMS = 8;
export function namesSomethingUnknown(question: string, evidence: AnswerabilityEvidence): boolean {
  if (!evidence.readsNames || evidence.terms > NAMED_MAX_TERMS || !evidence.unknownWords?.length) return false;
  const unknown = new Set(evidence.unknownWords);
  return capitalisedWords(question).some((w) => unknown.has(w.toLowerCase()));
}

// Capitals that are not names of things: months and days, and the person after a word for one
// ("invite my colleague Sarah", "give Anna admin rights").
const CALENDAR = new Set('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const BEFORE_A_PERSON = new Set('colleague coworker co-worker boss manager user member client customer friend partner wife husband employee teammate admin named called invite give assign tell ask let allow mr mrs ms dr'.split(' '));

/**
 * What a price, size or date is asked of: a name in the question ("the Platform plan", "Pro"),
 * where capitals mark names; else the rarest word the best page holds.
 */
function subjectOf(question: string, evidence: AnswerabilityEvidence): string[] | undefined {
  if (evidence.readsNames) {
    const names = new Set(capitalisedWords(question).map((w) => w.toLowerCase()));
    const named = evidence.subjects?.find((s) => names.has(s.word));
    if (named) return named.variants;
  }
  return evidence.subject;
}


/** Each sentence's words after its first, of two letters or more. */
const innerWords = (plain: string) => plain.split(/[.!?:;…\n]+/u).map((sentence) => (sentence.match(WRITTEN_WORD) ?? []).slice(1).filter((w) => w.length > 1));

/** Title Case or capitals throughout (most words after a sentence's first capitalised): a capital says nothing there. */
function titleCase(inner: string[][]): boolean {
  const words = inner.flat();
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 > words.length;
}

/** Words with a capital first letter that do not open a sentence, in a message not written in capitals throughout. */
function capitalisedWords(text: string): string[] {
  const plain = withoutQuotes(text.normalize('NFC'));
  const inner = innerWords(plain);
  if (titleCase(inner)) return [];
  return inner.flatMap((sentence) =>
    sentence
      .filter((w, i) => /^\p{Lu}/u.test(w) && !CALENDAR.has(w.toLowerCase()) && !BEFORE_A_PERSON.has(sentence[i - 1]?.toLowerCase() ?? ''))
      .flatMap((w) => w.split(/[-_'’]/u).filter((p) => /^\p{Lu}/u.test(p))),
  );
}

/**
 * A question that asks about a name of several words ("can my alarms show up in Google
 * Calendar?", "is it better than Microsoft Teams?", "when will you offer Element Call?") asks
 * about something the content does not cover when no passage found for it writes that name, however
 * common each of its words is there ("google" from Google Drive, "call" everywhere). Only names in
 * a sentence that asks: a story's surroundings ("our MongoDB Atlas cluster only accepts…") are
 * not what it asks about. Where the content names the thing, the search finds a passage holding
 * both words, so the passages found are where the name is looked for.
 */
export function asksAboutUnwrittenName(question: string, evidence: AnswerabilityEvidence, found: Pick<Chunk, 'title' | 'headingPath' | 'text'>[]): boolean {
  // In another language a name may be translated ("Google Agenda" for Google Calendar)
  if (!evidence.readsNames || !evidence.inContentLanguage) return false;
  const names = namesAsked(question);
  if (!names.length) return false;
  const written = found.map((p) => ` ${wordsIn(`${p.title}\n${p.headingPath.join('\n')}\n${p.text}`).join(' ')} `);
  const isWritten = (words: string[]) => written.some((text) => text.includes(` ${words.join(' ')} `));
  // Written whole, or each pair of neighbours somewhere, in either order ("Google Calendar Sync":
  // "google calendar" on one page, "calendar sync" on another; "Billing Settings": "Settings >
  // Billing")
  return names.some((name) => !isWritten(name) && !name.slice(1).every((word, i) => isWritten([name[i]!, word]) || isWritten([word, name[i]!])));
}

/** Words as the phrase lists read them, and their parts ("On-Demand": "on", "demand"; "Google's": "google"). */
const wordsIn = (text: string) => tokens(text).filter((w) => w !== 's');

// Names looked for in one question at the most (each is looked for in every passage found).
const MAX_NAMES = 8;

/**
 * Runs of two or more capitalised words, separated by spaces only, in the sentences that ask
 * (end with a question mark), not counting a sentence's first word (nor the first after a colon
 * or an emoji), a person after a word for one ("my colleague Sarah Jones"), nor a run of
 * abbreviations only ("SAML SSO", "PDF CSV"), which the pages may write in another order.
 */
function namesAsked(question: string): string[][] {
  const plain = withoutQuotes(question.normalize('NFC'));
  if (titleCase(innerWords(plain))) return [];
  const names = new Map<string, string[]>();
  // A full stop ends a sentence only before a space ("4.8", ".NET" and "render.yaml" do not).
  for (const sentence of plain.split(/(?<=[.!?…])\s+|\n+/u).filter((s) => s.trimEnd().endsWith('?'))) {
    const words = [...sentence.matchAll(WRITTEN_WORD)];
    let run: string[] = [];
    const close = () => {
      if (run.length >= 2 && !run.every((w) => !/\p{Ll}/u.test(w))) names.set(run.join(' ').toLowerCase(), run.flatMap(wordsIn));
      run = [];
    };
    words.forEach((m, i) => {
      const word = m[0];
      const gap = i > 0 ? sentence.slice(words[i - 1]!.index! + words[i - 1]![0].length, m.index) : '';
      const spaced = i > 0 && /^[ \t]+$/u.test(gap);
      if (!spaced) close();
      // After a colon, an emoji or a dash a capital may open what follows ("Quick question: Does…")
      const midSentence = i > 0 && /^[\s,]*$/u.test(gap);
      const capital = midSentence && word.length > 1 && /^\p{Lu}/u.test(word) && !CALENDAR.has(word.toLowerCase());
      if (!capital || (!run.length && BEFORE_A_PERSON.has(words[i - 1]![0].toLowerCase()))) return close();
      run.push(word);
    });
    close();
  }
  return [...names.values()].slice(0, MAX_NAMES);
}

/**
 * Beyond the coverage gate, whether the passages that would be quoted answer what is asked:
 * a task for the assistant (a poem) is not a question; advice on things the content never
 * names, or barely covers, is not the content's to give, and a question only
 * one kind of fact answers (a price, a size, a release plan) is not answered by passages
 * without one. Called after isAnswerable, with the same evidence.
 */
export function answersWhatIsAsked(
  question: string,
  evidence: AnswerabilityEvidence,
  quoted: Pick<Chunk, 'title' | 'headingPath' | 'text' | 'language'>[],
  opts: { found?: Pick<Chunk, 'title' | 'headingPath' | 'text'>[]; gate?: Gate; now?: Date } = {},
): boolean {
  const { found = quoted, gate = DEFAULT_GATE, now = new Date() } = opts;
  if (asksTask(question)) return false;
  if (evidence.passages >= gate.minPassages && namesSomethingUnknown(question, evidence)) return false;
  if (evidence.passages >= gate.minPassages && evidence.terms < gate.long.terms && asksAboutUnwrittenName(question, evidence, found)) return false;
  if (evidence.passages >= gate.minPassages && asksAdvice(question) && (evidence.unknown >= ADVICE_MAX_UNKNOWN || evidence.coverage < ADVICE_MIN_COVERAGE)) return false;
  if (evidence.passages >= gate.minPassages && evidence.readsNames && evidence.terms < gate.long.terms && !namesItsPlan(question, quoted)) return false;
  const kind = expectedAnswer(question);
  if (!kind) return true;
  // A fact about something the content never names ("how long is the free trial?" where no page
  // says "trial") is not in it, whatever number, place or date the passages hold. (What the
  // company offers is told by its voice, not a fact of a kind.) Only in the content's
  // language: a word of another that the glossary lacks says nothing of what the content names.
  if (kind !== 'offer' && evidence.passages >= gate.minPassages && evidence.terms < gate.long.terms && evidence.inContentLanguage && evidence.absentWords?.length) return false;
  return holdsAnswer(kind, quoted, now, subjectOf(question, evidence));
}

/**
 * A question about one of the company's plans by name ("how many users on the Nest plan?") is
 * answered only where the passages name that plan as a plan: a page that happens to hold "nest"
 * says nothing of it. True when the question names no plan. Long stories are left alone: they
 * mention their plan in passing.
 */
const NAMED_PLAN = /\b(?:[Tt]he|[Oo]ur|[Mm]y|[Yy]our|[Aa])\s+(\p{Lu}[\p{L}\p{N}]*)\s+(?:plan|tier|subscription|package|edition)\b/u;
const PLAN_WORD = new Set(['plan', 'plans', 'tier', 'tiers', 'subscription', 'subscriptions', 'package', 'packages', 'edition', 'editions']);
const PLAN_WORDS = new RegExp(`\\b(?:${[...PLAN_WORD].join('|')})\\b`, 'iu');
// Verbs of a plan having something: how a question asks of a plan, not what about ("does Pro
// include SSO?").
const HAVING = new Set(['include', 'includes', 'included', 'including', 'support', 'supports', 'supported', 'allow', 'allows', 'offer', 'offers', 'provide', 'provides', 'contain', 'contains', 'come', 'comes', 'fit', 'fits', 'available', 'part', 'enabled', 'unlock', 'unlocks', 'get', 'gets']);
export function namesItsPlan(question: string, quoted: Pick<Chunk, 'title' | 'headingPath' | 'text'>[]): boolean {
  const name = NAMED_PLAN.exec(withoutQuotes(question))?.[1];
  if (!name) return true;
  // The name as written, a word of its own ("Nest", not "nested"), beside any word for a plan:
  // "SSO is available on the Business and Enterprise plans" names the Business plan.
  const named = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'u');
  // What the question asks of the plan ("SSO" in "is SSO on the Business plan?"): a passage that
  // names the plan and nothing of that ("on the Studio and Atelier plans owners manage teams")
  // does not answer it. Plans' names, in the question or the passage, are not what is asked.
  const stops = stopWords('en');
  const asked = wordsIn(withoutQuotes(question))
    .filter((w) => w.length > 1 && !stops.has(w) && !FILLER.has(w) && !HAVING.has(w) && !PLAN_WORDS.test(w))
    .map((w) => termOf(w, 'en'))
    .filter((t) => !askingTerms().has(t));
  const planNames = planNamesIn(question);
  return quoted.some((p) => {
    const text = `${p.title}\n${p.headingPath.join('\n')}\n${p.text}`;
    if (!named.test(text) || !PLAN_WORDS.test(text)) return false;
    const names = new Set([...planNames, ...planNamesIn(text)]);
    const other = asked.filter((t) => !names.has(t));
    if (!other.length) return true;
    const terms = new Set(termsOf(text, 'en'));
    return other.some((t) => terms.has(t));
  });
}

// Capitalised names written before a word for a plan, alone or in a list: "the Pro plan", "the
// Studio and Atelier plans", "Team, Business or Enterprise tiers" (as index terms). Read back
// from each word for a plan, so each list is read once.
const LIST_JOINS = new Set([',', '&', 'and', 'or']);
function planNamesIn(text: string): string[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+|[,&]/gu)].map((m) => m[0]);
  const names: string[] = [];
  words.forEach((word, i) => {
    if (!PLAN_WORD.has(word.toLowerCase())) return;
    for (let j = i - 1; j >= 0; j--) {
      const before = words[j]!;
      if (/^\p{Lu}/u.test(before)) names.push(termOf(before.toLowerCase(), 'en'));
      else if (!LIST_JOINS.has(before)) break;
    }
  });
  return names;
}
