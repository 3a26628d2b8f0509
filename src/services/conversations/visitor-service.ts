import { createHmac, timingSafeEqual } from 'node:crypto';
import { isTimeZone } from '../../lib/time-zones.js';
import type { AvailabilityService } from '../availability/availability-service.js';
import { NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import type { FollowupService } from '../followups/followup-service.js';
import { mailboxKey } from '../followups/mailbox.js';
import type { Clock, ConversationRepo, RateLimiter, VisitorRepo } from '../ports.js';
import type { Conversation, Visitor } from './types.js';
import type { VisitorTokens } from './visitor-tokens.js';

export interface VisitorServiceDeps {
  visitors: VisitorRepo;
  /** For the visitor's current conversation (whether it waits for the team). */
  conversations: Pick<ConversationRepo, 'latestForVisitor'>;
  /**
   * The key a site signs its visitors' emails with (HMAC-SHA256, hex) so Baton can trust them:
   * shown to admins in Settings › Widget. Without it, no email counts as verified.
   */
  identityKey?: string;
  tokens: VisitorTokens;
  clock: Clock;
  /** The acknowledgement and confirmation emails. */
  followups: Pick<FollowupService, 'acknowledgement' | 'confirmation' | 'openConfirmation' | 'emailsVisitors'>;
  /** How soon the team replies, for the acknowledgement. */
  availability: Pick<AvailabilityService, 'now'>;
  /** Confirmation emails per mailbox (see mailboxKey), shared by every replica; absent: unlimited. */
  confirmationsPerAddress?: Pick<RateLimiter, 'consume'>;
}

/**
 * Who a visitor is: their token, the name and email the site or they give (verified only when
 * the site signs it or the owner confirms it), their time zone, and when they were last seen.
 */
export class VisitorService {
  constructor(private readonly deps: VisitorServiceDeps) {}

  async createVisitor(opts: { language?: string | null } = {}): Promise<{ visitor: Visitor; token: string }> {
    const visitor = await this.deps.visitors.insert({ language: opts.language ?? null });
    return { visitor, token: this.deps.tokens.sign(visitor.id) };
  }

  /** The visitor a token belongs to; a forged, altered or orphaned token is refused. */
  async authenticate(token: string | undefined): Promise<Visitor> {
    const id = token ? this.deps.tokens.verify(token) : undefined;
    const visitor = id ? await this.deps.visitors.findById(id) : undefined;
    if (!visitor) throw new UnauthorizedError('A valid visitor token is required: create one with POST /api/v1/visitors.');
    return visitor;
  }

  /** The visitor as stored now (their email may have been given since the request began). */
  async reload(visitor: Visitor): Promise<Visitor> {
    return (await this.deps.visitors.findById(visitor.id)) ?? visitor;
  }

  /**
   * Who the visitor is, as the site says (Baton.identify) or the visitor types. An email comes
   * with `hash`, the site's HMAC-SHA256 of it under the identity key, when the site vouches for
   * it: only such an email is verified (email-domain rules trust nothing else). A hash that does
   * not match is refused; a new email without one is kept as unverified.
   */
  async identify(visitor: Visitor, input: { email?: string; name?: string; timeZone?: string; hash?: string }): Promise<Visitor> {
    const email = this.#checkEmail(input.email);
    const name = input.name?.trim();
    if (name !== undefined && name.length > 200) throw new ValidationError('The name is too long.', { name: 'At most 200 characters.' });
    const timeZone = this.#newTimeZone(visitor, input.timeZone);
    // A new unsigned address is only a suggestion: the chat offers it, and it is confirmed like any typed one.
    let verified: { emailVerifiedAt: Date | null; emailConsentAt?: null } | Record<string, never> = {};
    if (input.hash !== undefined) {
      if (!email) throw new ValidationError('A hash vouches for an email: send the email with it.', { email: 'Give the email the hash was made from.' });
      if (!this.#signedByTheSite(email, input.hash)) throw new ValidationError('The identity hash does not match this email: sign the email, in lower case, with the key from Settings › Widget (HMAC-SHA256, hex).', { hash: 'Not the HMAC of this email.' });
      verified = { emailVerifiedAt: this.deps.clock.now() };
    } else if (email && email !== visitor.email) verified = { emailVerifiedAt: null, emailConsentAt: null };
    return (await this.deps.visitors.update(visitor.id, { ...(email ? { email } : {}), ...(name ? { name } : {}), ...(timeZone ? { timeZone } : {}), ...verified })) ?? visitor;
  }

  #signedByTheSite(email: string, hash: string): boolean {
    if (!this.deps.identityKey || !/^[0-9a-f]{64}$/i.test(hash)) return false;
    const expected = createHmac('sha256', this.deps.identityKey).update(email).digest();
    return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
  }

  #checkEmail(input: string | undefined): string | undefined {
    const email = input?.trim();
    if (email !== undefined && email !== '' && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) throw new ValidationError('That email address does not look right.', { email: 'Enter an email address such as name@example.com.' });
    return email ? email.toLowerCase() : undefined;
  }

  /**
   * The visitor leaves an email for the team's reply (they saw the consent line beside the
   * field). An address the site vouched for, or one already confirmed, is used at once: while
   * their conversation waits for the team, the acknowledgement ("we got your question, we'll
   * reply within X") is queued in the same transaction. Any other address first gets a
   * confirmation (fixed text, nothing the visitor wrote), at most a few a day per mailbox; the
   * team's replies wait for it.
   */
  async leaveEmail(visitor: Visitor, input: { email: string }): Promise<LeftEmail> {
    // Without a mail server an address would be kept for nothing: the widget does not ask for it.
    if (!this.deps.followups.emailsVisitors) throw new ValidationError('Replies by email are not available here: the reply will appear in this chat.', { email: 'Replies by email are not available here.' });
    const email = this.#checkEmail(input.email);
    if (!email) throw new ValidationError('Enter your email address.', { email: 'Enter an email address such as name@example.com.' });
    const now = this.deps.clock.now();
    const verified = email === visitor.email && !!visitor.emailVerifiedAt;
    const patch = { email, emailConsentAt: now, ...(verified ? {} : { emailVerifiedAt: null }) };
    if (!verified) {
      const allowed = !this.deps.confirmationsPerAddress || (await this.deps.confirmationsPerAddress.consume(`mailbox:${mailboxKey(email)}`)).allowed;
      const confirmation = allowed ? await this.deps.followups.confirmation({ ...visitor, ...patch }, email) : undefined;
      const updated = (await this.deps.visitors.update(visitor.id, patch, { emails: confirmation ? [confirmation] : [] })) ?? visitor;
      return { visitor: updated, acknowledged: false, confirmation: confirmation ? 'sent' : 'limited' };
    }
    const ack = await this.#acknowledgementIfWaiting({ ...visitor, ...patch }, now);
    const updated = (await this.deps.visitors.update(visitor.id, patch, { emails: ack ? [ack] : [] })) ?? visitor;
    return { visitor: updated, acknowledged: !!ack, confirmation: 'not_needed' };
  }

  /**
   * The address's owner followed the confirmation link (and pressed the button: a mail
   * scanner that opens links confirms nothing). From now on the team's replies go there, and
   * if the conversation is waiting, the acknowledgement goes out.
   */
  async confirmEmail(token: string): Promise<{ visitor: Visitor; alreadyConfirmed: boolean }> {
    const { visitor, email } = await this.deps.followups.openConfirmation(token);
    if (visitor.emailVerifiedAt) return { visitor, alreadyConfirmed: true };
    const now = this.deps.clock.now();
    const ack = await this.#acknowledgementIfWaiting({ ...visitor, emailVerifiedAt: now }, now);
    const confirmed = await this.deps.visitors.confirmEmail(visitor.id, email, now, ack ? [ack] : []);
    // The address changed (or was confirmed) since the link was checked: this link confirms nothing.
    if (!confirmed) throw new NotFoundError('This confirmation link is not valid, or the address was changed since it was sent. Leave your email in the chat again to get a new one.');
    return { visitor: confirmed, alreadyConfirmed: false };
  }

  /**
   * The acknowledgement, when the visitor's conversation waits for the team and nobody could
   * answer straight away: someone available may still join within the offer delay, and "we got
   * your question, we'll email" would be premature.
   */
  async #acknowledgementIfWaiting(visitor: Visitor, now: Date) {
    const conversation = await this.deps.conversations.latestForVisitor(visitor.id);
    const offerAt = conversation && this.#emailOfferAt(conversation);
    if (!conversation || !offerAt || offerAt.getTime() > now.getTime()) return undefined;
    return this.deps.followups.acknowledgement(conversation, visitor, (await this.deps.availability.now()).replyWithin);
  }

  /** The visitor's browser time zone, kept when it changes (for "we're back at 09:00" in their time). */
  async noteTimeZone(visitor: Visitor, timeZone: string | undefined): Promise<Visitor> {
    const changed = this.#newTimeZone(visitor, timeZone);
    return changed ? ((await this.deps.visitors.update(visitor.id, { timeZone: changed })) ?? visitor) : visitor;
  }

  /** The browser's time zone when it is a real one and not the one already kept. */
  #newTimeZone(visitor: Visitor, timeZone: string | undefined): string | undefined {
    return timeZone && timeZone !== visitor.timeZone && timeZone.length <= 64 && isTimeZone(timeZone) ? timeZone : undefined;
  }

  /**
   * The visitor's widget or hosted page is open: replies they can see there need no email. Kept
   * to the half minute, which the stream's keepalive matches.
   */
  async seen(visitor: Visitor): Promise<void> {
    await this.deps.visitors.update(visitor.id, { lastSeenAt: this.deps.clock.now() });
  }

  /**
   * What the chat offers for the email fallback: nothing while the AI has the conversation (or
   * it is resolved); once the team is involved, the offer (at once when nobody could answer, else
   * after the offer delay, and on request before that or while a teammate has it); and the
   * address once given.
   */
  emailFallback(visitor: Visitor, conversation: Conversation | undefined): EmailFallback {
    if (!conversation || conversation.status === 'resolved' || conversation.status === 'bot' || !this.deps.followups.emailsVisitors) return { state: 'none' };
    if (visitor.email && visitor.emailVerifiedAt) return { state: 'saved', email: visitor.email };
    // Left in the chat but not confirmed yet (an address the site passed unsigned is only offered).
    if (visitor.email && visitor.emailConsentAt) return { state: 'confirming', email: visitor.email };
    const at = this.#emailOfferAt(conversation);
    return at ? { state: 'offer', at, nobodyAvailable: conversation.handoff?.promise !== 'available' } : { state: 'early' };
  }

  #emailOfferAt(conversation: Conversation): Date | undefined {
    if (conversation.status !== 'queued' || !conversation.handoff) return undefined;
    return new Date(conversation.handoff.emailOfferAt ?? conversation.handoff.at);
  }
}

/** The email fallback as the chat shows it (see emailFallback). */
export type EmailFallback = { state: 'none' } | { state: 'saved'; email: string } | { state: 'confirming'; email: string } | { state: 'early' } | { state: 'offer'; at: Date; nobodyAvailable: boolean };

/** What leaving an email did: acknowledged the question, sent a confirmation, or hit the mailbox's daily limit. */
export interface LeftEmail {
  visitor: Visitor;
  acknowledged: boolean;
  confirmation: 'sent' | 'limited' | 'not_needed';
}
