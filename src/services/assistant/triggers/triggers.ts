import { humanize } from '../../../lib/format.js';
import { QUOTED, withoutQuotes } from '../../../lib/text-structure.js';
import { cachedPattern } from '../../../lib/patterns.js';
import { classify, MODEL_THRESHOLDS, type Verdict } from './classifier.js';
import { compilePhrase, firstMatch, tokens, type CompiledPhrase } from './phrases.js';
import { ASSISTANT_FAILING, DEFAULT_SENSITIVE_CATEGORIES, DISSATISFACTION, ASKS_HOW, HAND_ON_TO_YOURS, PERSON_GUARDS, YOUR_CONTACT, PERSON_REQUEST, PERSON_WORDS, GENERAL_REFUND_QUESTION, HAS_RECOVERY_CODES, HYPOTHETICAL_ADMIN, LOCKED_OUT, MANAGES_ACCOUNTS, SAMPLE_DATA, ON_HOSTED_SERVICE, RECEIVED_LEGAL_NOTICE, SECURITY_QUESTION, SEEING_OTHERS_QUESTION, SELF_HOSTED, STILL_HAS_SECOND_FACTOR, THINGS_OF_YOURS, type PhraseList, type SensitiveCategory } from './defaults.js';

/**
 * Handoff triggers: each one a structured reason with the evidence it rests on (the words that
 * matched, the rule, the category), decided from the visitor's words and the conversation's
 * state, never parsed out of the model's prose. Every language's list is checked whatever the
 * message's language: short messages are too short to detect a language reliably.
 */

export const TRIGGER_KINDS = ['person_request', 'sensitive', 'rule', 'dissatisfied', 'unsure'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** How the inbox names each reason. */
export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  person_request: 'Asked for a person',
  sensitive: 'Sensitive topic',
  rule: 'Operator rule',
  dissatisfied: 'Dissatisfied',
  unsure: 'AI unsure',
};

/** Why a conversation came to the team, as the team reads it: "Sensitive topic: Billing dispute". */
export function reasonText(handoff: { reason: string; detail?: string }): string {
  const label = TRIGGER_LABELS[handoff.reason as TriggerKind] ?? humanize(handoff.reason);
  return handoff.detail ? `${label}: ${humanize(handoff.detail)}` : label;
}

export interface Trigger {
  kind: TriggerKind;
  /** What fired, in words an agent can check: the matched words, the rule, the model's reason. */
  evidence: string;
  /** For sensitive topics, the category key; for rules, the rule's name. */
  detail?: string;
}

const compileList = (list: PhraseList): CompiledPhrase[] => Object.values(list).flatMap((phrases) => (phrases ?? []).map(compilePhrase));

const HAND_ON = compileList(HAND_ON_TO_YOURS);
const CONTACT = compileList(YOUR_CONTACT);
const HOW = compileList(ASKS_HOW);
const PERSON = [...compileList(PERSON_REQUEST), ...HAND_ON];
const GUARDS = compileList(PERSON_GUARDS);
const WORDS = compileList(PERSON_WORDS);
const DISSATISFIED = compileList(DISSATISFACTION);
const FAILING = compileList(ASSISTANT_FAILING);
const THINGS = compileList(THINGS_OF_YOURS);
// A guard said with a negation around it says the opposite ("I still haven't got my phone back",
// "je n'ai toujours pas mon téléphone", "no tengo mi teléfono todavía"); a phone number is not the
// phone.
const NEGATIONS = ['not', 'no', 'never', 't', 'dont', 'didnt', 'doesnt', 'havent', 'hasnt', 'cant', 'ikke', 'inte', 'pas', 'nicht', 'kein', 'keine', 'niet', 'geen', 'nunca', 'jamais', 'aldrig'];
// Having the phone or the codes is undone by losing them too: "I should have printed the codes",
// "the paper is gone", "I dont have them anymore".
const LOSS = ['should', 'forgot', 'wish', 'anymore', 'gone', 'lost', 'missing'];
const CLAUSE_BREAKS = new Set(['but', 'aber', 'mais', 'pero', 'maar', 'men', 'however']);

/** A built-in guard of one category: the category does not fire when it holds. */
interface CategoryGuard {
  phrases: CompiledPhrase[];
  /** Words near it that undo it. */
  undoing: Set<string>;
  /**
   * How far after it to look for them: the clause ("I still have my phone, but the codes don't
   * work" still has the phone) or the rest of the sentence ("I printed the backup codes but lost
   * the paper" has no codes).
   */
  reach: 'clause' | 'sentence';
  /** Said anywhere in the message, these undo it ("we moved to your cloud"). */
  undoneBy?: CompiledPhrase[];
  /**
   * What it guards: the whole message (the default), or only the sentence it is in ("if the
   * only admin never replies…" after "our only admin left and we are locked out").
   */
  scope?: 'message' | 'sentence';
}
const guard = (list: PhraseList, reach: CategoryGuard['reach'], more: string[] = [], undoneBy?: PhraseList): CategoryGuard => ({
  phrases: compileList(list),
  undoing: new Set([...NEGATIONS, ...more]),
  reach,
  ...(undoneBy ? { undoneBy: compileList(undoneBy) } : {}),
});
const SELF_HOSTED_GUARD = guard(SELF_HOSTED, 'clause', [], ON_HOSTED_SERVICE);
// An administrator managing other people's accounts, unless locked out too
const MANAGES_ACCOUNTS_GUARD = guard(MANAGES_ACCOUNTS, 'clause', [], LOCKED_OUT);
const CATEGORY_GUARDS: Record<string, CategoryGuard[]> = {
  lost_2fa: [guard(STILL_HAS_SECOND_FACTOR, 'clause', LOSS), guard(HAS_RECOVERY_CODES, 'sentence', [...LOSS, 'work', 'working', 'expired', 'invalid', 'rejected', 'same', 'used', 'old']), SELF_HOSTED_GUARD, MANAGES_ACCOUNTS_GUARD],
  // A hypothetical holds whatever follows it ("if the only admin doesn't respond…").
  account_access: [SELF_HOSTED_GUARD, MANAGES_ACCOUNTS_GUARD, { phrases: compileList(HYPOTHETICAL_ADMIN), undoing: new Set(), reach: 'clause', scope: 'sentence' }],
  security_report: [{ ...guard(SECURITY_QUESTION, 'clause'), scope: 'sentence' }, { ...guard(SEEING_OTHERS_QUESTION, 'clause'), scope: 'sentence' }],
  // "Kan man få pengene tilbage…?" asks for the policy in that sentence only.
  refund_chargeback: [{ ...guard(GENERAL_REFUND_QUESTION, 'clause'), scope: 'sentence' }],
  // A break-in on the visitor's own installation: their administrator's to handle, with the
  // documentation. (Not one of the visitor's users' accounts: on a hosted service that is ours.)
  hacked_account: [SELF_HOSTED_GUARD],
  data_protection: [{ ...guard(SAMPLE_DATA, 'clause'), scope: 'sentence' }, SELF_HOSTED_GUARD],
  // For its own sentence only: "I got a letter from my lawyer today. We will take legal action…"
  // threatens in the next. "A letter from your lawyer" is the company's.
  legal_threat: [{ ...guard(RECEIVED_LEGAL_NOTICE, 'clause', ['your', 'you', 'yours', 'votre', 'vos', 'vous', 'usted', 'ustedes', 'vuestro', 'vuestra', 'uw', 'jullie', 'jeres', 'jer']), scope: 'sentence' }],
};

/** Where a matched span starts among the words. */
const at = (toks: string[], matched: string) => {
  const span = matched.split(' ');
  return toks.findIndex((_, i) => span.every((w, j) => toks[i + j] === w));
};
function guardHolds(g: CategoryGuard, toks: string[]): boolean {
  const hit = firstMatch(g.phrases, toks);
  if (!hit) return false;
  const span = hit.matched.split(' ');
  const start = at(toks, hit.matched);
  const after: string[] = [];
  for (const w of toks.slice(start + span.length, g.reach === 'clause' ? start + span.length + 3 : toks.length)) {
    if (g.reach === 'clause' && CLAUSE_BREAKS.has(w)) break;
    after.push(w);
  }
  const around = [...toks.slice(Math.max(0, start - 2), start), ...span, ...after];
  if (around.some((w) => g.undoing.has(w))) return false;
  return ![...span, toks[start + span.length] ?? ''].some((w) => /(nummer|number|numero)$/.test(w));
}
// Guards are read a sentence at a time: in "…a licence for ~300 users. Can somebody from your
// team reach out?" no users reach anyone, though the words follow one another once the full
// stop is gone.
// A full stop ends a sentence before a capital letter, and before a small one after a word of four
// letters or more that is not an abbreviation (chat is often written in small letters: "loops
// with the assistant. please escalate"): "Art. 15 DSGVO", "e.g. users" and "approx. ten" stay one
// sentence.
// (Each run is matched from its first mark only, so a stranger's "!!!!…" costs linear time.)
const SENTENCE_END = /(?<![!?;])[!?;]+(?=\s|$)|(?<!\.)\.+(?=\s+["'“‘(]?\p{Lu})|(?<=\p{L}{4})(?<!(?:^|[^\p{L}])(?:[Aa]pprox|[Aa]prox|[Ii]ncl|[Ee]xcl|[Ii]nkl|[Ee]xkl|[Ee]vtl|[Bb]spw|[Bb]zgl|[Ii]nsb|[Bb]ijv|[Vv]edr|[Rr]esp|[Zz]zgl|[Cc]orp|[Dd]ept|[Pp]rof|[Vv]ers|[Mm]isc))(?<!\.)\.+(?=\s+\p{Ll})|\n+/u;
/** The sentences of a message, as the triggers split it. */
export const sentencesOf = (text: string): string[] => text.split(SENTENCE_END).filter((s) => s?.trim());
/** A message as the triggers read it, once: all its words, and its sentences' words. */
interface Read {
  toks: string[];
  sentences: string[][];
}
const readMessage = (text: string): Read => ({ toks: tokens(text), sentences: sentencesOf(text).map(tokens).filter((toks) => toks.length) });
const guarded = (guards: CompiledPhrase[], read: Read) => read.sentences.some((toks) => !!firstMatch(guards, toks));
const categoryGuarded = (guards: CategoryGuard[] | undefined, read: Read) =>
  !!guards?.some((g) => g.scope !== 'sentence' && !(g.undoneBy && firstMatch(g.undoneBy, read.toks)) && read.sentences.some((toks) => guardHolds(g, toks)));
const inOneSentence = (phrases: CompiledPhrase[], read: Read, guards: CategoryGuard[] = []) => {
  const local = guards.filter((g) => g.scope === 'sentence');
  for (const toks of read.sentences) {
    const hit = firstMatch(phrases, toks);
    if (hit && !local.some((g) => guardHolds(g, toks))) return hit;
  }
  return undefined;
};
const SHORT_MESSAGE_WORDS = 3;
// Third persons a sentence may refer back with before its request ("our customers… when they
// ask for a human"). Not words that are also articles or "you" (German "dem", "Sie", French
// "les", Danish "her": here).
const OTHERS = new Set(['they', 'them', 'their', 'he', 'she', 'him', 'his', 'ils', 'elles', 'leur', 'leurs', 'ellos', 'ellas', 'ze', 'zij', 'hij', 'deres', 'han', 'hon', 'deras']);
const othersBefore = (toks: string[], matched: string) => toks.slice(0, Math.max(0, at(toks, matched))).some((w) => OTHERS.has(w));
// Filler that may stand around a one-word request: "a human please", "hi, agent!".
const FILLER = new Set(['a', 'an', 'the', 'please', 'pls', 'plz', 'now', 'hi', 'hello', 'hey', 'hej', 'hallo', 'bonjour', 'hola', 'ein', 'einen', 'en', 'et', 'un', 'une', 'una', 'uno', 'een', 'bitte', 'venligst', 'tak', 'por', 'favor', 'svp', 'alstublieft', 'aub', 'tack', 'real', 'live', 'ok', 'okay']);

// What the classifier rested on, for the agent reading the handoff reason.
const modelEvidence = (v: { probability: number; words: string[] }) => {
  const share = `classifier, ${Math.round(v.probability * 100)}%`;
  return v.words.length ? `${v.words.map((w) => `"${w}"`).join(', ')} (${share})` : share;
};

// Below the classifier's own bar (0.6) but above this, a message is a request for a person only
// when nothing in the content answers it, and only when it does not open with a question word
// ("who is my account manager?", "when are you open?"). Yes/no openings stay: they are how people
// ask whether anyone is there ("is anyone there?", "¿hay alguien?", "gibt es jemanden?"). Held
// out file by file, the classifier alone at 0.4 caught 0.90 of requests for a person (0.85 at
// 0.6) and 3.3% of ordinary questions (2.5%).
const LEAN = 0.4;
const QUESTION_WORDS = new Set(['what', 'when', 'where', 'which', 'who', 'how', 'why', 'wann', 'wo', 'was', 'welche', 'welcher', 'wer', 'wie', 'warum', 'quand', 'ou', 'quel', 'quelle', 'qui', 'comment', 'pourquoi', 'cuando', 'donde', 'que', 'cual', 'quien', 'como', 'wanneer', 'waar', 'wat', 'welke', 'hoe', 'waarom', 'nar', 'hvornar', 'hvor', 'var', 'vad', 'hvad', 'hvilken', 'vilken', 'hvem', 'vem', 'hur', 'hvordan', 'hvorfor', 'varfor']);

/** The classifier leans towards a request for a person, the guards allowing: its evidence, or undefined. */
export function leaningTowardsPerson(text: string): string | undefined {
  const read = readMessage(text);
  const verdict = classify(text);
  if (verdict.kind !== 'person' || verdict.probability < LEAN || QUESTION_WORDS.has(read.toks[0] ?? '')) return undefined;
  if (guarded(THINGS, read) || (guarded(GUARDS, read) && !firstMatch(FAILING, read.toks))) return undefined;
  return modelEvidence(verdict);
}

/** The visitor asks for a person, in any of the languages; not when asking about their own people. */
export function detectPersonRequest(text: string): Trigger | undefined {
  const read = readMessage(text);
  const toks = read.toks;
  const content = toks.filter((t) => !FILLER.has(t));
  if (content.length && content.length <= SHORT_MESSAGE_WORDS) {
    const word = firstMatch(WORDS, content);
    if (word && word.matched.split(' ').length === content.length) return { kind: 'person_request', evidence: `"${word.matched}"` };
  }
  // Quoted text is left out: '"Please contact support"' is an error message the visitor saw,
  // not what they ask.
  const words = tokens(withoutQuotes(text));
  const handOn = firstMatch(HAND_ON, words);
  if (handOn) return { kind: 'person_request', evidence: `"${handOn.matched}"` };
  // Not inside a how-to said before it ("how do I show who is our account manager on a deal?");
  // "who is our CSM and how do I reach them?" asks for the person.
  const contact = firstMatch(CONTACT, words);
  const how = contact && firstMatch(HOW, words);
  if (contact && !(how && at(words, how.matched) < at(words, contact.matched))) return { kind: 'person_request', evidence: `"${contact.matched}"` };
  let hit = firstMatch(PERSON, words);
  // A request said in a sentence of its own is guarded by that sentence only: in "the invite
  // never arrives for my colleague. I need an actual human to check the mail logs" the colleague
  // is the visitor's, the human is ours. Not where the sentence speaks of others before it
  // ("…when they ask to speak to a human"), whom an earlier sentence named. A guard quoted in
  // the same sentence still holds ("under 'Escalation rules', how do I…"); a quotation is kept
  // in one piece when sentences are split.
  if (hit) {
    const whole = text.replace(QUOTED, (quote) => quote.replace(/[.!?;\n]+/g, ','));
    let inASentence = false;
    for (const sentence of sentencesOf(whole)) {
      const own = tokens(withoutQuotes(sentence));
      const said = firstMatch(PERSON, own);
      inASentence ||= !!said;
      if (!said || firstMatch(GUARDS, tokens(sentence)) || othersBefore(own, said.matched)) continue;
      return { kind: 'person_request', evidence: `"${said.matched}"` };
    }
    // Words of two sentences are not one request ("…without touching anyone else. Is there a
    // per-user reset?"): the classifier is asked instead.
    if (!inASentence) hit = undefined;
  }
  const verdict = hit ? undefined : classify(withoutQuotes(text));
  const learned = verdict?.kind === 'person' && verdict.probability >= MODEL_THRESHOLDS.person && !guarded(THINGS, read);
  if (!hit && !learned) return undefined;
  // A guard keeps questions about the product's own people features with the assistant; one
  // that also says the assistant is failing them ("hand this over, the bot answers aren't
  // cutting it") is a request after all.
  if (guarded(GUARDS, read) && !firstMatch(FAILING, toks)) return undefined;
  if (hit) return { kind: 'person_request', evidence: `"${hit.matched}"` };
  return { kind: 'person_request', evidence: modelEvidence(verdict!) };
}

// A built-in sensitive phrase can match an ordinary question ("how do I record a chargeback in
// my books?", "nobody can log in since we upgraded our server"); when the classifier is all but
// sure the message is one, that phrase does not hand it off. Only where questions about the topic
// are common, and only at these probabilities: lock-outs read much like sign-in how-tos, so
// account access needs more. Never a legal threat, a takeover or a lost second factor ("…or I
// will involve my lawyer" reads like "can our lawyer get read-only access?" to a bag of words),
// never a request for a person (the classifier reads "how can I reach you by phone?" as a
// how-to), and never a phrase the operator wrote. Held out file by file when it was trained
// (`npm run train:handoff -- --cv`), this overruled none of 717 sensitive phrase hits on real
// handoffs and 39 of 103 on ordinary questions.
const VETO_AT: Record<string, number> = {
  billing_dispute: MODEL_THRESHOLDS.veto,
  refund_chargeback: MODEL_THRESHOLDS.veto,
  data_protection: MODEL_THRESHOLDS.veto,
  account_access: 0.99,
};
const BUILT_IN = new Map(DEFAULT_SENSITIVE_CATEGORIES.map((c) => [c.key, new Set(Object.values(c.phrases).flat())]));
const vetoed = (key: string, phrase: string, verdict: Verdict) =>
  key in VETO_AT && !!BUILT_IN.get(key)?.has(phrase) && verdict.kind === 'none' && verdict.probability >= VETO_AT[key]!;

export interface CompiledCategory {
  key: string;
  name: string;
  phrases: CompiledPhrase[];
}

export function compileCategories(categories: SensitiveCategory[]): CompiledCategory[] {
  return categories.filter((c) => c.enabled).map((c) => ({ key: c.key, name: c.name, phrases: compileList(c.phrases) }));
}

const DEFAULT_CATEGORIES = compileCategories(DEFAULT_SENSITIVE_CATEGORIES);

/** The first sensitive category the message falls in (`judge`: another classifier, for cross-validation). */
export function detectSensitive(text: string, categories: CompiledCategory[] = DEFAULT_CATEGORIES, judge: typeof classify = classify): Trigger | undefined {
  const read = readMessage(text);
  const live = categories.filter((c) => !categoryGuarded(CATEGORY_GUARDS[c.key], read));
  if (!live.length) return undefined;
  // The classifier knows the built-in categories only; one the operator turned off counts for nothing.
  const verdict = judge(text, new Set(live.map((c) => c.key)));
  for (const c of live) {
    const hit = inOneSentence(c.phrases, read, CATEGORY_GUARDS[c.key]);
    if (hit && !vetoed(c.key, hit.phrase, verdict)) return { kind: 'sensitive', detail: c.key, evidence: `${c.name}: "${hit.matched}"` };
  }
  const category = verdict.kind === 'sensitive' ? live.find((c) => c.key === verdict.category) : undefined;
  if (category && verdict.probability >= MODEL_THRESHOLDS.sensitive) return { kind: 'sensitive', detail: category.key, evidence: `${category.name}: ${modelEvidence(verdict)}` };
  return undefined;
}

/** "That didn't help" and the like; the caller counts them across the conversation. */
export function detectDissatisfaction(text: string): string | undefined {
  return firstMatch(DISSATISFIED, tokens(text))?.matched;
}

/** A condition an operator set in the admin settings; every field given must hold. */
export interface OperatorRule {
  name: string;
  enabled: boolean;
  /** Phrases (the phrase language) of which the message must contain one. */
  phrases?: string[];
  /** A regular expression the message must match (case-insensitive). */
  pattern?: string;
  /** Text the page URL must contain. */
  pageUrlContains?: string;
  /** Domains the visitor's email must be at (e.g. "bigcustomer.com"). */
  emailDomains?: string[];
  /** Fire once the assistant has answered this many times in a row without a person. */
  aiAnswersInRow?: number;
  /** Fire once the visitor rated this many answers unhelpful. */
  negativeFeedback?: number;
}

export interface RuleContext {
  text: string;
  pageUrl: string | null;
  email: string | null;
  aiAnswersInRow: number;
  negativeFeedback: number;
}

/** The first enabled rule all of whose conditions hold (a rule with no condition never fires). */
export function evaluateRules(rules: OperatorRule[], ctx: RuleContext): Trigger | undefined {
  const toks = tokens(ctx.text);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const evidence: string[] = [];
    let conditions = 0;
    const check = (ok: boolean, why: string) => {
      conditions++;
      if (ok) evidence.push(why);
      return ok;
    };
    if (rule.phrases?.length) {
      const hit = firstMatch(rule.phrases.map(compilePhrase), toks);
      if (!check(!!hit, `words "${hit?.matched}"`)) continue;
    }
    if (rule.pattern) {
      // Linear time whatever the pattern (an operator's pattern could otherwise freeze the server).
      const m = cachedPattern(rule.pattern)?.firstMatch(ctx.text) ?? null;
      if (!check(m !== null, `pattern matched "${m}"`)) continue;
    }
    if (rule.pageUrlContains) {
      if (!check(!!ctx.pageUrl?.toLowerCase().includes(rule.pageUrlContains.toLowerCase()), `page ${ctx.pageUrl}`)) continue;
    }
    if (rule.emailDomains?.length) {
      const domain = ctx.email?.split('@')[1]?.toLowerCase();
      if (!check(!!domain && rule.emailDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`)), `email at ${domain}`)) continue;
    }
    if (rule.aiAnswersInRow) {
      if (!check(ctx.aiAnswersInRow >= rule.aiAnswersInRow, `${ctx.aiAnswersInRow} AI answers in a row`)) continue;
    }
    if (rule.negativeFeedback) {
      if (!check(ctx.negativeFeedback >= rule.negativeFeedback, `${ctx.negativeFeedback} answers rated unhelpful`)) continue;
    }
    if (conditions) return { kind: 'rule', detail: rule.name, evidence: `${rule.name}: ${evidence.join(', ')}` };
  }
  return undefined;
}

export interface TriggerContext extends RuleContext {
  /** Earlier messages of this episode the visitor marked as not helping. */
  dissatisfiedBefore: number;
  categories?: CompiledCategory[];
  rules?: OperatorRule[];
}

/**
 * The trigger that fires on the visitor's message before the assistant answers, if any:
 * sensitive topics first (they must not get an AI attempt), then a request for a person, the
 * operator's rules, and a second "that didn't help".
 */
export function triggerBeforeAnswer(ctx: TriggerContext): Trigger | undefined {
  const sensitive = detectSensitive(ctx.text, ctx.categories);
  if (sensitive) return sensitive;
  const person = detectPersonRequest(ctx.text);
  if (person) return person;
  const rule = evaluateRules(ctx.rules ?? [], ctx);
  if (rule) return rule;
  const unhappy = detectDissatisfaction(ctx.text);
  if (unhappy && ctx.dissatisfiedBefore >= 1) return { kind: 'dissatisfied', evidence: `"${unhappy}", ${ctx.dissatisfiedBefore + 1} times in this conversation` };
  return undefined;
}
