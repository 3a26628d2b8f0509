import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/services/assistant/pii.js';

/** Personal data written in forms the masking missed reached the LLM as written. */
describe('masking before the LLM', () => {
  it.each([
    ['a full-width @', 'write to ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ please', '[email]'],
    ['full-width digits on a card', 'card ４１１１ １１１１ １１１１ １１１１ was charged', '[card number]'],
    ['a card number with dots', 'my card 4111.1111.1111.1111 was charged twice', '[card number]'],
    ['a phone number with dots', 'call me on 555.123.4567 tomorrow', '[phone]'],
    ['a French phone number with dots', 'mon numéro: 06.12.34.56.78', '[phone]'],
    ['a lower-case IBAN', 'refund to de89 3704 0044 0532 0130 00 thanks', '[iban]'],
  ])('masks %s', (_kind, text, mask) => {
    const masked = maskPii(text).text;
    expect(masked).toContain(mask);
    expect(masked.replace(/\[[a-z ]+\]/g, '')).not.toMatch(/\d{4}|＠|@/);
  });

  it('leaves versions, decimals, dates and prices alone', () => {
    for (const text of ['upgrade to 10.15.7 first', 'pi is 3.14159265', 'on 2026.12.07 it broke', 'it costs 1.299,00 kr', 'build 2.10.0 and 4.0.1']) expect(maskPii(text).text).toBe(text);
  });
});
