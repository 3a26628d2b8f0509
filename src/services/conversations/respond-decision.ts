import { detectDissatisfaction, detectPersonRequest, triggerBeforeAnswer, type CompiledCategory, type OperatorRule } from '../assistant/triggers/triggers.js';
import { isAffirmative } from '../assistant/turns.js';
import type { ConversationStatus, Handoff, Message } from './types.js';

/**
 * What Baton does with a visitor's message, decided before anything is written or asked of the
 * model. Pure: the service gathers the inputs, this chooses, the service acts.
 *
 * - `draft`: a teammate has the conversation. No reply to the visitor; a draft for the agent.
 * - `hand_off`: no AI answer. The notice says what happens next, and the conversation queues.
 * - `promise_again`: already with the team and asking for a person again: say so again.
 * - `answer`: the assistant answers (in `bot`, an unsure answer may still hand off after it).
 */
export type ResponseDecision = { kind: 'draft' } | { kind: 'hand_off'; handoff: Handoff } | { kind: 'promise_again' } | { kind: 'answer' };

export interface DecisionInput {
  status: ConversationStatus;
  /** The visitor's message. */
  text: string;
  /** Earlier messages of this episode, oldest first. */
  recent: Message[];
  pageUrl: string | null;
  /** The visitor's email, only when the site vouched for it (anyone can type cto@bigcorp.com). */
  verifiedEmail: string | null;
  /** The operator's sensitive topics and rules (Settings › Handoff). */
  categories: CompiledCategory[];
  rules: OperatorRule[];
  /** Answers of this episode the visitor rated unhelpful. */
  unhelpful: number;
}

/** Whether the AI replies to the visitor: not once a teammate has the conversation. */
export const aiReplies = (status: ConversationStatus): boolean => status !== 'assigned';

/**
 * The part of the decision that needs only the conversation itself; undefined when the bot has
 * it and the triggers must be read (the service reads their inputs only then).
 */
export function earlyDecision(input: Pick<DecisionInput, 'status' | 'text' | 'recent'>): ResponseDecision | undefined {
  if (!aiReplies(input.status)) return { kind: 'draft' };
  if (input.status !== 'bot') return detectPersonRequest(input.text) ? { kind: 'promise_again' } : { kind: 'answer' };
  const last = input.recent.findLast((m) => m.author !== 'visitor');
  // "Talk to the team" came before any question: this message is the question.
  if (last?.meta.askedForTeam) return handOff({ reason: 'person_request', evidence: `pressed "Talk to the team", then wrote: "${input.text.slice(0, 120)}"` });
  // "Yes" to "Would you like me to ask the team?": the offer was the assistant's last word.
  if (last?.meta.offer && isAffirmative(input.text)) return handOff({ reason: 'unsure', evidence: `accepted the offer to ask the team ("${input.text.slice(0, 80)}") after: ${last.text.slice(0, 120)}` });
  return undefined;
}

export function decideResponse(input: DecisionInput): ResponseDecision {
  const early = earlyDecision(input);
  if (early) return early;
  const trigger = triggerBeforeAnswer({
    text: input.text,
    pageUrl: input.pageUrl,
    email: input.verifiedEmail,
    categories: input.categories,
    rules: input.rules,
    aiAnswersInRow: aiAnswersInRow(input.recent),
    negativeFeedback: input.unhelpful,
    // An answer rated unhelpful counts as saying "that didn't help".
    dissatisfiedBefore: input.recent.filter((m) => m.author === 'visitor' && detectDissatisfaction(m.text)).length + input.unhelpful,
  });
  if (trigger) return handOff({ reason: trigger.kind, evidence: trigger.evidence, ...(trigger.detail ? { detail: trigger.detail } : {}) });
  return { kind: 'answer' };
}

const handOff = (handoff: Handoff): ResponseDecision => ({ kind: 'hand_off', handoff });

/** How many assistant answers came since a person last wrote to the visitor. */
export function aiAnswersInRow(recent: Message[]): number {
  let n = 0;
  for (const m of [...recent].reverse()) {
    if (m.author === 'agent') break;
    if (m.author === 'assistant') n++;
  }
  return n;
}
