import type { AssistantService } from '../assistant/assistant-service.js';
import type { AvailabilityService } from '../availability/availability-service.js';
import type { Availability } from '../availability/types.js';
import type { FollowupService } from '../followups/followup-service.js';
import type { Clock, ConversationRepo, MessageRepo, VisitorRepo } from '../ports.js';
import { HISTORY_MESSAGES, toHistory } from './history.js';
import { askFirstNotice, promiseNotice } from './notices.js';
import type { Transitions } from './transitions.js';
import type { Conversation, Handoff, Message, Visitor } from './types.js';

export interface HandoffFlowDeps {
  conversations: ConversationRepo;
  messages: MessageRepo;
  visitors: Pick<VisitorRepo, 'findById'>;
  transitions: Transitions;
  clock: Clock;
  /** Who can answer now: what the visitor is promised. */
  availability: Pick<AvailabilityService, 'now'>;
  /** The acknowledgement email when nobody could answer. */
  followups: Pick<FollowupService, 'acknowledgement' | 'emailsVisitors'>;
  /** The handoff note for the agent. */
  assistant: Pick<AssistantService, 'summarise'>;
  privacy: { llmHistory(): Promise<boolean> };
  /** Runs work after the response (the handoff note), tracked by ConversationService.settled(). */
  later: (work: () => Promise<void>) => void;
}

/**
 * Handing a conversation to the team: the queue, the promise (only what is true now), the
 * notice in the visitor's language, the acknowledgement email and the note for the agent.
 */
export class HandoffFlow {
  constructor(private readonly deps: HandoffFlowDeps) {}

  /**
   * The visitor asked for a person (the widget's button). Recorded once, with a notice in the
   * conversation saying what happens next; asking again changes nothing. Before any question,
   * the visitor is asked what about first: the team would get "no messages", and the handoff
   * comes with the answer (the respond decision sees this notice as the last word).
   */
  async requestTeam(conversation: Conversation, visitor: Visitor): Promise<{ conversation: Conversation; notice: Message; askedFirst: boolean }> {
    if (conversation.status === 'bot' && !(await this.deps.messages.recent(conversation.id, HISTORY_MESSAGES, { episode: conversation.episode })).some((m) => m.author === 'visitor')) {
      const { message, created } = await this.deps.messages.insertOnce({
        conversationId: conversation.id,
        author: 'system',
        text: askFirstNotice(conversation.language ?? visitor.language),
        clientId: `notice:ask_first:${conversation.episode}`,
        meta: { notice: 'ask_first', askedForTeam: true },
      });
      await this.deps.transitions.announce(message, created);
      return { conversation, notice: message, askedFirst: true };
    }
    const promise = await this.#promise(conversation);
    const queued = await this.#queue(conversation, { reason: 'person_request', evidence: 'the visitor pressed "Talk to the team"' }, promise);
    // One notice per episode, whatever number of clicks.
    return { conversation: queued, notice: await this.#storeNotice(queued, `notice:team_requested:${queued.episode}`, promise), askedFirst: false };
  }

  /** Already with the team and asking for a person again: the promise again, as the reply. */
  async promiseAgain(conversation: Conversation, message: Message, onToken?: (text: string) => void): Promise<Message> {
    return this.#notice(conversation, message, null, await this.#promise(conversation), onToken);
  }

  /** An answer that handed off (the model asked for a person): the conversation queues, and the notice follows the answer. */
  async afterAnswer(conversation: Conversation, message: Message, handoff: Handoff): Promise<Message> {
    const promise = await this.#promise(conversation);
    await this.#queue(conversation, handoff, promise);
    return this.#storeNotice(conversation, `notice:handoff:${message.id}`, promise);
  }

  /** Queues a `bot` conversation without a notice (a visitor's email reply). */
  async queue(conversation: Conversation, handoff: Handoff): Promise<Conversation> {
    return this.#queue(conversation, handoff, await this.#promise(conversation));
  }

  /** No AI answer: the notice saying what happens next is the reply, and a `bot` conversation queues. */
  async handOff(conversation: Conversation, message: Message, handoff: Handoff, onToken?: (text: string) => void): Promise<Message> {
    const promise = await this.#promise(conversation);
    const reply = await this.#notice(conversation, message, handoff, promise, onToken);
    if (reply.meta.handoff) await this.#queue(conversation, handoff, promise);
    return reply;
  }

  /** Who can answer now, and the visitor it is promised to: read once per handoff. */
  async #promise(conversation: Conversation): Promise<HandoffPromise> {
    const [availability, visitor] = await Promise.all([this.deps.availability.now(), this.deps.visitors.findById(conversation.visitorId)]);
    return { availability, visitor };
  }

  #promiseText(conversation: Conversation, { availability, visitor }: HandoffPromise): string {
    return promiseNotice(availability, {
      language: conversation.language,
      timeZone: visitor?.timeZone ?? availability.timeZone,
      // Only an address that will get the reply: one not yet confirmed gets nothing.
      email: visitor?.emailVerifiedAt ? visitor.email : null,
      emailReplies: this.deps.followups.emailsVisitors,
      now: this.deps.clock.now(),
    });
  }

  /** The notice as the reply to `message`: no AI answer, and what happens next. */
  async #notice(conversation: Conversation, message: Message, handoff: Handoff | null, promise: HandoffPromise, onToken?: (text: string) => void): Promise<Message> {
    const text = this.#promiseText(conversation, promise);
    onToken?.(text);
    const { message: saved, created } = await this.deps.messages.insertOnce({
      conversationId: conversation.id,
      author: 'system',
      text,
      replyTo: message.id,
      meta: { mode: 'none', handoff, language: conversation.language ?? undefined, notice: 'team_requested', promise: promise.availability.state },
    });
    await this.deps.transitions.announce(saved, created);
    return saved;
  }

  async #storeNotice(conversation: Conversation, clientId: string, promise: HandoffPromise): Promise<Message> {
    const { message, created } = await this.deps.messages.insertOnce({
      conversationId: conversation.id,
      author: 'system',
      text: this.#promiseText(conversation, promise),
      clientId,
      meta: { notice: 'team_requested', promise: promise.availability.state },
    });
    await this.deps.transitions.announce(message, created);
    return message;
  }

  /** Hands a `bot` conversation to the team's queue; any other status keeps its own. */
  async #queue(conversation: Conversation, handoff: Handoff, promise: HandoffPromise): Promise<Conversation> {
    if (conversation.status !== 'bot') return conversation;
    const at = this.deps.clock.now();
    const { availability, visitor } = promise;
    // Nobody can answer now: the visitor may leave an email at once; else after the offer delay.
    const offerAt = availability.state === 'available' ? new Date(at.getTime() + availability.emailOfferAfterMinutes * 60_000) : at;
    const ack = availability.state !== 'available' && visitor ? await this.deps.followups.acknowledgement(conversation, visitor, availability.replyWithin) : undefined;
    const queued = await this.deps.transitions.apply(conversation, 'hand_off', {
      actorId: null,
      patch: { handoff: { ...handoff, at: at.toISOString(), promise: availability.state, emailOfferAt: offerAt.toISOString() }, queuedAt: at },
      data: { reason: handoff.reason, evidence: handoff.evidence, ...(handoff.detail ? { detail: handoff.detail } : {}), promise: availability.state },
      emails: ack ? [ack] : [],
    });
    if (queued) this.deps.later(() => this.#summarise(queued));
    return queued ?? (await this.deps.conversations.findById(conversation.id)) ?? conversation;
  }

  /**
   * The LLM's handoff note, written in the background: the visitor hears about the handoff at
   * once, and the note is usually there before an agent opens the conversation.
   */
  async #summarise(conversation: Conversation): Promise<void> {
    // The handoff note is the whole conversation: with history kept from the LLM there is none
    // (the inbox's own extractive summary still shows).
    if (!(await this.deps.privacy.llmHistory())) return;
    const turns = toHistory(await this.deps.messages.recent(conversation.id, HISTORY_MESSAGES, { episode: conversation.episode }));
    const summary = await this.deps.assistant.summarise(turns);
    if (!summary) return;
    await this.deps.conversations.setSummary(conversation.id, summary.text);
    await this.deps.conversations.addTokens(conversation.id, summary.tokens);
  }

  /** Earlier turns for the LLM, or none when the organisation keeps history from it. */

  /** Work the visitor does not wait for (handoff notes, drafts for the agent), run side by side. */
}

/** What a handoff promise is made from. */
interface HandoffPromise {
  availability: Availability;
  visitor: Visitor | undefined;
}
