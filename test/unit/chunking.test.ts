import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/services/knowledge/chunking.js';

const sentence = (i: number) => `Sentence number ${i} explains one more detail about refunds and billing periods.`;
const longText = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');

describe('chunkDocument', () => {
  it('keeps each section in its own chunks, with heading path, anchor, page and language', () => {
    const chunks = chunkDocument({
      url: 'https://help.example.com/billing#top',
      title: 'Billing',
      language: 'en',
      sections: [
        { headingPath: ['Billing'], text: 'How billing works.' },
        { headingPath: ['Billing', 'Refunds'], anchor: 'refunds', page: 2, text: 'Refunds take five days.' },
        { headingPath: ['Billing', 'Empty'], text: '   \n  ' },
      ],
    });
    expect(chunks).toEqual([
      { url: 'https://help.example.com/billing', title: 'Billing', headingPath: ['Billing'], page: null, language: 'en', text: 'How billing works.' },
      { url: 'https://help.example.com/billing#refunds', title: 'Billing', headingPath: ['Billing', 'Refunds'], page: 2, language: 'en', text: 'Refunds take five days.' },
    ]);
  });

  it('caps every chunk at maxChars and overlaps consecutive chunks of a long section', () => {
    const chunks = chunkDocument({ url: 'https://x.test/a', title: 'A', language: 'en', sections: [{ headingPath: ['A'], text: longText }] }, { maxChars: 500, overlapChars: 100 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(500);
    for (let i = 1; i < chunks.length; i++) {
      const prevEnd = chunks[i - 1]!.text.slice(-60);
      expect(chunks[i]!.text.includes(prevEnd.slice(prevEnd.indexOf(' ') + 1))).toBe(true);
    }
    // Nothing is lost: every sentence is whole in at least one chunk.
    for (let i = 0; i < 60; i++) expect(chunks.some((c) => c.text.includes(sentence(i)))).toBe(true);
  });

  it('splits a giant word or an unbroken line without exceeding the cap', () => {
    const chunks = chunkDocument({ url: 'https://x.test/b', title: 'B', language: 'en', sections: [{ headingPath: [], text: 'x'.repeat(2500) }] }, { maxChars: 1000, overlapChars: 100 });
    expect(chunks.map((c) => c.text.length).every((n) => n <= 1000)).toBe(true);
    expect(chunks.map((c) => c.text).join('').replace(/\s/g, '').length).toBeGreaterThanOrEqual(2500);
  });

  it("keeps an instruction's steps with the sentence that introduces them, and list items on their own lines", () => {
    const steps = ['- Open Settings', '- Choose Billing', '- Press Cancel plan, then confirm with the button in the dialog'];
    // The filler ends near the cap, so a split by size alone would fall between the steps.
    const filler = Array.from({ length: 5 }, (_, i) => sentence(i)).join(' ');
    const text = [filler, 'To cancel your plan, do this:', ...steps, filler].join('\n\n');
    const chunks = chunkDocument({ url: 'https://x.test/s', title: 'S', language: 'en', sections: [{ headingPath: [], text }] }, { maxChars: 500, overlapChars: 10 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.some((c) => c.text.includes(['To cancel your plan, do this:', ...steps].join('\n\n')))).toBe(true);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(500);
  });

  it('normalises whitespace but keeps paragraph breaks', () => {
    const [chunk] = chunkDocument({ url: 'https://x.test/c', title: 'C', language: 'en', sections: [{ headingPath: [], text: 'First  line\t here.\r\n\r\n\r\n\r\nSecond\u00a0paragraph.' }] });
    expect(chunk!.text).toBe('First line here.\n\nSecond paragraph.');
  });

  it('detects the language when the document does not say', () => {
    const [chunk] = chunkDocument({ url: 'https://x.test/d', title: 'D', sections: [{ headingPath: [], text: 'Du kan opsige dit abonnement når som helst under indstillinger for din konto.' }] });
    expect(chunk!.language).toBe('da');
  });
});
