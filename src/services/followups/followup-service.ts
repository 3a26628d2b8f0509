import { randomUUID } from 'node:crypto';
import type { Authority } from '../audit/authority.js';
import { maskEmail, type AuditActor } from '../audit/types.js';
import type { AvailabilityService } from '../availability/availability-service.js';
import { isOpen } from '../availability/hours.js';
import type { ReplyWindow } from '../availability/types.js';
import { replyWindowText } from '../conversations/notices.js';
import type { Conversation, Message, Visitor } from '../conversations/types.js';
import { InvalidTokenError, NotFoundError, ValidationError } from '../errors.js';
import type { Clock, ConversationRepo, Mailer, MessageRepo, OrganisationRepo, OutboxRepo, UserRepo, VisitorRepo } from '../ports.js';
import type { ConversationLinks } from './links.js';
import { fill } from '../../lib/format.js';
import { emailStrings } from './strings.js';
import { questionOf } from '../conversations/question.js';
import { reasonText } from '../assistant/triggers/triggers.js';
import { mailboxKey } from './mailbox.js';
import type { NewEmail, OutboxEmail } from './types.js';

export interface FollowupOptions {
  /** An agent's replies within this long of each other go out as one email... */
  batchWindowMs: number;
  /** ...but the first waits no longer than this. */
  batchMaxMs: number;
  /** Retries back off from this, doubling, up to retryMaxMs; after giveUpAfterMs an email fails. */
  retryBaseMs: number;
  retryMaxMs: number;
  giveUpAfterMs: number;
  /** Emails taken per batch; a tick sends batches until none is due. */
  batchSize: number;
  /** How long a link in an email opens the conversation. */
  linkTtlMs: number;
  /** Public URLs: the hosted conversation page for a link token, and the inbox for agents. */
  urls: { conversation: (token: string) => string; inbox: (conversationId: string) => string; confirmEmail: (token: string) => string };
  /** The domain inbound replies go to (reply+<token>@domain), when the receiver is on. */
  inboundDomain: string | undefined;
  /** The Message-ID of an outbox email, unique to this installation (two on one host never clash). */
  messageId: (outboxId: string) => string;
  /**
   * A mail server is set. Without one, visitors are not offered email or promised a reply there,
   * and nothing is queued for them.
   */
  emailsVisitors: boolean;
}

export interface FollowupDeps {
  outbox: OutboxRepo;
  visitors: Pick<VisitorRepo, 'findById'>;
  conversations: Pick<ConversationRepo, 'findById' | 'waitingSince'>;
  messages: Pick<MessageRepo, 'findById' | 'recent'>;
  users: Pick<UserRepo, 'list' | 'findById'>;
  organisations: Pick<OrganisationRepo, 'get'>;
  availability: Pick<AvailabilityService, 'settings' | 'hours'>;
  mailer: Mailer;
  links: ConversationLinks;
  /** Signs a visitor token, so a link from an email can open the visitor's chat. */
  visitorToken: (visitorId: string) => string;
  clock: Clock;
  options: FollowupOptions;
  /** Checks and records test emails and retries. */
  authority: Pick<Authority, 'perform'>;
  /** Told of the conversations past the reminder threshold each time it looks (alert channels follow it). */
  onWaiting?: (conversations: Conversation[]) => Promise<void>;
}

/** SMTP replies in the 5xx range are final ("no such mailbox"); anything else may pass later. */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string; permanent?: boolean };
  return e.permanent === true || (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) || e.code === 'EENVELOPE';
}

/** The mail server could not be reached at all: the rest of a batch would fail the same way. */
function isUnreachable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'ECONNREFUSED' || code === 'EDNS';
}

/** How long a sender holds the emails it claimed before another may take them. */
const CLAIM_MS = 2 * 60_000;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * The email fallback: what to send to whom, and when, all through the outbox. Emails are rows
 * first (written with what caused them), then the dispatcher sends them with retries, so a mail
 * server that is down delays email and loses none.
 */
export class FollowupService {
  constructor(private readonly deps: FollowupDeps) {}

  /** Whether a visitor can be promised a reply by email (a mail server is set). */
  get emailsVisitors(): boolean {
    return this.deps.options.emailsVisitors;
  }

  async #orgName(): Promise<string> {
    return (await this.deps.organisations.get())?.name ?? 'Support';
  }

  #link(conversationId: string): string {
    const expires = new Date(this.deps.clock.now().getTime() + this.deps.options.linkTtlMs);
    return this.deps.options.urls.conversation(this.deps.links.sign(conversationId, expires));
  }

  #replyTo(conversationId: string): string | null {
    const domain = this.deps.options.inboundDomain;
    return domain ? `reply+${this.deps.links.replyToken(conversationId)}@${domain}` : null;
  }

  /**
   * The acknowledgement when nobody could answer straight away: "we got your question, we'll
   * reply within X". Undefined when the visitor left no email. One per episode, however often
   * it is asked for.
   */
  async acknowledgement(conversation: Conversation, visitor: Visitor, replyWithin: ReplyWindow): Promise<NewEmail | undefined> {
    // It quotes the visitor's words: only to an address the site vouched for or its owner confirmed.
    if (!visitor.email || !visitor.emailVerifiedAt || !this.emailsVisitors) return undefined;
    const { lang, t } = emailStrings(conversation.language ?? visitor.language);
    const org = await this.#orgName();
    const recent = await this.deps.messages.recent(conversation.id, 20, { episode: conversation.episode });
    // The question itself, not "can I speak to someone from your team please" that came after it.
    const asked = [...recent].reverse().filter((m) => m.author === 'visitor');
    const question = questionOf({ visitorMessages: asked }) ?? asked[0]?.text ?? '';
    const days = Math.round(this.deps.options.linkTtlMs / 86_400_000);
    return {
      key: `${conversation.id}:acknowledgement:${conversation.episode}`,
      kind: 'acknowledgement',
      conversationId: conversation.id,
      to: visitor.email,
      subject: fill(t.ackSubject, { org }),
      template: 'visitor-acknowledgement',
      replyTo: this.#replyTo(conversation.id),
      data: {
        lang,
        org,
        intro: fill(t.ackIntro, { org }),
        question,
        promise: fill(t.ackPromise, { x: replyWindowText(replyWithin, lang) }),
        link: this.#link(conversation.id),
        open: t.open,
        orReply: this.deps.options.inboundDomain ? t.orReply : t.noReply,
        linkExpires: fill(t.linkExpires, { days }),
        why: fill(t.why, { org }),
      },
    };
  }

  /**
   * The first email to an address a visitor typed: fixed text from the organisation, asking the
   * address's owner to confirm it before anything a visitor wrote is sent there. Nothing in it
   * comes from the visitor but the address, so a stranger who types someone else's address can
   * at most cause this one plain message (and the per-address limit bounds those).
   */
  async confirmation(visitor: Visitor, email: string): Promise<NewEmail> {
    const { lang, t } = emailStrings(visitor.language);
    const org = await this.#orgName();
    const now = this.deps.clock.now();
    const token = this.deps.links.signConfirmation(visitor.id, email, new Date(now.getTime() + this.deps.options.linkTtlMs));
    const days = Math.round(this.deps.options.linkTtlMs / 86_400_000);
    return {
      // A double click sends one; asking again ten minutes on sends a fresh link.
      key: `${visitor.id}:email_confirmation:${mailboxKey(email)}:${Math.floor(now.getTime() / 600_000)}`,
      kind: 'email_confirmation',
      conversationId: null,
      to: email,
      subject: fill(t.confirmSubject, { org }),
      template: 'email-confirmation',
      data: { lang, org, intro: fill(t.confirmIntro, { org }), confirm: t.confirm, link: this.deps.options.urls.confirmEmail(token), linkExpires: fill(t.linkExpires, { days }), notYou: t.confirmNotYou },
    };
  }

  /**
   * The visitor and address a confirmation link is for. An expired link and a forged one are
   * told apart, and neither reveals anything; a link for an address the visitor has since
   * changed confirms nothing.
   */
  async openConfirmation(token: string): Promise<{ visitor: Visitor; email: string }> {
    const verified = this.deps.links.verifyConfirmation(token, this.deps.clock.now());
    if (verified === 'expired') throw new InvalidTokenError('This confirmation link has expired. Leave your email in the chat again to get a new one.');
    const visitor = verified && (await this.deps.visitors.findById(verified.visitorId));
    if (!verified || !visitor?.email || !verified.confirms(visitor.email)) throw new NotFoundError('This confirmation link is not valid, or the address was changed since it was sent. Leave your email in the chat again to get a new one.');
    return { visitor, email: visitor.email };
  }

  /**
   * An agent's reply, held for the batch window: replies in quick succession go out as one
   * email, and none goes out if the visitor was in the chat to see them (releaseReplies decides).
   */
  agentReply(conversation: Conversation, visitor: Visitor, message: Message): NewEmail | undefined {
    if (!visitor.email || !this.emailsVisitors || message.author !== 'agent' || message.internal) return undefined;
    return {
      key: `${conversation.id}:agent_reply:${message.id}`,
      kind: 'agent_reply',
      conversationId: conversation.id,
      to: visitor.email,
      subject: '',
      template: 'visitor-reply',
      replyTo: this.#replyTo(conversation.id),
      status: 'held',
      notBefore: new Date(message.createdAt.getTime() + this.deps.options.batchWindowMs),
      data: { messageId: message.id },
    };
  }

  /**
   * Turns held replies into emails: once a conversation's replies have been quiet for the batch
   * window (or the first has waited the longest allowed), they become one email; if the visitor
   * has been in the chat since the last of them, they saw them there and no email goes out.
   */
  async releaseReplies(): Promise<{ released: number; skipped: number }> {
    const now = this.deps.clock.now();
    const held = await this.deps.outbox.heldDue(now, new Date(now.getTime() - this.deps.options.linkTtlMs));
    const byConversation = new Map<string, OutboxEmail[]>();
    for (const e of held) byConversation.set(e.conversationId ?? '', [...(byConversation.get(e.conversationId ?? '') ?? []), e]);
    let released = 0;
    let skipped = 0;
    for (const [conversationId, rows] of byConversation) {
      const last = rows[rows.length - 1]!;
      const quiet = last.nextAttemptAt.getTime() <= now.getTime();
      const waitedLongest = now.getTime() - rows[0]!.createdAt.getTime() >= this.deps.options.batchMaxMs;
      if (!quiet && !waitedLongest) continue;
      const conversation = await this.deps.conversations.findById(conversationId);
      const visitor = conversation && (await this.deps.visitors.findById(conversation.visitorId));
      const messages = (await Promise.all(rows.map((r) => this.deps.messages.findById(String(r.data.messageId))))).filter((m): m is Message => !!m);
      const newest = messages[messages.length - 1];
      if (!conversation || !visitor?.email || !newest) {
        await this.deps.outbox.skip(rows.map((r) => r.id), 'the conversation, the visitor or the reply is gone');
        skipped += rows.length;
        continue;
      }
      if (!visitor.emailVerifiedAt) {
        // Held until the address is confirmed (the confirmation link's lifetime), then dropped:
        // a reply is never sent to an address nobody vouched for.
        if (now.getTime() - rows[0]!.createdAt.getTime() < this.deps.options.linkTtlMs) continue;
        await this.deps.outbox.skip(rows.map((r) => r.id), 'the address was never confirmed');
        skipped += rows.length;
        continue;
      }
      // Held for another address than the one now confirmed (the visitor changed it): not sent
      // there, since that address was never confirmed; the reply is in the chat.
      const elsewhere = rows.filter((r) => r.to !== visitor.email);
      if (elsewhere.length) {
        await this.deps.outbox.skip(elsewhere.map((r) => r.id), 'held for an address the visitor has since changed');
        skipped += elsewhere.length;
        // The rest go on the next run, batched without these.
        continue;
      }
      if (visitor.lastSeenAt.getTime() >= newest.createdAt.getTime()) {
        await this.deps.outbox.skip(rows.map((r) => r.id), 'the visitor was in the chat and saw the replies there');
        skipped += rows.length;
        continue;
      }
      const { lang, t } = emailStrings(conversation.language ?? visitor.language);
      const org = await this.#orgName();
      const name = newest.authorName ?? org;
      const days = Math.round(this.deps.options.linkTtlMs / 86_400_000);
      await this.deps.outbox.releaseBatch(
        last.id,
        rows.slice(0, -1).map((r) => r.id),
        {
          subject: fill(t.replySubject, { name, org }),
          data: {
            lang,
            org,
            intro: fill(t.replyIntro, { name, org }),
            replies: messages.map((m) => ({ author: m.authorName ?? org, text: m.text })),
            link: this.#link(conversation.id),
            open: t.open,
            orReply: this.deps.options.inboundDomain ? t.orReply : t.noReply,
            linkExpires: fill(t.linkExpires, { days }),
            why: fill(t.why, { org }),
          },
        },
      );
      released++;
    }
    return { released, skipped };
  }

  /**
   * Reminds the team of conversations waiting past the configured time, during support hours
   * (a reminder at 3 a.m. helps nobody; it goes out when the team opens). One per person per
   * conversation and episode.
   */
  async remindWaiting(): Promise<{ queued: number }> {
    const settings = await this.deps.availability.settings();
    const minutes = settings.promises.waitingReminderMinutes;
    const now = this.deps.clock.now();
    if (!minutes || !isOpen(this.deps.availability.hours(settings), now)) return { queued: 0 };
    const waiting = await this.deps.conversations.waitingSince(new Date(now.getTime() - minutes * 60_000), 50);
    if (!waiting.length) return { queued: 0 };
    await this.deps.onWaiting?.(waiting);
    const team = (await this.deps.users.list()).filter((u) => u.active);
    const org = await this.#orgName();
    const emails: NewEmail[] = [];
    for (const c of waiting) {
      const waited = Math.floor((now.getTime() - (c.queuedAt ?? now).getTime()) / 60_000);
      for (const user of team) {
        emails.push({
          key: `${c.id}:waiting_reminder:${c.episode}:${user.id}`,
          kind: 'waiting_reminder',
          conversationId: c.id,
          to: user.email,
          // No visitor's words in a subject: a stranger writes them, and subjects show everywhere.
          subject: `Waiting ${waited} min: a visitor in the ${org} inbox`,
          template: 'waiting-reminder',
          data: { name: user.name, org, waited, preview: c.lastMessagePreview ?? '', reason: c.handoff ? reasonText(c.handoff) : '', link: this.deps.options.urls.inbox(c.id) },
        });
      }
    }
    return { queued: await this.deps.outbox.enqueue(emails) };
  }

  /**
   * Sends what is due. Transient failures are retried with exponential backoff for up to about a
   * day; a permanent refusal (5xx) is not retried. If the server cannot be reached, the rest of
   * the batch waits for the next try instead of timing out one by one.
   */
  async dispatch(): Promise<{ sent: number; retrying: number; failed: number }> {
    const result = { sent: 0, retrying: 0, failed: 0 };
    for (let round = 0; round < 50; round++) {
      const now = this.deps.clock.now();
      const batch = await this.deps.outbox.claim(now, this.deps.options.batchSize, CLAIM_MS);
      if (!batch.length) break;
      let unreachable: { error: string; until: Date } | undefined;
      for (const email of batch) {
        if (unreachable) {
          // Not tried: it keeps its attempt count and goes with the next try.
          await this.deps.outbox.markRetry(email.id, { attempts: email.attempts, nextAttemptAt: unreachable.until, error: unreachable.error });
          result.retrying++;
          continue;
        }
        const outcome = await this.#deliver(email, now);
        result[outcome.status]++;
        unreachable = outcome.unreachable;
      }
      if (unreachable) break;
    }
    return result;
  }

  /** Sends one claimed email and records what happened to it. */
  async #deliver(email: OutboxEmail, now: Date): Promise<{ status: 'sent' | 'retrying' | 'failed'; unreachable?: { error: string; until: Date } }> {
    const o = this.deps.options;
    try {
      await this.deps.mailer.send({
        to: email.to,
        subject: email.subject,
        template: email.template,
        data: email.data,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        messageId: o.messageId(email.id),
      });
      await this.deps.outbox.markSent(email.id, this.deps.clock.now());
      return { status: 'sent' };
    } catch (err) {
      const attempts = email.attempts + 1;
      const error = errorText(err);
      const tooOld = now.getTime() - email.createdAt.getTime() >= o.giveUpAfterMs;
      if (isPermanent(err) || tooOld) {
        await this.deps.outbox.markFailed(email.id, { attempts, error: tooOld && !isPermanent(err) ? `gave up after ${attempts} attempts: ${error}` : error });
        return { status: 'failed' };
      }
      const until = new Date(now.getTime() + Math.min(o.retryBaseMs * 2 ** (attempts - 1), o.retryMaxMs));
      await this.deps.outbox.markRetry(email.id, { attempts, nextAttemptAt: until, error });
      return { status: 'retrying', ...(isUnreachable(err) ? { unreachable: { error, until } } : {}) };
    }
  }

  /**
   * A link from an email: the conversation it opens and a visitor token for the hosted chat
   * page. An expired link and a forged one are told apart, and neither reveals anything.
   */
  async openLink(token: string): Promise<{ conversation: Conversation; visitorToken: string }> {
    const verified = this.deps.links.verify(token, this.deps.clock.now());
    if (verified === 'expired') {
      const days = Math.round(this.deps.options.linkTtlMs / 86_400_000);
      throw new InvalidTokenError(`This link has expired: links in our emails work for ${days} days. Open the chat on our website to write to us again.`);
    }
    const conversation = verified && (await this.deps.conversations.findById(verified.conversationId));
    if (!conversation) throw new NotFoundError('This link is not valid. Check that it was copied whole, or open the chat on our website.');
    return { conversation, visitorToken: this.deps.visitorToken(conversation.visitorId) };
  }

  /** Sends a test email through the outbox at once, and says what happened. */
  async sendTest(actor: AuditActor, to: string): Promise<OutboxEmail> {
    return this.deps.authority.perform(actor, 'email.test_sent', () => this.#sendTest(to), (email) => ({ target: maskEmail(email.to), details: { status: email.status } }));
  }

  async #sendTest(to: string): Promise<OutboxEmail> {
    const address = to.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new ValidationError('Enter the address to send the test to.', { to: 'Enter an email address such as you@example.com.' });
    const key = `test:${randomUUID()}`;
    const org = await this.#orgName();
    const now = this.deps.clock.now();
    // Not due until later, so the background dispatcher cannot take it before this request
    // claims it by its key (it did, and the page said "not sent"); if this process dies
    // first, the dispatcher sends it then.
    await this.deps.outbox.enqueue([
      { key, kind: 'test', conversationId: null, to: address, subject: `Test email from Baton (${org})`, template: 'test', data: { org, at: now.toISOString() }, notBefore: new Date(now.getTime() + CLAIM_MS) },
    ]);
    const claimed = await this.deps.outbox.claimKey(key, now, CLAIM_MS);
    if (claimed) await this.#deliver(claimed, now);
    const email = await this.deps.outbox.findByKey(key);
    if (!email) throw new Error('the test email was not stored');
    return email;
  }

  /** For Settings › Email: the latest emails that failed or are being retried, and the counts. */
  async overview(): Promise<{ counts: Awaited<ReturnType<OutboxRepo['counts']>>; problems: OutboxEmail[] }> {
    const [counts, problems] = await Promise.all([this.deps.outbox.counts(), this.deps.outbox.problems(50)]);
    return { counts, problems };
  }

  /** An admin's "retry": a failed email goes back in the queue, as if new. */
  async retry(actor: AuditActor, id: string): Promise<boolean> {
    return this.deps.authority.perform(actor, 'email.retried', () => this.deps.outbox.retry(id, this.deps.clock.now()), (retried) => ({ target: `outbox email ${id}`, details: { retried } }));
  }
}
