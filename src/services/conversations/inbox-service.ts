import type { FollowupService } from '../followups/followup-service.js';
import { joinedNotice } from './notices.js';
import type { Authority } from '../audit/authority.js';
import type { NewEmail } from '../followups/types.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { CannedResponseRepo, Clock, ConversationReadRepo, ConversationRepo, MessageRepo, RatingRepo, UserRepo, VisitorRepo } from '../ports.js';
import type { TriggerKind } from '../assistant/triggers/triggers.js';
import type { User } from '../team/types.js';
import { canTransition, ratedEpisode } from './lifecycle.js';
import { summarise, type HandoffSummary } from './summary.js';
import type { Transitions } from './transitions.js';
import type { CannedResponse, Conversation, ConversationEvent, InboxItem, InboxQueue, Message, QueueCounts, Viewer, Visitor } from './types.js';

export interface InboxServiceDeps {
  /** Checks and records changes to the team's saved replies. */
  authority: Pick<Authority, 'perform'>;
  conversations: ConversationRepo;
  messages: MessageRepo;
  visitors: Pick<VisitorRepo, 'findById'>;
  users: Pick<UserRepo, 'findById' | 'list'>;
  reads: ConversationReadRepo;
  canned: CannedResponseRepo;
  /** The visitor's ratings, shown beside the answers and the conversation. */
  ratings: Pick<RatingRepo, 'answerRatings' | 'conversationRating'>;
  transitions: Transitions;
  /** The email fallback for replies to a visitor who is not in the chat. */
  followups: Pick<FollowupService, 'agentReply'>;
  clock: Clock;
  limits: { agentMessageMaxChars: number };
}

export interface InboxQuery {
  /** Absent: every conversation (a search across all of them). */
  queue?: InboxQueue;
  search?: string;
  reason?: TriggerKind;
  page?: number;
}

/** Everything an agent sees when opening a conversation. */
export interface ConversationView {
  conversation: Conversation;
  visitor: Visitor | undefined;
  /** Messages, notes and drafts included, oldest first. */
  messages: Message[];
  /** Status changes, oldest first. */
  events: ConversationEvent[];
  /** The visitor's ratings: each rated AI answer (helpful or not), and how they rated the team's help. */
  ratings: Map<string, boolean>;
  csat: { score: number; comment: string | null } | undefined;
  assignee: Pick<User, 'id' | 'name'> | null;
  summary: HandoffSummary;
  /** The AI's latest draft for the assignee, when the visitor's last message has one. */
  draft: Message | null;
  viewers: Viewer[];
  /** What this agent may do with it now (the actions below check the same rules). */
  can: Permissions;
  /** Active teammates to assign it to, when this agent may assign. */
  teammates: Pick<User, 'id' | 'name'>[];
}

export interface Permissions {
  /** Only the assignee replies to the visitor. */
  reply: boolean;
  claim: boolean;
  assign: boolean;
  release: boolean;
  resolve: boolean;
  reopen: boolean;
}

/** The assignee, or an admin: who may reassign, release or resolve an assigned conversation. */
const managesIt = (user: User, c: Conversation) => user.role === 'admin' || c.assignedTo === user.id;

/** What `user` may do with `c`, by the same rules the actions enforce. */
export function permissions(user: User, c: Conversation): Permissions {
  const assignedHere = c.status === 'assigned';
  return {
    reply: assignedHere && c.assignedTo === user.id,
    claim: canTransition('claim', c.status),
    assign: canTransition('assign', c.status) && managesIt(user, c),
    release: canTransition('release', c.status) && managesIt(user, c),
    resolve: canTransition('resolve', c.status) && (!assignedHere || managesIt(user, c)),
    reopen: canTransition('reopen', c.status),
  };
}

export const PAGE_SIZE = 50;
/** A viewer who sent no heartbeat for this long has left. */
export const VIEWER_TTL_MS = 45_000;
const MAX_CLIENT_ID = 100;

/**
 * The agents' side of conversations: the queues, claiming (one owner, atomically), replies that
 * only the assignee may send, private notes, reassigning, resolving and reopening, and who is
 * looking. Every change goes through the state machine (Transitions) and is published live.
 */
export class InboxService {
  constructor(private readonly deps: InboxServiceDeps) {}

  counts(user: User): Promise<QueueCounts> {
    return this.deps.conversations.counts(user.id);
  }

  list(user: User, q: InboxQuery): Promise<InboxItem[]> {
    const page = Math.max(1, Math.min(q.page ?? 1, 1000));
    return this.deps.conversations.list({
      queue: q.queue,
      userId: user.id,
      search: q.search?.trim().slice(0, 200) || undefined,
      reason: q.reason,
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    });
  }

  async #find(id: string): Promise<Conversation> {
    const conversation = await this.deps.conversations.findById(id);
    if (!conversation) throw new NotFoundError('There is no such conversation.');
    return conversation;
  }

  async #name(userId: string | null): Promise<string> {
    if (!userId) return 'nobody';
    return (await this.deps.users.findById(userId))?.name ?? 'a former teammate';
  }

  /** The conversation as the agent sees it; opening it marks it read. */
  async open(user: User, id: string): Promise<ConversationView> {
    const conversation = await this.#find(id);
    const now = this.deps.clock.now();
    const rated = ratedEpisode(conversation);
    const [visitor, messages, events, assigneeUser, viewers, , ratings, csat] = await Promise.all([
      this.deps.visitors.findById(conversation.visitorId),
      this.deps.messages.listForConversation(conversation.id, { internal: true }),
      this.deps.conversations.events(conversation.id),
      conversation.assignedTo ? this.deps.users.findById(conversation.assignedTo) : undefined,
      this.deps.reads.viewers(conversation.id, new Date(now.getTime() - VIEWER_TTL_MS)),
      this.deps.reads.markRead(user.id, conversation.id, now),
      this.deps.ratings.answerRatings(conversation.id),
      rated > 0 ? this.deps.ratings.conversationRating(conversation.id, rated) : undefined,
    ]);
    const lastVisitor = messages.filter((m) => m.author === 'visitor').at(-1);
    const draft = messages.find((m) => m.meta.draft && m.replyTo === lastVisitor?.id) ?? null;
    const can = permissions(user, conversation);
    return {
      conversation,
      visitor,
      messages,
      events,
      ratings,
      csat,
      assignee: assigneeUser ? { id: assigneeUser.id, name: assigneeUser.name } : null,
      summary: summarise(messages, conversation.episode),
      draft: can.reply ? draft : null,
      viewers: viewers.filter((v) => v.userId !== user.id),
      can,
      teammates: can.assign ? await this.#teammates() : [],
    };
  }

  /** What the reply box needs after a send: the conversation, what the agent may do, who has it. */
  async composer(user: User, id: string): Promise<Pick<ConversationView, 'conversation' | 'can' | 'assignee' | 'draft'>> {
    const conversation = await this.#find(id);
    const assignee = conversation.assignedTo ? await this.deps.users.findById(conversation.assignedTo) : undefined;
    return { conversation, can: permissions(user, conversation), assignee: assignee ? { id: assignee.id, name: assignee.name } : null, draft: null };
  }

  /**
   * Takes the conversation. Exactly one of two agents claiming at once wins; the other is told
   * who has it. Claiming one's own conversation again changes nothing.
   */
  async claim(user: User, id: string): Promise<Conversation> {
    const conversation = await this.#find(id);
    if (conversation.status === 'assigned') return this.#alreadyAssigned(user, conversation);
    const claimed = await this.deps.transitions.apply(conversation, 'claim', {
      actorId: user.id,
      expectAssignedTo: null,
      patch: { assignedTo: user.id, assignedAt: this.deps.clock.now() },
    });
    if (claimed) {
      await this.#joined(claimed, user);
      return claimed;
    }
    const now = await this.#find(id);
    if (now.status === 'assigned') return this.#alreadyAssigned(user, now);
    throw new ConflictError('This conversation changed while you were claiming it. Look again.');
  }

  async #alreadyAssigned(user: User, conversation: Conversation): Promise<Conversation> {
    if (conversation.assignedTo === user.id) return conversation;
    throw new ConflictError(`${await this.#name(conversation.assignedTo)} already has this conversation.`);
  }

  /** The assignee or an admin gives the conversation to another active agent. */
  async assign(user: User, id: string, toUserId: string): Promise<Conversation> {
    const conversation = await this.#find(id);
    if (!managesIt(user, conversation)) throw new ForbiddenError(conversation.assignedTo ? 'Only the agent who has this conversation, or an admin, can reassign it.' : 'Claim this conversation first, or ask an admin to assign it.');
    const target = await this.deps.users.findById(toUserId);
    if (!target || !target.active) throw new ValidationError('Choose an active teammate.', { assignee: 'Choose an active teammate.' });
    if (conversation.assignedTo === target.id) return conversation;
    const assigned = await this.deps.transitions.apply(conversation, 'assign', {
      actorId: user.id,
      expectAssignedTo: conversation.assignedTo,
      patch: { assignedTo: target.id, assignedAt: this.deps.clock.now() },
      data: { to: target.id, toName: target.name },
    });
    if (!assigned) throw new ConflictError('This conversation changed while you were assigning it. Look again.');
    await this.#joined(assigned, target);
    return assigned;
  }

  /**
   * "Ada joined the conversation." in the thread, stored (it was only said live, and a reload
   * lost it), once per teammate and episode.
   */
  async #joined(conversation: Conversation, teammate: Pick<User, 'id' | 'name'>): Promise<void> {
    const { message, created } = await this.deps.messages.insertOnce({
      conversationId: conversation.id,
      author: 'system',
      text: joinedNotice(conversation.language, teammate.name),
      clientId: `notice:joined:${conversation.episode}:${teammate.id}`,
      meta: { notice: 'joined' },
    });
    await this.deps.transitions.announce(message, created);
  }

  /** The assignee (or an admin) puts it back in the queue. */
  async release(user: User, id: string): Promise<Conversation> {
    const conversation = await this.#find(id);
    this.#mustOwn(user, conversation, 'put it back in the queue');
    const released = await this.deps.transitions.apply(conversation, 'release', {
      actorId: user.id,
      expectAssignedTo: conversation.assignedTo,
      patch: { assignedTo: null, assignedAt: null, queuedAt: conversation.queuedAt ?? this.deps.clock.now() },
    });
    if (!released) throw new ConflictError('This conversation changed meanwhile. Look again.');
    return released;
  }

  /** Anyone may resolve a conversation nobody has; an assigned one, its assignee or an admin. */
  async resolve(user: User, id: string): Promise<Conversation> {
    const conversation = await this.#find(id);
    if (conversation.status === 'assigned') this.#mustOwn(user, conversation, 'resolve it');
    const resolved = await this.deps.transitions.apply(conversation, 'resolve', { actorId: user.id, expectAssignedTo: conversation.assignedTo, patch: { resolvedAt: this.deps.clock.now() } });
    if (!resolved) throw new ConflictError('This conversation changed meanwhile. Look again.');
    return resolved;
  }

  async reopen(user: User, id: string): Promise<Conversation> {
    const conversation = await this.#find(id);
    const reopened = await this.deps.transitions.apply(conversation, 'reopen', {
      actorId: user.id,
      patch: { resolvedAt: null, assignedTo: null, assignedAt: null, queuedAt: this.deps.clock.now() },
    });
    if (!reopened) throw new ConflictError('This conversation changed meanwhile. Look again.');
    return reopened;
  }

  #mustOwn(user: User, conversation: Conversation, action: string): void {
    if (conversation.status === 'assigned' && !managesIt(user, conversation)) throw new ForbiddenError(`Only the agent who has this conversation, or an admin, can ${action}.`);
  }

  /** A reply to the visitor: only from the assignee, stored once per clientId. */
  async reply(user: User, id: string, input: { text: string; clientId?: string }): Promise<Message> {
    const conversation = await this.#find(id);
    if (conversation.status !== 'assigned') throw new ConflictError('Claim this conversation before replying, so the visitor hears one voice.');
    if (conversation.assignedTo !== user.id) throw new ForbiddenError(`${await this.#name(conversation.assignedTo)} has this conversation: only they reply to the visitor. Add a private note instead.`);
    return this.#write(user, conversation, input, false);
  }

  /** A private note: any agent, never shown to the visitor or the AI. */
  async note(user: User, id: string, input: { text: string; clientId?: string }): Promise<Message> {
    return this.#write(user, await this.#find(id), input, true);
  }

  async #write(user: User, conversation: Conversation, input: { text: string; clientId?: string }, internal: boolean): Promise<Message> {
    const text = input.text.trim();
    const max = this.deps.limits.agentMessageMaxChars;
    if (!text) throw new ValidationError(internal ? 'The note is empty.' : 'The reply is empty.', { text: 'Write something first.' });
    if (text.length > max) throw new ValidationError(`That is too long: at most ${max} characters.`, { text: `At most ${max} characters (this has ${text.length}).` });
    const clientId = input.clientId?.trim() || null;
    if (clientId && (clientId.length > MAX_CLIENT_ID || clientId.startsWith('notice:'))) throw new ValidationError('That message id is not valid.', { clientId: 'Reload the page and send again.' });
    // A reply to a visitor who left an email is also held for the email fallback, in the same
    // transaction: it goes out (batched) if they are not in the chat to see it.
    const visitor = internal ? undefined : await this.deps.visitors.findById(conversation.visitorId);
    const emails = visitor?.email ? { emails: (m: Message) => [this.deps.followups.agentReply(conversation, visitor, m)].filter((e): e is NewEmail => !!e) } : {};
    const { message, created } = await this.deps.messages.insertOnce({ conversationId: conversation.id, author: 'agent', text, clientId, userId: user.id, internal }, emails);
    await this.deps.transitions.announce(message, created);
    if (created) await this.deps.reads.markRead(user.id, conversation.id, this.deps.clock.now());
    return message;
  }

  async message(id: string): Promise<Message | undefined> {
    return this.deps.messages.findById(id);
  }

  async typing(user: User, id: string): Promise<void> {
    const conversation = await this.#find(id);
    await this.deps.transitions.publish({ type: 'typing', conversationId: conversation.id, who: 'agent', userId: user.id });
  }

  /** The agent has the conversation open (a heartbeat); others are told when someone arrives. */
  async viewing(user: User, id: string): Promise<Viewer[]> {
    const conversation = await this.#find(id);
    const now = this.deps.clock.now();
    const arrived = await this.deps.reads.viewing(user.id, conversation.id, now, new Date(now.getTime() - VIEWER_TTL_MS));
    if (arrived) await this.deps.transitions.publish({ type: 'viewers.changed', conversationId: conversation.id });
    return (await this.deps.reads.viewers(conversation.id, new Date(now.getTime() - VIEWER_TTL_MS))).filter((v) => v.userId !== user.id);
  }

  async leave(user: User, id: string): Promise<void> {
    const conversation = await this.#find(id);
    await this.deps.reads.stopViewing(user.id, conversation.id);
    await this.deps.transitions.publish({ type: 'viewers.changed', conversationId: conversation.id });
  }

  async viewers(user: User, id: string): Promise<Viewer[]> {
    const now = this.deps.clock.now();
    return (await this.deps.reads.viewers(id, new Date(now.getTime() - VIEWER_TTL_MS))).filter((v) => v.userId !== user.id);
  }

  /** The conversation waiting longest, for "on to the next one" after resolving. */
  async nextWaiting(user: User): Promise<Conversation | undefined> {
    return (await this.list(user, { queue: 'waiting' }))[0]?.conversation;
  }

  /** The team's saved replies, by shortcut. */
  cannedResponses(): Promise<CannedResponse[]> {
    return this.deps.canned.list();
  }

  /** Saves a reply under a shortcut; saving the same shortcut again replaces its text. */
  async saveCannedResponse(user: User, input: { shortcut: string; text: string }): Promise<CannedResponse> {
    const shortcut = input.shortcut.trim().replace(/^\//, '').toLowerCase();
    const text = input.text.trim();
    const fields: Record<string, string> = {};
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(shortcut)) fields.shortcut = 'Letters, digits, - and _, at most 40 (e.g. refund-policy).';
    if (!text) fields.text = 'Write the reply.';
    else if (text.length > this.deps.limits.agentMessageMaxChars) fields.text = `At most ${this.deps.limits.agentMessageMaxChars} characters.`;
    if (Object.keys(fields).length) throw new ValidationError('The saved reply needs fixing.', fields);
    return this.deps.authority.perform(user, 'saved_reply.saved', () => this.deps.canned.upsert({ shortcut, text, createdBy: user.id }), (c) => ({ target: `/${c.shortcut}`, details: { text: c.text.slice(0, 200) } }));
  }

  async deleteCannedResponse(user: User, id: string): Promise<void> {
    const existing = (await this.deps.canned.list()).find((c) => c.id === id);
    await this.deps.authority.perform(
      user,
      'saved_reply.deleted',
      async () => {
        if (!(await this.deps.canned.delete(id))) throw new NotFoundError('That saved reply is already gone.');
      },
      () => ({ target: existing ? `/${existing.shortcut}` : null }),
    );
  }

  /** Active teammates, for the reassign menu. */
  async #teammates(): Promise<Pick<User, 'id' | 'name'>[]> {
    return (await this.deps.users.list()).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  }

  /** Every event, for an agent's live stream (agents may see every conversation). */
  watch(listener: (event: DomainEvent) => void): Promise<() => void> {
    return this.deps.transitions.subscribe(listener);
  }
}
