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
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const withTerms = items.map((it, i) => ({ it, i })).filter((x) => x.it.terms.length);
  for (let a = 0; a < withTerms.length; a++) {
    for (let b = a + 1; b < withTerms.length; b++) {
      const x = withTerms[a]!;
      const y = withTerms[b]!;
      if (find(x.i) === find(y.i)) continue;
      if (similarity(x.it.terms, y.it.terms, weight) >= threshold) parent[find(y.i)] = find(x.i);
    }
  }
  const groups = new Map<number, T[]>();
  const empty: T[] = [];
  items.forEach((it, i) => {
    if (!it.terms.length) return void empty.push(it);
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

/** The question most like the rest of its group: the group's name. */
export function centralItem<T extends TermSet>(group: readonly T[], weight: Weights): T {
  let best = group[0]!;
  let bestScore = -1;
  for (const a of group) {
    let score = 0;
    for (const b of group) if (a !== b) score += similarity(a.terms, b.terms, weight);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}
