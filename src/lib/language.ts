import { createRequire } from 'node:module';
import type * as EldModule from 'eld/extrasmall';
import { fileURLToPath } from 'node:url';
import * as stopword from 'stopword';
import { FUNCTION_WORDS } from './function-words.js';
import { foldAccents, wordsOf } from './text-analysis.js';

/**
 * Languages Baton knows well enough to stem (Postgres) and strip stop words for. Anything else
 * is still searchable, with the language-neutral 'simple' configuration and no stop-word list.
 */
// The stopword package's Spanish list has 59 words and its Dutch list 104: common verbs and
// adverbs ("hay", "tiene", "welke", "komen") were left in questions as if they were what the
// question is about, and as words no English page uses they counted against it at the
// answerability gate. Common verbs, adverbs, pronouns and quantifiers only ("todos", "allemaal",
// "onze", "paar"), never nouns: lists that also hold "cuenta" (account) or "tiempo" (time), as
// some do, would drop what questions ask about.
const MORE_STOPWORDS = {
  // Contractions typed without the apostrophe ("whats the max size", "i cant log in"); "wont" and
  // "cant" are words too, but rarely what a help-centre question is about.
  en: 'whats hows wheres whos thats theres isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt havent hasnt hadnt im ive youre youve theyre weve'.split(' '),
  es: 'vamos demás demas usen usar conviene todos todas hay tiene tienen tengo tenemos tener pueda puedan puedes antes después despues alguien algo nada nadie aún aun tambien solo sólo mucho muchos cada otra otros otras mismo misma así asi aquí aqui ahí ahi allí alli hace hacer hago está esta estoy están estan estar ser sido sea fue era sería siempre nunca todavía todavia entonces luego ahora bien entre según segun cómo'.split(' '),
  nl: 'allemaal onze ons blijven blijft welke welk komen komt kom staan staat sta gaan gaat ga doet moeten kun zouden wordt even gewoon eigenlijk steeds nooit waar wanneer tussen tijdens'.split(' '),
  de: 'paar einfach eigentlich irgendwie bleibt bleiben unseren unserer unserem'.split(' '),
};

// Not the English stop words among them ("or", "per", "via"): a question drops those anyway, and
// counted as a language's small words they would make "via api token" Dutch.
const more = (language: string) => FUNCTION_WORDS[language]!.split(/\s+/).filter((w) => w && !stopword.eng.includes(w));
const LANGUAGES: Record<string, { pg: string; stopwords: string[] }> = {
  en: { pg: 'english', stopwords: [...stopword.eng, ...MORE_STOPWORDS.en] },
  da: { pg: 'danish', stopwords: [...stopword.dan, ...more('da')] },
  de: { pg: 'german', stopwords: [...stopword.deu, ...MORE_STOPWORDS.de, ...more('de')] },
  fr: { pg: 'french', stopwords: [...stopword.fra, ...more('fr')] },
  es: { pg: 'spanish', stopwords: [...stopword.spa, ...MORE_STOPWORDS.es, ...more('es')] },
  nl: { pg: 'dutch', stopwords: [...stopword.nld, ...MORE_STOPWORDS.nl, ...more('nl')] },
  sv: { pg: 'swedish', stopwords: [...stopword.swe, ...more('sv')] },
  no: { pg: 'norwegian', stopwords: stopword.nob },
  nb: { pg: 'norwegian', stopwords: stopword.nob },
  fi: { pg: 'finnish', stopwords: stopword.fin },
  it: { pg: 'italian', stopwords: stopword.ita },
  pt: { pg: 'portuguese', stopwords: stopword.por },
  ru: { pg: 'russian', stopwords: stopword.rus },
};

const stopSets = new Map<string, Set<string>>();

// Glossary languages: a question in one of these can still meet English content.
const WIDGET_LANGUAGES = new Set(['en', 'da', 'de', 'fr', 'es', 'nl', 'sv']);
// Scores within this share of the best are a tie: "Hvordan sletter jeg min konto?" scores
// Norwegian and Danish within 1% of each other.
const TIE = 0.99;
const SHORT = 5;

/**
 * ISO 639-1 code of the text's language, or `fallback` (the widget's language) when the text is
 * too short to tell. ELD's n-gram scores decide; a near tie goes to the widget's language, then
 * to a language Baton has a glossary for, since those are the ones that can meet the content.
 */
// ELD's extra-small database: with the rules below, 4,388 of 4,404 labelled messages in seven
// languages (the small one 4,390, for 52 MB more resident memory; tinyld read short Danish as
// Dutch and Norwegian). It costs about 85 MB resident, 30 MB of it heap, so it is loaded on the
// first text to detect rather than at start-up (synchronously: Node 24 requires an ES module).
type Eld = typeof EldModule.eld;
let detector: Eld | undefined;
const eld = (): Eld => (detector ??= (createRequire(import.meta.url)(fileURLToPath(import.meta.resolve('eld/extrasmall'))) as typeof EldModule).eld);

export function detectLanguage(text: string, fallback = 'en'): string {
  const sample = text.slice(0, 2000);
  // Words as the stop-word lists have them, accents folded: "j'exporte" is "j" and "exporte".
  const words = wordsOf(sample).map(foldAccents);
  if (words.length < 3) return fallback;
  const found = eld().detect(sample);
  // Never once wrong on 618 labelled messages when ELD calls itself reliable, never right when not.
  if (!found.language || !found.isReliable()) return fallback;
  // How many of the language's own small words the text holds ("la", "jeg", "det").
  const smallWords = (lang: string) => (LANGUAGES[lang] ? words.filter((w) => foldedStopWords(lang).has(w)).length : undefined);
  // A few words with none of the language's small words are keywords ("calendar sync google"
  // reads as Spanish, "dark mode android" as French): the widget's language is the better guess.
  // (A language without a list, Polish say, cannot be told from keywords this way and is kept.)
  if (words.length <= SHORT && smallWords(found.language) === 0) return fallback;
  const scores = found.getScores();
  const tied = Object.keys(scores).filter((lang) => scores[lang]! >= TIE * scores[found.language]!);
  if (tied.length === 1) return found.language;
  // A near tie goes to the language whose small words the text uses most ("Comment activer la
  // double authentification ?" is 0.990 English to French), then to the widget's language, then
  // to one with a glossary.
  const counts = tied.map((lang) => smallWords(lang) ?? 0);
  const most = Math.max(...counts);
  const leaders = tied.filter((_, i) => counts[i] === most);
  if (most > 0 && leaders.length === 1) return leaders[0]!;
  if (tied.includes(fallback)) return fallback;
  return tied.find((lang) => WIDGET_LANGUAGES.has(lang)) ?? found.language;
}

/** The Postgres text search configuration for a language ('simple' when we have no stemmer). */
export function pgSearchConfig(language: string): string {
  return LANGUAGES[language]?.pg ?? 'simple';
}

const foldedStops = new Map<string, Set<string>>();
const foldedStopWords = (language: string) => {
  let set = foldedStops.get(language);
  if (!set) foldedStops.set(language, (set = new Set([...stopWords(language)].map(foldAccents))));
  return set;
};

export function stopWords(language: string): Set<string> {
  let set = stopSets.get(language);
  if (!set) {
    set = new Set((LANGUAGES[language]?.stopwords ?? []).map((w) => w.toLowerCase()));
    stopSets.set(language, set);
  }
  return set;
}

export function isKnownLanguage(language: string): boolean {
  return language in LANGUAGES;
}
