import { ConflictError } from '../errors.js';
import type { ConversationStatus } from './types.js';

/**
 * The conversation's state machine. Every change of status is one of these named transitions,
 * allowed only from the statuses listed; anything else is refused. Each transition that happens
 * is stored as an event on the conversation's timeline and published to listeners.
 *
 *   bot ──hand_off──► queued ──claim──► assigned ──resolve──► resolved
 *    │                  ▲   ◄─release──    │ ▲                   │  │
 *    └──claim───────────┼──────────────────┘ └─assign (reassign)  │  │
 *                       └──────────────────reopen─────────────────┘  │
 *   bot ◄─────────────────────────new_episode (the visitor writes again)┘
 */
export const TRANSITIONS = {
  /** A trigger fired or the visitor asked for a person. */
  hand_off: { from: ['bot'], to: 'queued' },
  /** An agent takes a conversation nobody has (the AI steps aside). */
  claim: { from: ['bot', 'queued'], to: 'assigned' },
  /** The assignee or an admin gives it to another agent (or an admin assigns an open one). */
  assign: { from: ['bot', 'queued', 'assigned'], to: 'assigned' },
  /** The assignee puts it back in the queue for someone else. */
  release: { from: ['assigned'], to: 'queued' },
  resolve: { from: ['bot', 'queued', 'assigned'], to: 'resolved' },
  /** An agent reopens a resolved conversation: it goes back to the team's queue. */
  reopen: { from: ['resolved'], to: 'queued' },
  /** The visitor writes after resolution: a new episode, with the bot, that the AI sees alone. */
  new_episode: { from: ['resolved'], to: 'bot' },
} as const satisfies Record<string, { from: readonly ConversationStatus[]; to: ConversationStatus }>;

export type TransitionName = keyof typeof TRANSITIONS;

/**
 * The episode a visitor's rating of the team (CSAT) belongs to: this one once resolved; while
 * they are writing again, the one before (which was resolved). 0: never resolved yet.
 */
export const ratedEpisode = (c: { status: ConversationStatus; episode: number }): number => (c.status === 'resolved' ? c.episode : c.episode - 1);

export const canTransition = (name: TransitionName, from: ConversationStatus): boolean => (TRANSITIONS[name].from as readonly ConversationStatus[]).includes(from);

const STATUS_WORDS: Record<ConversationStatus, string> = { bot: 'with the AI assistant', queued: 'waiting for the team', assigned: 'assigned', resolved: 'resolved' };

const DONE: Record<TransitionName, string> = {
  hand_off: 'be handed off',
  claim: 'be claimed',
  assign: 'be assigned',
  release: 'go back to the queue',
  resolve: 'be resolved',
  reopen: 'be reopened',
  new_episode: 'start a new episode',
};

/** The refusal of an illegal transition, worded for the agent who tried it. */
export function illegalTransition(name: TransitionName, from: ConversationStatus): ConflictError {
  return new ConflictError(`This conversation is ${STATUS_WORDS[from]}, so it cannot ${DONE[name]}.`);
}
