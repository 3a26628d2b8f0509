import type { QueryTerm, RankedPage } from '../knowledge/ranking.js';

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
}

// Calibrated on the tuning sets with `npm run bench:quality` (its gate table): the strictest
// floor that refused no English answerable question there.
export const DEFAULT_GATE: Gate = { minCoverage: 0.25, maxUnknown: 0.4, minPassages: 50 };

// A question's weight counts each term's rarity, but no single term more than this, so one
// misspelt or pasted word (a log line, a model number) cannot sink an otherwise covered question.
const MAX_TERM_WEIGHT = 6;

export function answerabilityEvidence(query: QueryTerm[], pages: RankedPage[], passages: number): AnswerabilityEvidence {
  const weight = (t: QueryTerm) => Math.min(t.idf, MAX_TERM_WEIGHT);
  const total = query.reduce((s, t) => s + weight(t), 0);
  if (!total || !pages.length) return { coverage: 0, passageCoverage: 0, unknown: total ? 1 : 0, terms: query.length, passages };
  const share = (indexes: Iterable<number>) => [...new Set(indexes)].reduce((s, i) => s + weight(query[i]!), 0) / total;
  const best = pages[0]!;
  return {
    coverage: share(best.passages.flatMap((p) => p.matched)),
    passageCoverage: Math.max(...best.passages.map((p) => share(p.matched))),
    unknown: query.filter((t) => t.df === 0).reduce((s, t) => s + weight(t), 0) / total,
    terms: query.length,
    passages,
  };
}

export function isAnswerable(evidence: AnswerabilityEvidence, gate: Gate = DEFAULT_GATE): boolean {
  if (evidence.terms === 0 || evidence.coverage === 0) return false;
  if (evidence.passages < gate.minPassages) return true;
  return evidence.coverage >= gate.minCoverage && evidence.unknown < gate.maxUnknown;
}
