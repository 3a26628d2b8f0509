import type { Citation } from '../assistant/types.js';
import type { Message } from './types.js';

export interface HandoffSummary {
  /** The visitor's first message of the episode: usually what they came for. */
  firstQuestion: string | null;
  /** The visitor's latest message, when it is not the first. */
  lastMessage: string | null;
  /** What the AI cited in this episode, each source once, most recent first. */
  sources: Citation[];
  aiAnswers: number;
}

const CLIP = 400;
/** Long quotes in the summary are cut to a readable length (the live "Latest message" too). */
export const clip = (s: string) => (s.length > CLIP ? `${s.slice(0, CLIP - 1)}…` : s);

/**
 * The extractive summary an agent reads before the thread: the first question, the sources the
 * AI used and the last message, all from the current episode, so nobody asks the visitor to
 * repeat themselves.
 */
export function summarise(messages: Message[], episode: number): HandoffSummary {
  const current = messages.filter((m) => m.episode === episode && !m.internal);
  const fromVisitor = current.filter((m) => m.author === 'visitor');
  const answers = current.filter((m) => m.author === 'assistant');
  const seen = new Set<string>();
  const sources: Citation[] = [];
  for (const m of [...answers].reverse()) {
    for (const c of m.citations) {
      const key = `${c.url}\n${c.title}\n${c.section}\n${c.page ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sources.push(c);
    }
  }
  const first = fromVisitor[0];
  const last = fromVisitor.at(-1);
  return {
    firstQuestion: first ? clip(first.text) : null,
    lastMessage: last && last !== first ? clip(last.text) : null,
    sources,
    aiAnswers: answers.length,
  };
}
