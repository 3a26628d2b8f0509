import { glossaryFor } from './glossary/index.js';
import { detectLanguage, stopWords } from './language.js';

/**
 * Visitors write "hi, I was wondering how I can cancel my subscription before it renews?".
 * Search engines want "cancel subscription renews". Meilisearch also reads only the first ten
 * words of a query, so the key terms must come first and fit within ten.
 */
export const MAX_QUERY_TERMS = 10;

// Chat filler, question words and modal verbs that the stop-word lists leave in, for the
// languages the widget speaks. They say how someone asks, not what about.
export const FILLER = new Set([
  // en
  'hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'pls', 'wondering', 'question', 'help', 'tell', 'know', 'want', 'need',
  'like', 'would', 'could', 'can', 'get', 'also', 'does', 'anyone', 'how', 'what', 'why', 'when', 'where', 'which', 'who',
  'guys', 'folks', 'yall', 'lol', 'btw', 'tbh',
  // da
  'hej', 'tak', 'venligst', 'hvordan', 'hvorfor', 'hvornår', 'hvor', 'hvilken', 'hvilke', 'kan', 'kunne', 'gerne', 'vil',
  // de
  'hallo', 'danke', 'bitte', 'wie', 'warum', 'wann', 'wo', 'welche', 'welcher', 'kann', 'könnte', 'möchte',
  // fr
  'bonjour', 'merci', 'comment', 'pourquoi', 'quand', 'où', 'quel', 'quelle', 'quels', 'quelles', 'puis', 'peux', 'peut', 'pouvez', 'voudrais',
  // es
  'hola', 'gracias', 'favor', 'cómo', 'como', 'porqué', 'cuándo', 'dónde', 'cuál', 'puedo', 'puede', 'pueden', 'quiero', 'quisiera',
]);

// The second word of a question phrase that asks how long, how often or how far: "long" in "how
// long can tokens be valid?" names nothing, and a page about long prompts is not the answer.
// (The stop-word lists have "wie lange", "hvor mange", "hur länge" already.)
const ASKS_AFTER = new Map<string, Set<string>>(
  Object.entries({
    how: ['long', 'often', 'frequently', 'far', 'soon'],
    'how far': ['back'],
    hoe: ['lang', 'vaak', 'ver'],
    hvor: ['længe', 'laenge'],
    cuánto: ['tiempo'],
    cuanto: ['tiempo'],
    qué: ['frecuencia'],
    que: ['frecuencia'],
    quelle: ['fréquence', 'frequence'],
    'combien de': ['temps'],
  }).map(([before, words]) => [before, new Set(words)]),
);
const asksAfter = (before: string[], word: string) => !!ASKS_AFTER.get(before.at(-1) ?? '')?.has(word) || !!ASKS_AFTER.get(before.slice(-2).join(' '))?.has(word);

// "don't", "doesn't", "I'll", "we've": a contraction of common words is common ("dont", or "I"
// and "ll"); otherwise "don't" leaves "don" behind as if the question were about it.
const CONTRACTED = new Set(['ll', 've', 're', 'd', 'm', 's', 't']);
function contraction(word: string, stops: Set<string>, english: Set<string>): boolean {
  const at = word.search(/['’]/u);
  if (at < 0) return false;
  const joined = word.replace(/['’]/gu, '');
  if (stops.has(joined) || english.has(joined)) return true;
  const [head, tail] = [word.slice(0, at), word.slice(at + 1)];
  return CONTRACTED.has(tail) && (stops.has(head) || english.has(head));
}

export interface SearchTerms {
  language: string;
  /** Key terms, in the order asked, at most `maxTerms`. */
  terms: string[];
  /** The terms as one query string. */
  text: string;
}

/**
 * The question's key words, in the order asked. `maxTerms` cuts them for a backend that reads few
 * words; Baton's own ranking takes them all (up to a bound on what a stranger can make it do).
 */
export function toSearchTerms(question: string, language = detectLanguage(question), maxTerms = MAX_QUERY_TERMS): SearchTerms {
  const stops = stopWords(language);
  const english = stopWords('en');
  const words = withSeparableVerbsJoined(question.toLowerCase().normalize('NFC'), language);
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const [i, raw] of words.entries()) {
    const word = raw.replace(/['’]s$/u, '').replace(/['’_-]+$/u, '');
    // Before it is seen: a later "long" that names something ("a long text") is kept.
    if (asksAfter(words.slice(Math.max(0, i - 2), i), word)) continue;
    if (seen.has(word)) continue;
    seen.add(word);
    const isNumber = /^\p{N}+$/u.test(word);
    if (!isNumber && word.length < 2) continue;
    // English stop words too: visitors mix languages, and product words are often English.
    const common = (w: string) => w.length < 2 || stops.has(w) || english.has(w) || FILLER.has(w) || contraction(w, stops, english);
    if (common(word)) continue;
    // "puis-je", "est-ce": every part common means the whole is; "e-mail" keeps its meaning.
    if (word.includes('-') && word.split('-').every(common)) continue;
    terms.push(word);
  }
  // Nothing left (a question made only of common words): search with what was typed.
  const chosen = (terms.length ? terms : [...seen]).slice(0, maxTerms);
  return { language, terms: chosen, text: chosen.join(' ') };
}

/** A word as a visitor writes it, apostrophes, hyphens and underscores inside it kept ("c'est", "e-mail"). */
export const WRITTEN_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

// German and Dutch split a verb from its particle in a question: "Wie richte ich den Sync ein?",
// "Hoe nodig ik collega's uit voor ons team?". The particle is a stop word, and the verb alone
// means something else ("nodig": necessary; "richte": judge), so the two are read as the one verb
// they are ("einrichten", "uitnodigen"), where the glossary has that verb as an entry of its own.
const QUESTION_WORDS: Record<string, Set<string>> = {
  de: new Set(['wie', 'wo', 'was', 'warum', 'wieso', 'weshalb', 'wann', 'welche', 'welchen', 'welcher', 'welches', 'womit', 'wozu']),
  nl: new Set(['hoe', 'waar', 'wat', 'waarom', 'wanneer', 'welke', 'welk', 'waarmee', 'waarvoor']),
};
const PARTICLES: Record<string, Set<string>> = {
  de: new Set(['ab', 'an', 'auf', 'aus', 'bei', 'durch', 'ein', 'fest', 'frei', 'her', 'herunter', 'heraus', 'hin', 'hinzu', 'hoch', 'los', 'mit', 'nach', 'runter', 'um', 'vor', 'weg', 'zu', 'zurück', 'zusammen']),
  nl: new Set(['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'neer', 'om', 'op', 'over', 'terug', 'toe', 'uit', 'vast', 'vrij', 'weg', 'samen']),
};
// Subjects before the verb of a statement ("Ich richte den Sync ein", "We zetten de export aan").
// Not the impersonal ones: "es kommt auf den Tarif an" (it depends), "es sieht so aus" (it looks
// as if), "het komt erop aan" are idioms, not the verb with its particle.
const SUBJECTS: Record<string, Set<string>> = {
  de: new Set(['ich', 'wir', 'du', 'ihr']),
  nl: new Set(['ik', 'we', 'wij', 'je', 'jij', 'u', 'jullie']),
};
// A pronominal adverb or "so" in the clause: the particle belongs to an idiom ("Ich gehe davon
// aus, dass…": I assume; "Wir kommen darauf zurück").
const IDIOM_MARKERS: Record<string, Set<string>> = {
  de: new Set(['davon', 'darauf', 'daran', 'dafür', 'dafur', 'damit', 'dazu', 'darum', 'darüber', 'daruber', 'drauf', 'dran', 'so']),
  nl: new Set(['erop', 'ervan', 'eraan', 'ervoor', 'erover', 'erin', 'zo']),
};
// A word after a particle that makes it a preposition ("op mijn telefoon", "mit einem Kollegen").
const ARTICLES: Record<string, Set<string>> = {
  de: new Set(['der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einem', 'einen', 'einer', 'mein', 'meine', 'meinem', 'meinen', 'meiner', 'dein', 'deine', 'deinem', 'unser', 'unsere', 'unserem', 'unseren', 'unserer', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'sein', 'seine', 'seinem', 'jedem', 'jeder', 'allen', 'mir', 'uns', 'ihm', 'ihnen']),
  nl: new Set(['de', 'het', 'een', 'mijn', 'je', 'jouw', 'uw', 'ons', 'onze', 'zijn', 'haar', 'hun', 'elke', 'alle', 'deze', 'die', 'dit', 'dat']),
};
// Endings of a verb's present tense (de "bietest", "bietet"; nl "stelt"), longest first.
const PERSON_ENDINGS = ['est', 'et', 'st', 't', 'e'];
// Particles looked up in one message at the most: a stranger's "wie x op op op …" costs no more.
const MAX_PARTICLE_LOOKUPS = 24;

/**
 * The question's words, with a verb that follows a question word joined to its particle in the
 * same clause (the particle dropped), when the glossary has the joined verb as an entry ("nodig …
 * uit": "uitnodigen"). The particle is the last one of the clause that is not followed by an
 * article, which would make it a preposition ("Hoe zet ik op mijn telefoon de meldingen uit?":
 * "uit", not "op"). Without a question word, the verb is the clause's first word ("Bietet Railway
 * einen Vertrag an?") or the one after its subject pronoun ("Ich richte den Sync ein"), and only
 * the clause's last word is taken for its particle: a particle inside such a clause is most often
 * a preposition ("Geht das mit Synapse?"). Other languages and clauses as written.
 */
export function withSeparableVerbsJoined(text: string, language: string): string[] {
  const split = (clause: string) => clause.match(WRITTEN_WORD) ?? [];
  const askers = QUESTION_WORDS[language];
  const particles = PARTICLES[language];
  const articles = ARTICLES[language];
  const subjects = SUBJECTS[language];
  const glossary = askers && particles ? glossaryFor(language) : undefined;
  if (!glossary || !askers || !particles || !articles || !subjects) return split(text);
  let lookups = 0;
  // The infinitive first: "omzetten" (convert), not "omzet" (revenue). German from the verb
  // without its person's ending ("bietet": "anbieten", "kommt": "ankommen", not "ankommten", which
  // the glossary's stems would match but German pages do not), then as written; Dutch as written
  // first, since its infinitive doubles the written verb's last letter ("zet": "uitzetten").
  const basesOf = (verb: string) => {
    const stripped = PERSON_ENDINGS.filter((e) => verb.length - e.length >= 2 && verb.endsWith(e)).map((e) => verb.slice(0, -e.length));
    return language === 'de' ? [...stripped, verb] : [verb, ...stripped];
  };
  const joined = (particle: string, verb: string) =>
    basesOf(verb)
      .flatMap((base) => [`${particle}${base}en`, `${particle}${base}n`, `${particle}${base}${base.at(-1)}en`, `${particle}${base}${base.at(-1)}n`, `${particle}${base}`])
      .find((w) => glossary.has(w));
  return text.split(/[.!?,;:()\n]+/u).flatMap((clause) => {
    const words = split(clause);
    const asked = words.findIndex((w, i) => askers.has(w) && i + 1 < words.length);
    if (asked < 0 && words.some((w) => IDIOM_MARKERS[language]?.has(w))) return words;
    // Where the verb is: after the question word, or first, or after the subject.
    const at = asked >= 0 ? asked : subjects.has(words[0] ?? '') ? 0 : -1;
    const verb = words[at + 1];
    if (!verb || particles.has(verb)) return words;
    const last = asked >= 0 ? at + 2 : words.length - 1;
    for (let i = words.length - 1; i > at + 1 && i >= last && lookups < MAX_PARTICLE_LOOKUPS; i--) {
      if (!particles.has(words[i]!) || articles.has(words[i + 1] ?? '')) continue;
      lookups++;
      const verbJoined = joined(words[i]!, verb);
      if (verbJoined) return [...words.slice(0, at + 1), verbJoined, ...words.slice(at + 2, i), ...words.slice(i + 1)];
    }
    return words;
  });
}
