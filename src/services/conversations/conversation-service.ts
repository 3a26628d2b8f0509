import { createHash } from 'node:crypto';
import type { AssistantService } from '../assistant/assistant-service.js';
import type { HandoffSettingsService } from '../assistant/handoff-settings-service.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { ChatMessage, Clock, ConversationRepo, Locker, MessageRepo, RatingRepo, TokenBudget, UserRepo, VisitorRepo } from '../ports.js';
import { ratedEpisode } from './lifecycle.js';
import { HandoffFlow } from './handoff-flow.js';
import { HISTORY_MESSAGES, toHistory } from './history.js';
import type { AvailabilityService } from '../availability/availability-service.js';
import type { FollowupService } from '../followups/followup-service.js';
import { unsureHandoff } from './reply.js';
import { aiReplies, decideResponse, earlyDecision, type ResponseDecision } from './respond-decision.js';
import type { Conversation, ConversationStatus, Message, Visitor } from './types.js';
import type { EmailFallback, VisitorService } from './visitor-service.js';
import { httpUrl } from '../../lib/urls.js';
import type { Transitions } from './transitions.js';

export interface ConversationServiceDeps {
  visitors: VisitorRepo;
  /** Who the visitor is: their time zone as they write, and the email fallback the thread shows. */
  identity: Pick<VisitorService, 'noteTimeZone' | 'emailFallback'>;
  /** For the agent's name the visitor sees. */
  users: Pick<UserRepo, 'findById'>;
  conversations: ConversationRepo;
  messages: MessageRepo;
  /** Visitors' ratings of answers and of the conversation. */
  ratings: RatingRepo;
  assistant: AssistantService;
  /** The operator's sensitive categories and rules. */
  handoff: Pick<HandoffSettingsService, 'active'>;
  locker: Locker;
  transitions: Transitions;
  clock: Clock;
  limits: { messageMaxChars: number; conversationTokenBudget: number };
  /** LLM tokens per visitor and per address per day, across conversations (absent: unlimited). */
  tokenBudget?: TokenBudget;
  /** Support hours and presence: what the visitor is promised at a handoff. */
  availability: Pick<AvailabilityService, 'now'>;
  /** The acknowledgement email when nobody could answer. */
  followups: Pick<FollowupService, 'acknowledgement' | 'emailsVisitors'>;
  /** Whether earlier turns may go to the LLM (Settings › Privacy). */
  privacy: { llmHistory(): Promise<boolean> };
  onError?: (err: unknown) => void;
}

/** A live update for the visitor's widget or API stream. */
export type VisitorUpdate =
  | { type: 'message'; message: Message }
  | { type: 'status'; status: ConversationStatus; agentName: string | null }
  | { type: 'typing'; name: string | null };

export interface IncomingMessage {
  text: string;
  /** The client's own id for this message: sending it again returns the first result. */
  clientId?: string;
}

const MAX_CLIENT_ID = 100;
const MAX_PAGE_URL = 2000;
const CSAT_COMMENT_MAX = 1000;
/** An email reply may run longer than a chat message. */
const EMAIL_REPLY_MAX_CHARS = 10_000;

/**
 * Visitors' conversations: who may read what, storing each message once, having the assistant
 * answer it, and handing it to the team. Who the visitor is (tokens, email, time zone) is
 * VisitorService's.
 */
export class ConversationService {
  readonly #handoffs: HandoffFlow;

  constructor(private readonly deps: ConversationServiceDeps) {
    this.#handoffs = new HandoffFlow({ ...deps, later: (work) => this.#later(work) });
  }

  async start(visitor: Visitor, opts: { language?: string | null; pageUrl?: string | null } = {}): Promise<Conversation> {
    const conversation = await this.deps.conversations.insert({ visitorId: visitor.id, language: opts.language ?? visitor.language, pageUrl: cleanPageUrl(opts.pageUrl) });
    await this.deps.transitions.publish({ type: 'conversation.created', conversationId: conversation.id });
    return conversation;
  }

  /**
   * The visitor's latest conversation, if any (the widget shows it after a page load). A
   * resolved one counts: writing in it again starts its next episode.
   */
  current(visitor: Visitor): Promise<Conversation | undefined> {
    return this.deps.conversations.latestForVisitor(visitor.id);
  }

  /** The open conversation, or a new one; two first messages at once still make one. */
  currentOrStart(visitor: Visitor, opts: { language?: string | null; pageUrl?: string | null } = {}): Promise<Conversation> {
    return this.deps.locker.withLock(`visitor:${visitor.id}`, async () => (await this.current(visitor)) ?? this.start(visitor, opts));
  }

  /** The conversation with its messages; anyone else's conversation is "not found". */
  /** The name of the teammate who has the conversation, shown to the visitor. */
  async assigneeName(conversation: Conversation): Promise<string | null> {
    if (conversation.status !== 'assigned' || !conversation.assignedTo) return null;
    return (await this.deps.users.findById(conversation.assignedTo))?.name ?? null;
  }

  /** The visitor's typing, for the agent's live view. */
  async typing(visitor: Visitor, conversationId?: string): Promise<void> {
    // Without an id: the visitor's current conversation (the widget's), if there is one yet.
    const conversation = conversationId ? await this.#owned(visitor, conversationId) : await this.current(visitor);
    if (conversation) await this.deps.transitions.publish({ type: 'typing', conversationId: conversation.id, who: 'visitor' });
  }

  /**
   * What the visitor hears about live in their conversation: messages they may see (an agent's
   * reply above all), status changes with the agent's name, and an agent typing. Internal notes
   * and drafts never reach them. Resolves once listening, with the function that stops it.
   */
  async watch(visitor: Visitor, conversationId: string, listener: (update: VisitorUpdate) => void | Promise<void>): Promise<() => void> {
    const conversation = await this.#owned(visitor, conversationId);
    let chain = Promise.resolve();
    const name = async (userId: string | null | undefined) => (userId ? ((await this.deps.users.findById(userId))?.name ?? null) : null);
    const handle = async (event: DomainEvent): Promise<VisitorUpdate | undefined> => {
      if (!('conversationId' in event) || event.conversationId !== conversation.id) return undefined;
      switch (event.type) {
        case 'message.created': {
          if (event.internal) return undefined;
          const message = await this.deps.messages.findById(event.messageId);
          return message && !message.internal ? { type: 'message', message } : undefined;
        }
        case 'conversation.transitioned':
          return { type: 'status', status: event.to, agentName: event.to === 'assigned' ? await name(event.assignedTo) : null };
        case 'typing':
          return event.who === 'agent' ? { type: 'typing', name: await name(event.userId) } : undefined;
        default:
          return undefined;
      }
    };
    return this.deps.transitions.subscribe((event) => {
      chain = chain
        .then(() => handle(event))
        .then((update) => update && listener(update))
        .catch(() => {});
    });
  }

  async get(visitor: Visitor, id: string): Promise<{ conversation: Conversation; messages: Message[] }> {
    const conversation = await this.#owned(visitor, id);
    return { conversation, messages: await this.deps.messages.listForConversation(conversation.id) };
  }

  async #owned(visitor: Visitor, id: string): Promise<Conversation> {
    const conversation = await this.deps.conversations.findForVisitor(id, visitor.id);
    if (!conversation) throw new NotFoundError('There is no such conversation.');
    return conversation;
  }

  /**
   * A visitor sends a message: the one call the widget and the API make. Notes the browser's time
   * zone, finds the conversation (the one named, or the current one, started if there is none),
   * stores the message once per clientId, and has it answered. `on.stored` runs once the message
   * is stored and before any reply is written, saying whether one will be (a teammate's comes
   * later, over the live stream); `on.token` receives a streamed reply as it is written.
   */
  async send(visitor: Visitor, input: OutgoingMessage, on: SendCallbacks = {}): Promise<Sent> {
    const who = await this.deps.identity.noteTimeZone(visitor, input.timeZone);
    // receive() checks that the conversation is the visitor's (after validating the message).
    const conversationId = input.conversationId ?? (await this.currentOrStart(who, input.start)).id;
    const received = await this.receive(who, conversationId, { text: input.text, clientId: input.clientId });
    const replying = !!received.reply || aiReplies(received.conversation.status);
    // The conversation as it was before this message: none from the visitor yet means the first.
    await on.stored?.({ ...received, firstMessage: received.conversation.lastVisitorMessageAt === null, replying });
    const { reply, notice } = received.reply ? { reply: received.reply, notice: null } : await this.respond(received.conversation, received.message, { ip: input.ip, onToken: on.token });
    return { visitor: who, conversation: received.conversation, message: received.message, reply, notice, duplicate: received.duplicate };
  }

  /** The widget's "Talk to the team": on the visitor's current conversation, started if there is none. */
  async askForTeam(visitor: Visitor, input: Pick<OutgoingMessage, 'timeZone' | 'start'>): Promise<{ visitor: Visitor; conversation: Conversation; notice: Message; askedFirst: boolean }> {
    const who = await this.deps.identity.noteTimeZone(visitor, input.timeZone);
    const conversation = await this.currentOrStart(who, input.start);
    return { visitor: who, ...(await this.requestTeam(who, conversation.id)) };
  }

  /** The visitor's thread as the widget shows it: one read, as InboxService.open is for the inbox. */
  async thread(visitor: Visitor): Promise<VisitorThread> {
    const conversation = await this.current(visitor);
    if (!conversation) return { conversation: undefined, messages: [], ratings: new Map(), csat: undefined, requested: false, agentName: null, emailFallback: this.deps.identity.emailFallback(visitor, undefined) };
    const resolved = conversation.status === 'resolved';
    const [{ messages }, ratings, agentName, rating] = await Promise.all([
      this.get(visitor, conversation.id),
      this.answerRatings(conversation),
      this.assigneeName(conversation),
      resolved ? this.conversationRating(conversation) : undefined,
    ]);
    return {
      conversation,
      messages,
      ratings,
      // Resolved: the visitor is asked how it went (or thanked, if they said).
      csat: resolved ? { rating } : undefined,
      requested: conversation.status === 'queued' || conversation.status === 'assigned',
      agentName,
      emailFallback: this.deps.identity.emailFallback(visitor, conversation),
    };
  }

  /**
   * Stores the visitor's message, once per clientId. A repeat returns the stored message and,
   * when it was answered, the stored reply, so the caller can skip answering.
   */
  async receive(visitor: Visitor, conversationId: string, input: IncomingMessage): Promise<{ conversation: Conversation; message: Message; reply: Message | undefined; duplicate: boolean }> {
    const text = input.text.trim();
    const { messageMaxChars } = this.deps.limits;
    if (!text) throw new ValidationError('The message is empty.', { text: 'Write a message.' });
    if (text.length > messageMaxChars) throw new ValidationError(`The message is too long: at most ${messageMaxChars} characters.`, { text: `At most ${messageMaxChars} characters (this one has ${text.length}).` });
    const clientId = input.clientId?.trim() || null;
    if (clientId && clientId.length > MAX_CLIENT_ID) throw new ValidationError(`clientId is too long: at most ${MAX_CLIENT_ID} characters.`, { clientId: `At most ${MAX_CLIENT_ID} characters.` });
    // "notice:" ids are Baton's own (one notice of each kind per conversation).
    if (clientId?.startsWith('notice:')) throw new ValidationError('clientId may not start with "notice:".', { clientId: 'Use another id, e.g. a UUID.' });

    let conversation = await this.#owned(visitor, conversationId);
    if (conversation.status === 'resolved') conversation = await this.#newEpisode(conversation);
    const { message, created } = await this.deps.messages.insertOnce({ conversationId: conversation.id, author: 'visitor', text, clientId });
    await this.deps.transitions.announce(message, created);
    const reply = created ? undefined : await this.deps.messages.replyTo(message.id);
    // Last seen to the minute is enough, and saves a write per message.
    const now = this.deps.clock.now();
    if (now.getTime() - visitor.lastSeenAt.getTime() > 60_000) void this.deps.visitors.update(visitor.id, { lastSeenAt: now }).catch(() => {});
    return { conversation, message, reply, duplicate: !created };
  }

  /** The visitor wrote after resolution: the bot has them again, with a fresh context. */
  async #newEpisode(conversation: Conversation): Promise<Conversation> {
    const next = await this.deps.transitions.apply(conversation, 'new_episode', {
      actorId: null,
      patch: { nextEpisode: true, handoff: null, assignedTo: null, queuedAt: null, assignedAt: null, resolvedAt: null },
    });
    // Two messages at once: the other one started the episode.
    return next ?? (await this.deps.conversations.findById(conversation.id)) ?? conversation;
  }

  /**
   * The reply to a stored visitor message, stored once: when two requests answer the same
   * message at the same time, both return the reply that was stored first. (A repeat that arrives
   * after the reply was stored gets it from receive() without asking again.)
   *
   * While the bot has the conversation, the handoff triggers run first: a sensitive topic, a
   * request for a person, an operator rule or a second "that didn't help" hands the conversation
   * to the team without an AI answer, and the reply is the notice saying what happens next. An
   * answer the assistant is unsure of hands off too, after it is given, and is followed by that
   * notice (returned as `notice`). While queued, the assistant keeps answering, told that the team
   * has been asked. Once an agent has it, the assistant does not reply to the visitor at all
   * (`reply` is null, at once): it drafts a reply for the agent in the background.
   */
  async respond(conversation: Conversation, message: Message, opts: { onToken?: (text: string) => void; ip?: string } = {}): Promise<{ reply: Message | null; notice: Message | null }> {
    const recent = await this.deps.messages.recent(conversation.id, HISTORY_MESSAGES, { before: message.createdAt, episode: conversation.episode });
    // Who pays for the LLM: this visitor and the address they write from, per day.
    const payers = [`visitor:${conversation.visitorId}`, ...(opts.ip ? [`ip:${opts.ip}`] : [])];
    // What the triggers read is gathered only when the conversation alone does not decide.
    const early = earlyDecision({ status: conversation.status, text: message.text, recent });
    const decision = early ?? (await this.#decideWithTriggers(conversation, message, recent));
    if (decision.kind === 'draft') {
      // The visitor's message is acknowledged at once; the draft is for the agent, later.
      this.#later(() => this.#draft(conversation, message, recent, payers));
      return { reply: null, notice: null };
    }
    if (decision.kind === 'hand_off') return { reply: await this.#handoffs.handOff(conversation, message, decision.handoff, opts.onToken), notice: null };
    if (decision.kind === 'promise_again') return { reply: await this.#handoffs.promiseAgain(conversation, message, opts.onToken), notice: null };

    const reply = await this.deps.assistant.answer(message.text, {
      history: await this.#history(recent),
      languageHint: conversation.language ?? undefined,
      onToken: opts.onToken,
      handedOff: conversation.status === 'queued',
      // Past a budget, the conversation still gets answers: cited excerpts, no LLM.
      useLlm: await this.#mayUseLlm(conversation, payers),
    });
    const handoff = conversation.status === 'bot' ? unsureHandoff(reply) : null;
    const { message: saved, created } = await this.deps.messages.insertOnce({
      conversationId: conversation.id,
      author: 'assistant',
      text: reply.text,
      citations: reply.citations,
      replyTo: message.id,
      meta: { mode: reply.mode, confidence: reply.confidence, handoff, language: reply.language, retrieved: reply.retrieved, searched: reply.searched, ...(reply.offer && !handoff ? { offer: true } : {}) },
    });
    await this.deps.transitions.announce(saved, created);
    if (created && reply.tokens) await this.#spend(conversation, payers, reply.tokens);
    if (!created || !handoff) return { reply: saved, notice: null };
    return { reply: saved, notice: await this.#handoffs.afterAnswer(conversation, message, handoff) };
  }

  async #decideWithTriggers(conversation: Conversation, message: Message, recent: Message[]): Promise<ResponseDecision> {
    const [active, visitor, unhelpful] = await Promise.all([this.deps.handoff.active(), this.deps.visitors.findById(conversation.visitorId), this.deps.ratings.unhelpfulCount(conversation.id, conversation.episode)]);
    return decideResponse({
      status: conversation.status,
      text: message.text,
      recent,
      pageUrl: conversation.pageUrl,
      verifiedEmail: visitor?.emailVerifiedAt ? visitor.email : null,
      categories: active.categories,
      rules: active.rules,
      unhelpful,
    });
  }

  /** The assistant's draft of the agent's reply to `message`, with citations, for the agent to edit. */
  /** Within the conversation's budget and today's budgets of the visitor and their address. */
  async #mayUseLlm(conversation: Conversation, payers: string[]): Promise<boolean> {
    if (conversation.tokensUsed >= this.deps.limits.conversationTokenBudget) return false;
    return (await this.deps.tokenBudget?.allows(payers)) ?? true;
  }

  async #spend(conversation: Conversation, payers: string[], tokens: number): Promise<void> {
    await this.deps.conversations.addTokens(conversation.id, tokens);
    await this.deps.tokenBudget?.spend(payers, tokens);
  }

  async #draft(conversation: Conversation, message: Message, recent: Message[], payers: string[]): Promise<void> {
    const reply = await this.deps.assistant.answer(message.text, {
      history: await this.#history(recent),
      languageHint: conversation.language ?? undefined,
      draftForAgent: true,
      useLlm: await this.#mayUseLlm(conversation, payers),
    });
    // A draft that cites nothing is "I could not find this": no help to the agent.
    if (!reply.citations.length) return;
    const { message: draft, created } = await this.deps.messages.insertOnce({
      conversationId: conversation.id,
      author: 'assistant',
      text: reply.text,
      citations: reply.citations,
      replyTo: message.id,
      internal: true,
      meta: { mode: reply.mode, confidence: reply.confidence, language: reply.language, draft: true },
    });
    await this.deps.transitions.announce(draft, created);
    if (created && reply.tokens) await this.#spend(conversation, payers, reply.tokens);
  }

  async #history(recent: Message[]): Promise<ChatMessage[]> {
    return (await this.deps.privacy.llmHistory()) ? toHistory(recent) : [];
  }

  #later(work: () => Promise<void>): void {
    const running: Promise<void> = work()
      .catch((err: unknown) => this.deps.onError?.(err))
      .finally(() => this.#pending.delete(running));
    this.#pending.add(running);
  }

  readonly #pending = new Set<Promise<void>>();

  /** Resolves when the background work started so far is done (shutdown, tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  /**
   * The visitor rates one of the AI's answers (the widget's thumbs). Rating it again replaces the
   * rating. Only the AI's own answers in the visitor's own conversation (the one given, when the
   * caller names one) can be rated.
   */
  async rateAnswer(visitor: Visitor, messageId: string, helpful: boolean, opts: { conversationId?: string } = {}): Promise<Message> {
    const message = await this.deps.messages.findById(messageId);
    const mine = message && !message.internal && (!opts.conversationId || message.conversationId === opts.conversationId);
    if (!mine || !(await this.deps.conversations.findForVisitor(message.conversationId, visitor.id))) throw new NotFoundError('There is no such message in this conversation.');
    if (message.author !== 'assistant') throw new ValidationError('Only the assistant’s answers can be rated.', { messageId: 'Rate an answer written by the assistant.' });
    await this.deps.ratings.rateAnswer({ messageId: message.id, conversationId: message.conversationId, episode: message.episode, helpful, at: this.deps.clock.now() });
    return message;
  }

  /** Each rated answer of the conversation (the widget shows the visitor's choice again). */
  answerRatings(conversation: Conversation): Promise<Map<string, boolean>> {
    return this.deps.ratings.answerRatings(conversation.id);
  }

  /**
   * The visitor rates how the team helped, once the conversation is resolved (1–5, with an
   * optional comment): the resolved episode, or the one before if they have written again since.
   * Rating again replaces it; each episode has its own rating.
   */
  async rateConversation(visitor: Visitor, conversationId: string, input: { score: number; comment?: string }): Promise<{ score: number; comment: string | null }> {
    const conversation = await this.#owned(visitor, conversationId);
    const episode = ratedEpisode(conversation);
    if (episode < 1) throw new ConflictError('The conversation can be rated once it is resolved.');
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw new ValidationError('Choose a rating from 1 to 5.', { score: 'Choose a rating from 1 to 5.' });
    const comment = input.comment?.trim() || null;
    if (comment && comment.length > CSAT_COMMENT_MAX) throw new ValidationError(`The comment is too long: at most ${CSAT_COMMENT_MAX} characters.`, { comment: `At most ${CSAT_COMMENT_MAX} characters.` });
    const rating = { score: input.score, comment };
    await this.deps.ratings.rateConversation({ conversationId: conversation.id, episode, ...rating, at: this.deps.clock.now() });
    return rating;
  }

  /** The visitor's rating of the team's help in the last resolved episode, if they gave one. */
  async conversationRating(conversation: Conversation): Promise<{ score: number; comment: string | null } | undefined> {
    const episode = ratedEpisode(conversation);
    return episode > 0 ? this.deps.ratings.conversationRating(conversation.id, episode) : undefined;
  }

  /**
   * A visitor's reply by email (the inbound receiver checked the signed address). It joins the
   * conversation like a chat message, once per email; nobody is chatting, so the AI does not
   * answer it: a conversation the bot had goes to the team.
   */
  async receiveEmailReply(conversationId: string, reply: { from: string; text: string; messageId: string | undefined }): Promise<Message> {
    let conversation = await this.deps.conversations.findById(conversationId);
    if (!conversation) throw new NotFoundError('There is no such conversation.');
    if (conversation.status === 'resolved') conversation = await this.#newEpisode(conversation);
    // Longer than a chat message may be; what does not fit is cut with a mark, not refused.
    const max = EMAIL_REPLY_MAX_CHARS;
    const text = reply.text.length > max ? `${reply.text.slice(0, max)}…` : reply.text;
    const { message, created } = await this.deps.messages.insertOnce({
      conversationId: conversation.id,
      author: 'visitor',
      text,
      clientId: `email:${(reply.messageId ?? createHash('sha256').update(reply.from + reply.text).digest('hex')).slice(0, 90)}`,
      meta: { channel: 'email' },
    });
    await this.deps.transitions.announce(message, created);
    if (created && conversation.status === 'bot') {
      await this.#handoffs.queue(conversation, { reason: 'person_request', evidence: 'the visitor replied by email' });
    }
    return message;
  }

  /**
   * The visitor asked for a person (the widget's button). Recorded once, with a notice in the
   * conversation saying what happens next; asking again changes nothing.
   */
  async requestTeam(visitor: Visitor, conversationId: string): Promise<{ conversation: Conversation; notice: Message; askedFirst: boolean }> {
    let conversation = await this.#owned(visitor, conversationId);
    if (conversation.status === 'resolved') conversation = await this.#newEpisode(conversation);
    return this.#handoffs.requestTeam(conversation, visitor);
  }

}

/** What a visitor sends: to the conversation named (the API) or their current one (the widget). */
export interface OutgoingMessage extends IncomingMessage {
  conversationId?: string;
  /** How a new conversation starts, when the widget's visitor has none. */
  start?: { language?: string | null; pageUrl?: string | null };
  /** The browser's time zone, kept when it is a real one. */
  timeZone?: string;
  /** Who pays for the LLM with the visitor: the address they write from. */
  ip?: string;
}

export interface SendCallbacks {
  stored?: (stored: { conversation: Conversation; message: Message; duplicate: boolean; firstMessage: boolean; replying: boolean }) => void | Promise<void>;
  token?: (text: string) => void;
}

export interface Sent {
  visitor: Visitor;
  conversation: Conversation;
  message: Message;
  /** The reply (null while a teammate has it), and a handoff notice after an unsure answer. */
  reply: Message | null;
  notice: Message | null;
  duplicate: boolean;
}

export interface VisitorThread {
  conversation: Conversation | undefined;
  messages: Message[];
  ratings: Map<string, boolean>;
  csat: { rating: { score: number; comment: string | null } | undefined } | undefined;
  /** The team has been asked (queued) or has it (assigned). */
  requested: boolean;
  agentName: string | null;
  emailFallback: EmailFallback;
}


/** Only an http(s) page address, without its query or fragment (which may carry tokens). */
function cleanPageUrl(url: string | null | undefined): string | null {
  const u = url ? httpUrl(url) : undefined;
  return u ? `${u.origin}${u.pathname}`.slice(0, MAX_PAGE_URL) : null;
}
