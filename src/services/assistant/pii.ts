/**
 * Masks personal data in a visitor's text before it leaves the server for the LLM: e-mail
 * addresses, IBANs, payment card numbers and phone numbers. Checksums (mod-97 for IBANs, Luhn for
 * cards) keep order numbers, dates and prices from being taken for personal data.
 */

export type PiiKind = 'email' | 'iban' | 'card' | 'phone';

export interface Masked {
  text: string;
  /** How many of each kind were masked. */
  found: Partial<Record<PiiKind, number>>;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Country code, two check digits, then 11 to 30 letters or digits, in groups or not.
// Either case: people type IBANs in lower case too.
const IBAN = /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}\b/g;
// 13 to 19 digits, optionally in groups separated by spaces or dashes; card numbers start with
// 2-6 (Mastercard, Amex, Visa, Discover…) and stand on their own, not inside a word or an IBAN.
const CARD = /(?<![\w.-])[2-6](?:[ .-]?\d){12,18}(?![\w-]|\.\d)/g;
// An optional +, then digits with spaces, dashes or parentheses between them.
const PHONE = /(?<![\w+/.-])\+?\(?\d[\d ()-]{6,}\d(?![\w/.-])/g;
// Phone numbers written with dots between groups of digits (555.123.4567, 06.12.34.56.78).
const DOTTED_PHONE = /(?<![\w+/.-])\+?\d{1,4}(?:\.\d{2,4}){2,5}(?![\w/-]|\.\d)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// 20261124: a date written without separators, common in build and file names.
const COMPACT_DATE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

function ibanValid(candidate: string): boolean {
  const s = candidate.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskPii(input: string): Masked {
  const found: Partial<Record<PiiKind, number>> = {};
  const count = (kind: PiiKind) => (found[kind] = (found[kind] ?? 0) + 1);
  // Full-width and other look-alike forms ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "４１１１…") are read as the
  // characters they look like, so they are masked as those would be.
  let text = input.normalize('NFKC').replace(EMAIL, () => (count('email'), '[email]'));
  text = text.replace(IBAN, (m) => {
    // The match may run on into the next words ("… 43 for the refund"): the longest valid start.
    for (let end = m.length; end >= 15; end--) {
      if (/[ ]$/.test(m.slice(0, end))) continue;
      if (ibanValid(m.slice(0, end).toUpperCase())) return count('iban'), `[iban]${m.slice(end)}`;
    }
    return m;
  });
  text = text.replace(CARD, (m) => {
    const digits = m.replace(/\D/g, '');
    return luhnValid(digits) ? (count('card'), '[card number]') : m;
  });
  const phone = (m: string) => {
    const digits = m.replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 15 || ISO_DATE.test(m.trim()) || COMPACT_DATE.test(m.trim()) || COMPACT_DATE.test(digits)) return m;
    return count('phone'), '[phone]';
  };
  text = text.replace(PHONE, phone).replace(DOTTED_PHONE, phone);
  return { text, found };
}
