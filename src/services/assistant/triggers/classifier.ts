import model from './handoff-model.json' with { type: 'json' };
import { tokens } from './phrases.js';

/**
 * A small learned second opinion for the handoff triggers: multinomial logistic regression over
 * a message's words, five-letter word beginnings (a crude stem that works in every language:
 * "refun~" for refund, refunded, refundable) and word pairs. The phrase lists catch what they
 * were written for; this catches the many other ways people ask for a person or raise a
 * sensitive topic ("is anyone actually reading this?", "the money left my account twice").
 *
 * The weights are trained by `npm run train:handoff` from the messages in training/handoff/,
 * written for that purpose across many kinds of product (none from the evaluation sets), and
 * stored as integers (weight × scale) with the thresholds chosen when they were trained.
 */

export interface HandoffModel {
  labels: string[];
  scale: number;
  bias: number[];
  /** Feature → its weight per label (same order as labels), times scale. */
  weights: Record<string, number[]>;
  /** Each feature counts 1 / n^norm in a message of n features, so a long story's many weak words do not add up to a verdict. */
  norm: number;
  /**
   * The lowest probability at which the model's own verdict hands off (person, sensitive), and
   * at which its "none" overrules a phrase list's match (veto).
   */
  thresholds: { person: number; sensitive: number; veto: number };
}

export interface Verdict {
  /** What the message most likely is: a request for a person, a sensitive topic, or neither. */
  kind: 'person' | 'sensitive' | 'none';
  /** That kind's probability (for a sensitive topic, all categories' together). */
  probability: number;
  /** For a sensitive topic, the most likely category. */
  category?: string;
  /** The message's words that weighed most towards it, for the agent to check. */
  words: string[];
}

// A stranger's message can be long; what a handoff turns on is said in far fewer words.
const MAX_TOKENS = 400;
const STEM = 5;

/** A message's features: words, their beginnings, and pairs of neighbouring words. */
export function featuresOf(text: string): string[] {
  const toks = tokens(text).slice(0, MAX_TOKENS);
  const out = new Set<string>();
  toks.forEach((t, i) => {
    out.add(t);
    if (t.length > STEM) out.add(`${t.slice(0, STEM)}~`);
    if (i > 0) out.add(`${toks[i - 1]} ${t}`);
  });
  return [...out];
}

/** The lowest probability at which a label counts, chosen when the model was trained. */
export const MODEL_THRESHOLDS = (model as HandoffModel).thresholds;

// Weights by feature in a Map: a message's words are strangers' text, and a plain object would
// answer "constructor" or "__proto__" from its prototype.
const weightMaps = new WeakMap<HandoffModel, Map<string, number[]>>();
const weightsOf = (m: HandoffModel) => {
  let map = weightMaps.get(m);
  if (!map) weightMaps.set(m, (map = new Map(Object.entries(m.weights))));
  return map;
};

// The triggers ask about the same message twice in a row (a person? a sensitive topic?).
let last: { text: string; m: HandoffModel; feats: string[]; p: number[] } | undefined;

function probabilitiesOf(text: string, m: HandoffModel, weights: Map<string, number[]>): { feats: string[]; p: number[] } {
  if (last?.text === text && last.m === m) return last;
  const all = featuresOf(text);
  const feats = all.filter((f) => weights.has(f));
  const x = 1 / Math.max(1, all.length) ** m.norm;
  const logits = m.bias.map((b, k) => (b + x * feats.reduce((sum, f) => sum + weights.get(f)![k]!, 0)) / m.scale);
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = exps.reduce((a, b) => a + b, 0);
  last = { text, m, feats, p: exps.map((e) => e / total) };
  return last;
}

/**
 * The model's verdict on a message. The sensitive categories are summed before comparing: a
 * message plainly sensitive but split between "billing dispute" and "refund" is still sensitive.
 * Only the categories in `enabled` count (all when not given): one the operator turned off adds
 * nothing to the sum and is never the verdict's category.
 */
export function classify(text: string, enabled?: ReadonlySet<string>, m: HandoffModel = model as HandoffModel): Verdict {
  const weights = weightsOf(m);
  const { feats, p } = probabilitiesOf(text, m, weights);
  const at = (label: string) => m.labels.indexOf(label);
  const person = p[at('person')] ?? 0;
  const none = p[at('none')] ?? 0;
  const categories = m.labels
    .map((label, k) => ({ label, k }))
    .filter(({ label }) => label !== 'person' && label !== 'none' && (!enabled || enabled.has(label)));
  const sensitive = categories.reduce((sum, c) => sum + p[c.k]!, 0);
  const best = categories.reduce<{ label: string; k: number } | undefined>((a, b) => (!a || p[b.k]! > p[a.k]! ? b : a), undefined);
  const kind = person >= sensitive && person >= none ? 'person' : best && sensitive > none ? 'sensitive' : 'none';
  const k = kind === 'person' ? at('person') : kind === 'sensitive' ? best!.k : at('none');
  // Evidence an agent can read: words and pairs, not word beginnings or words of three letters.
  const words = feats
    .filter((f) => !f.endsWith('~') && f.length > 3)
    .map((f) => ({ f, w: weights.get(f)![k]! }))
    .filter((e) => e.w > 0)
    .sort((a, b) => b.w - a.w)
    .slice(0, 3)
    .map((e) => e.f);
  return { kind, probability: kind === 'person' ? person : kind === 'sensitive' ? sensitive : none, ...(kind === 'sensitive' ? { category: best!.label } : {}), words };
}
