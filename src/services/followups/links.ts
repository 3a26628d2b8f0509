import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/**
 * The links and addresses in emails to visitors, signed so nothing needs storing and nothing
 * can be forged: a link to the conversation that expires, and a reply address for inbound mail.
 * Each gets its own key, derived from the app's secret.
 */
export class ConversationLinks {
  readonly #linkKey: Buffer;
  readonly #replyKey: Buffer;
  readonly #confirmKey: Buffer;

  constructor(secret: string) {
    this.#linkKey = Buffer.from(hkdfSync('sha256', secret, 'baton', 'conversation links v1', 32));
    this.#replyKey = Buffer.from(hkdfSync('sha256', secret, 'baton', 'reply addresses v1', 32));
    this.#confirmKey = Buffer.from(hkdfSync('sha256', secret, 'baton', 'email confirmations v1', 32));
  }

  /**
   * The token in an address confirmation: the visitor, the address (as a short hash, so the
   * link confirms that address and no later one) and an expiry.
   */
  signConfirmation(visitorId: string, email: string, expiresAt: Date): string {
    const body = Buffer.concat([uuidBytes(visitorId), uint32(Math.ceil(expiresAt.getTime() / 1000)), emailHash(email)]);
    const mac = createHmac('sha256', this.#confirmKey).update(body).digest().subarray(0, 16);
    return Buffer.concat([body, mac]).toString('base64url');
  }

  /** The visitor and address a confirmation is for; `expired` for a genuine but old one, undefined for anything else. */
  verifyConfirmation(token: string, now: Date): { visitorId: string; confirms: (email: string) => boolean } | 'expired' | undefined {
    if (!/^[A-Za-z0-9_-]{59}$/.test(token)) return undefined;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 44) return undefined;
    const body = raw.subarray(0, 28);
    const mac = createHmac('sha256', this.#confirmKey).update(body).digest().subarray(0, 16);
    if (!timingSafeEqual(mac, raw.subarray(28))) return undefined;
    if (body.readUInt32BE(16) * 1000 < now.getTime()) return 'expired';
    const hash = Buffer.from(body.subarray(20, 28));
    return { visitorId: uuidOf(body.subarray(0, 16).toString('hex')), confirms: (email) => timingSafeEqual(emailHash(email), hash) };
  }

  /** A URL-safe token for the conversation, valid until `expiresAt`. */
  sign(conversationId: string, expiresAt: Date): string {
    const body = Buffer.concat([uuidBytes(conversationId), uint32(Math.ceil(expiresAt.getTime() / 1000))]);
    const mac = createHmac('sha256', this.#linkKey).update(body).digest().subarray(0, 16);
    return Buffer.concat([body, mac]).toString('base64url');
  }

  /** The conversation a link is for; `expired` for a genuine but old one, undefined for anything else. */
  verify(token: string, now: Date): { conversationId: string } | 'expired' | undefined {
    if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return undefined;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 36) return undefined;
    const body = raw.subarray(0, 20);
    const mac = createHmac('sha256', this.#linkKey).update(body).digest().subarray(0, 16);
    if (!timingSafeEqual(mac, raw.subarray(20))) return undefined;
    if (body.readUInt32BE(16) * 1000 < now.getTime()) return 'expired';
    return { conversationId: uuidOf(body.subarray(0, 16).toString('hex')) };
  }

  /**
   * The local part's token for reply+<token>@domain: the conversation id and a MAC, in lower-case
   * hex because mail servers may change the case of an address.
   */
  replyToken(conversationId: string): string {
    const id = uuidBytes(conversationId);
    return `${id.toString('hex')}${createHmac('sha256', this.#replyKey).update(id).digest().subarray(0, 10).toString('hex')}`;
  }

  verifyReplyToken(token: string): string | undefined {
    const m = /^([0-9a-f]{32})([0-9a-f]{20})$/.exec(token.toLowerCase());
    if (!m) return undefined;
    const expected = createHmac('sha256', this.#replyKey).update(Buffer.from(m[1]!, 'hex')).digest().subarray(0, 10);
    return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')) ? uuidOf(m[1]!) : undefined;
  }
}

const emailHash = (email: string) => createHash('sha256').update(email.toLowerCase()).digest().subarray(0, 8);

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
