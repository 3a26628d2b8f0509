import { termsOf } from '../../lib/text-analysis.js';
import { announces, LIST_ITEM } from '../../lib/text-structure.js';

/**
 * The part of a passage worth quoting to a visitor, without an LLM: the sentences around the
 * question's words, never an instruction cut in half. A passage is read as units (sentences,
 * list items, code blocks); a unit that announces what follows ("Here's how:", "as follows",
 * any line ending in a colon) is quoted with the list or code after it, and a list is one unit
 * as long as it fits, so "…set a flag in the browser. Here's how." never ends a quote.
 */

/** A question word as the excerpt needs it: its index terms and how much it matters. */
export interface ExcerptTerm {
  variants: string[];
  idf: number;
}

interface Unit {
  text: string;
  /** Starts a line of its own when quoted (list items, code, a new paragraph). */
  newLine: boolean;
  /** Says that what follows is its content: it is never quoted without the next unit. */
  announces: boolean;
  list: boolean;
}

// A line of code or a command: no sentence in it, and signs sentences rarely have.
const CODE_LINE = /^(?:\$ |npm |npx |yarn |pip |docker |git |sudo |curl |cd |[a-z_][\w.-]*\(|[{}[\]<]|\/\/|#!)/u;
// Sentence ends, but not "e.g. x", "v1.2" or "3. Click" (a step number).
const SENTENCE_END = /(?<=[^\s.]{2}[.!?…]["')\]]?)\s+(?=["'([]?[\p{Lu}\p{N}])/u;

function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    // A block of several short lines (code, a table, a list without blank lines) stays as written.
    const marked = (l: string) => LIST_ITEM.test(l.trim()) || CODE_LINE.test(l.trim());
    // (Hard-wrapped prose has short lines too, but no list marks or code among them.)
    if (lines.length > 1 && lines.some(marked) && lines.every((l) => marked(l) || l.length < 120)) {
      lines.forEach((line, i) => units.push({ text: line.trim(), newLine: true, announces: i < lines.length - 1 || announces(line), list: true }));
      continue;
    }
    const flat = block.replace(/\s*\n\s*/g, ' ').trim();
    if (LIST_ITEM.test(flat) || CODE_LINE.test(flat)) {
      units.push({ text: flat, newLine: true, announces: announces(flat), list: true });
      continue;
    }
    flat.split(SENTENCE_END).forEach((sentence, i) => units.push({ text: sentence, newLine: i === 0, announces: announces(sentence), list: false }));
  }
  // A list item before another keeps it: steps are quoted together, not one of five.
  units.forEach((u, i) => {
    if (u.list && units[i + 1]?.list) u.announces = true;
  });
  return units;
}

/** Units that must be quoted together: an announcement with what it announces, a whole list. */
function segmentsOf(units: Unit[]): Unit[][] {
  const segments: Unit[][] = [];
  let current: Unit[] = [];
  for (const unit of units) {
    current.push(unit);
    if (!unit.announces) {
      segments.push(current);
      current = [];
    }
  }
  if (current.length) segments.push(current);
  return segments;
}

const render = (units: Unit[]) => units.map((u, i) => (i === 0 ? u.text : `${u.newLine ? '\n' : ' '}${u.text}`)).join('');
const length = (units: Unit[]) => render(units).length;

/** Cut to `max` characters at a word, marked as cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const part = text.slice(0, max);
  const space = part.lastIndexOf(' ');
  return `${part.slice(0, space > max * 0.5 ? space : max).replace(/[\s,;:]+$/, '')}…`;
}

/** How much of the question a piece of text holds: the rarity of the question words in it. */
function relevance(text: string, language: string, terms: ExcerptTerm[]): number {
  const present = new Set(termsOf(text, language));
  return terms.reduce((sum, t) => sum + (t.variants.some((v) => present.has(v)) ? t.idf : 0), 0);
}

/**
 * A segment too long to quote whole (a long list): its introduction, then the items around the
 * one that holds most of the question, with "…" where items are left out.
 */
function withinSegment(segment: Unit[], terms: ExcerptTerm[], language: string, max: number): string {
  const head = segment[0]!.list ? [] : [segment[0]!];
  const items = segment.slice(head.length);
  const scores = items.map((u) => relevance(u.text, language, terms));
  const best = scores.reduce((b, score, i) => (score > scores[b]! ? i : b), 0);
  const gap: Unit = { text: '…', newLine: true, announces: false, list: true };
  const fits = (from: number, to: number) => length([...head, ...(from > 0 ? [gap] : []), ...items.slice(from, to + 1), ...(to < items.length - 1 ? [gap] : [])]) <= max;
  if (!items.length || !fits(best, best)) return cut(render(segment).replace(/\s*\n\s*/g, ' '), max);
  let from = best;
  let to = best;
  while (to + 1 < items.length && fits(from, to + 1)) to++;
  while (from > 0 && fits(from - 1, to)) from--;
  return render([...head, ...(from > 0 ? [gap] : []), ...items.slice(from, to + 1), ...(to < items.length - 1 ? [gap] : [])]);
}

/**
 * The best excerpt of `text` within `max` characters: the segment that holds most of the
 * question, then what follows it and what comes before, while they fit. Lines are kept (lists
 * and code stay lists and code). Without question words, the passage's beginning.
 */
export function bestExcerpt(text: string, terms: ExcerptTerm[], language: string, max: number): string {
  const segments = segmentsOf(unitsOf(text));
  if (!segments.length) return '';
  const scores = segments.map((s) => relevance(render(s), language, terms));
  let best = 0;
  scores.forEach((score, i) => {
    if (score > scores[best]!) best = i;
  });
  const first = segments[best]!;
  if (length(first) > max) return withinSegment(first, terms, language, max);
  let from = best;
  let to = best;
  let chosen = [...first];
  // What follows usually finishes the thought; what precedes gives the context.
  while (to + 1 < segments.length && length([...chosen, ...segments[to + 1]!]) <= max) chosen = [...chosen, ...segments[++to]!];
  while (from > 0 && length([...segments[from - 1]!, ...chosen]) <= max) chosen = [...segments[--from]!, ...chosen];
  return render(chosen);
}
