import type { NewEmail } from '../followups/types.js';
import type { DomainEvent } from '../events.js';
import type { Clock, ConversationPatch, ConversationRepo, EventBus } from '../ports.js';
import { canTransition, illegalTransition, TRANSITIONS, type TransitionName } from './lifecycle.js';
import type { Conversation, Message } from './types.js';

export interface TransitionOptions {
  actorId: string | null;
  patch?: ConversationPatch;
  /** Only if the conversation is still assigned to this agent (null: to nobody). */
  expectAssignedTo?: string | null;
  data?: Record<string, unknown>;
  /** Emails the transition causes, written with it (the transactional outbox). */
  emails?: NewEmail[];
}

/**
 * Applies the state machine's transitions and tells every replica what happened. Both the
 * visitor's side (ConversationService) and the agents' (InboxService) change conversations only
 * through here, so each change is checked, stored on the timeline and published the same way.
 */
export class Transitions {
  constructor(private readonly deps: { conversations: ConversationRepo; events: EventBus; clock: Clock; onError?: (err: unknown) => void }) {}

  /**
   * The transition, or a ConflictError when the status does not allow it. Returns undefined when
   * the conversation changed under us (another agent was first): the caller re-reads and says so.
   */
  async apply(conversation: Conversation, name: TransitionName, opts: TransitionOptions): Promise<Conversation | undefined> {
    if (!canTransition(name, conversation.status)) throw illegalTransition(name, conversation.status);
    const { to, from } = TRANSITIONS[name];
    const done = await this.deps.conversations.transition(conversation.id, {
      name,
      from,
      to,
      expectAssignedTo: opts.expectAssignedTo,
      patch: opts.patch ?? {},
      actorId: opts.actorId,
      data: opts.data,
      at: this.deps.clock.now(),
      emails: opts.emails,
    });
    if (!done) return undefined;
    await this.publish({
      type: 'conversation.transitioned',
      conversationId: conversation.id,
      transition: name,
      from: done.event.from,
      to,
      assignedTo: done.conversation.assignedTo,
      actorId: opts.actorId,
      ...(typeof opts.data?.reason === 'string' ? { reason: opts.data.reason } : {}),
    });
    return done.conversation;
  }

  /** Tells listeners a message was stored (only when it was: a repeat is not news). */
  async announce(message: Message, created = true): Promise<void> {
    if (!created) return;
    await this.publish({ type: 'message.created', conversationId: message.conversationId, messageId: message.id, author: message.author, internal: message.internal });
  }

  /**
   * Live updates are a courtesy on top of what is stored: a failed NOTIFY is logged, and never
   * fails the request that stored the change.
   */
  async publish(event: DomainEvent): Promise<void> {
    try {
      await this.deps.events.publish(event);
    } catch (err) {
      this.deps.onError?.(err);
    }
  }

  subscribe(listener: (event: DomainEvent) => void): Promise<() => void> {
    return this.deps.events.subscribe(listener);
  }
}
