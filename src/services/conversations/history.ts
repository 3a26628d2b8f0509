import { estimateTokens } from '../assistant/assistant-service.js';
import type { ChatMessage } from '../ports.js';
import type { Message } from './types.js';

/** Earlier turns go into the prompt newest first until this many (estimated) tokens. */
const HISTORY_TOKENS = 1500;
/** Messages read back for a reply, a handoff note or the ask-first check. */
export const HISTORY_MESSAGES = 12;

/** Recent turns, oldest first, as many as fit the history budget (Baton's own notices left out). */
export function toHistory(recent: Message[]): ChatMessage[] {
  const turns: ChatMessage[] = [];
  let budget = HISTORY_TOKENS;
  for (const m of [...recent].reverse()) {
    if (m.author === 'system') continue;
    budget -= estimateTokens(m.text);
    if (budget < 0) break;
    turns.unshift({ role: m.author === 'visitor' ? 'user' : 'assistant', content: m.text });
  }
  return turns;
}
