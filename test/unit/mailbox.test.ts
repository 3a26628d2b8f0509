import { describe, expect, it } from 'vitest';
import { ConversationLinks } from '../../src/services/followups/links.js';
import { mailboxKey } from '../../src/services/followups/mailbox.js';

describe('mailboxKey', () => {
  it('gives one key to the spellings that reach one mailbox', () => {
    expect(mailboxKey('Ada+support@Example.ORG')).toBe('ada@example.org');
    expect(mailboxKey('a.d.a+x@googlemail.com')).toBe('ada@gmail.com');
    expect(mailboxKey('A.Da@gmail.com.')).toBe('ada@gmail.com');
  });

  it('keeps dots where they matter and leaves odd input whole', () => {
    expect(mailboxKey('a.da@example.org')).toBe('a.da@example.org');
    expect(mailboxKey('+ada@example.org')).toBe('+ada@example.org');
    expect(mailboxKey('no-at-sign')).toBe('no-at-sign');
  });
});

describe('address confirmation tokens', () => {
  const links = new ConversationLinks('a secret long enough for the tests here');
  const visitor = '0b5c4c1e-3f4a-4d8e-9a77-2f1e0c9d8b7a';
  const later = new Date(Date.now() + 60_000);

  it('name the visitor and confirm only the address they were made for, in any case', () => {
    const verified = links.verifyConfirmation(links.signConfirmation(visitor, 'Vic@Example.org', later), new Date());
    expect(verified).not.toBe('expired');
    if (!verified || verified === 'expired') throw new Error('not verified');
    expect(verified.visitorId).toBe(visitor);
    expect(verified.confirms('vic@example.org')).toBe(true);
    expect(verified.confirms('other@example.org')).toBe(false);
  });

  it('tell an expired token from a forged one, and refuse another key', () => {
    const token = links.signConfirmation(visitor, 'vic@example.org', later);
    expect(links.verifyConfirmation(token, new Date(later.getTime() + 1000))).toBe('expired');
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect(links.verifyConfirmation(flipped, new Date())).toBeUndefined();
    expect(new ConversationLinks('another secret, just as long as the first').verifyConfirmation(token, new Date())).toBeUndefined();
    // A conversation link is not a confirmation.
    expect(links.verifyConfirmation(links.sign(visitor, later), new Date())).toBeUndefined();
    expect(links.verifyConfirmation('x'.repeat(59), new Date())).toBeUndefined();
  });
});
