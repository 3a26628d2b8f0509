/**
 * Grouping questions by topic: visitors ask the same thing in different words ("export my
 * invoices as PDF", "download an invoice in PDF"). Each question comes as its stemmed key terms
 * (Postgres's text-search stemmer, filler and stop words removed). Two questions are alike when
 * the terms they share weigh enough of the terms either has, rare terms weighing more than
 * common ones (inverse document frequency over the questions being grouped). A question joins
 * the group of any question it is alike to (single link), so a group can grow from paraphrase to
 * paraphrase.
 */

export interface TermSet {
  terms: readonly string[];
}

/** Questions sharing less than this weighted share of their terms are different topics. */
export const SIMILAR = 0.3;

export type Weights = (term: string) => number;

/** A word in more than this share of the questions (and more than COMMON_MIN of them) is common. */
const COMMON_SHARE = 0.25;
const COMMON_MIN = 20;

/** Inverse document frequency of each term over these sets. */
export function termWeights(sets: readonly TermSet[]): Weights {
  const df = new Map<string, number>();
  for (const s of sets) for (const t of new Set(s.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sets.length;
  // Unknown terms (a question from outside the sets) weigh as much as the rarest.
  return (t) => Math.log(1 + n / (df.get(t) ?? 1));
}

/** Weighted Jaccard: the weight of the shared terms over the weight of all terms. */
export function similarity(a: readonly string[], b: readonly string[], weight: Weights): number {
  const A = new Set(a);
  const B = new Set(b);
  let shared = 0;
  let all = 0;
  for (const t of new Set([...A, ...B])) {
    const w = weight(t);
    all += w;
    if (A.has(t) && B.has(t)) shared += w;
  }
  return all ? shared / all : 0;
}

/**
 * The items in groups of alike questions, biggest first.
 * Items without terms (nothing was asked, only "talk to a person") form one group of their own.
 * Each group's items keep their input order.
 */
export function groupByTopic<T extends TermSet>(items: readonly T[], threshold = SIMILAR): T[][] {
  const weight = termWeights(items);
  const sets = items.map((it) => new Set(it.terms));
  const totals = sets.map((set) => [...set].reduce((sum, t) => sum + weight(t), 0));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Only questions that share a word can be alike: compare those pairs, found through an index
  // of which questions use each word. Words used by more than a quarter of the questions ("today",
  // "possible") say little about a topic and would make every pair a candidate, so they do not
  // nominate pairs; they still count in the similarity of the pairs compared.
  const common = Math.max(COMMON_MIN, items.length * COMMON_SHARE);
  const users = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const t of set) {
      const list = users.get(t);
      if (list) list.push(i);
      else users.set(t, [i]);
    }
  });
  for (let a = 0; a < items.length; a++) {
    const candidates = new Set<number>();
    for (const t of sets[a]!) {
      const list = users.get(t)!;
      if (list.length <= common) for (const b of list) if (b > a) candidates.add(b);
    }
    for (const b of candidates) {
      if (find(a) === find(b)) continue;
      let shared = 0;
      for (const t of sets[a]!) if (sets[b]!.has(t)) shared += weight(t);
      // Weighted Jaccard, as similarity() computes it, from the shared weight and the two totals.
      if (shared / (totals[a]! + totals[b]! - shared) >= threshold) parent[find(b)] = find(a);
    }
  }
  const groups = new Map<number, T[]>();
  const empty: T[] = [];
  items.forEach((it, i) => {
    if (!sets[i]!.size) return void empty.push(it);
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(it);
    else groups.set(root, [it]);
  });
  const out = [...groups.values()];
  if (empty.length) out.push(empty);
  // Array.prototype.sort is stable: equal sizes keep the order their first question came in.
  return out.sort((a, b) => b.length - a.length);
}

/** Enough questions to name a topic by; a big topic is named from its first ones (the newest). */
const NAMING_SAMPLE = 60;

/** The question most like the rest of its group: the group's name. */
export function centralItem<T extends TermSet>(group: readonly T[], weight: Weights): T {
  const sample = group.slice(0, NAMING_SAMPLE);
  let best = sample[0]!;
  let bestScore = -1;
  for (const a of sample) {
    let score = 0;
    for (const b of sample) if (a !== b) score += similarity(a.terms, b.terms, weight);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}
