import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Visitor tokens: the visitor's id and an HMAC of it, so a token cannot be forged or altered
 * and nothing needs storing. The key is derived from the app's secret for this one purpose.
 */
export class VisitorTokens {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'baton', 'visitor tokens v1', 32));
  }

  #mac(id: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(id).digest();
  }

  sign(visitorId: string): string {
    const id = Buffer.from(visitorId.replace(/-/g, ''), 'hex');
    return `${id.toString('base64url')}.${this.#mac(id).toString('base64url')}`;
  }

  /** The visitor id the token was signed for, or undefined for anything else. */
  verify(token: string): string | undefined {
    const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return undefined;
    const id = Buffer.from(m[1]!, 'base64url');
    const mac = Buffer.from(m[2]!, 'base64url');
    // The last character of each part carries unused bits, so several spellings decode to the
    // same bytes: only the one Baton writes is a token (an altered token is refused, always).
    if (id.toString('base64url') !== m[1] || mac.toString('base64url') !== m[2]) return undefined;
    if (id.length !== 16 || mac.length !== 32 || !timingSafeEqual(mac, this.#mac(id))) return undefined;
    const hex = id.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
