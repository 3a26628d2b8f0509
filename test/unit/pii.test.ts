import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/services/assistant/pii.js';

describe('maskPii', () => {
  it.each([
    ['Mail me at jane.doe+support@example.co.uk please', 'Mail me at [email] please', { email: 1 }],
    ['My IBAN is DK50 0040 0440 1162 43 for the refund', 'My IBAN is [iban] for the refund', { iban: 1 }],
    ['IBAN: DE89370400440532013000', 'IBAN: [iban]', { iban: 1 }],
    ['card 4111 1111 1111 1111 was charged twice', 'card [card number] was charged twice', { card: 1 }],
    ['Card: 5555-5555-5555-4444.', 'Card: [card number].', { card: 1 }],
    ['Call me on +45 12 34 56 78 or (030) 1234-5678', 'Call me on [phone] or [phone]', { phone: 2 }],
    ['ring 20 30 40 50 tak', 'ring [phone] tak', { phone: 1 }],
  ])('masks %j', (input, output, found) => {
    expect(maskPii(input)).toEqual({ text: output, found });
  });

  it.each([
    'Invoice INV-2026-0042 from 2026-11-24 for 1.299,00 kr',
    'Order 1234567 shipped on 24/11/2026',
    'Version 4.0.1 of the app, build 20261124',
    'Open https://help.example.com/articles/123456789 for details',
    'Card ending in 1111 and a number that fails Luhn: 4111 1111 1111 1112',
    'We have 3 plans at 99, 199 and 499 per month',
  ])('leaves %j alone', (input) => {
    expect(maskPii(input)).toEqual({ text: input, found: {} });
  });

  it('does not call an IBAN with a wrong checksum an IBAN, but still masks its digits', () => {
    // A mistyped IBAN is still someone's account number: better masked as a number than sent.
    expect(maskPii('Not an IBAN: DK00 0000 0000 0000 00')).toEqual({ text: 'Not an IBAN: DK00 [phone]', found: { phone: 1 } });
  });

  it('masks several kinds in one message', () => {
    const { text, found } = maskPii('I am bob@example.com, +4512345678, card 4242424242424242.');
    expect(text).toBe('I am [email], [phone], card [card number].');
    expect(found).toEqual({ email: 1, phone: 1, card: 1 });
  });
});
