import { describe, expect, it } from 'vitest';
import { agentDraft } from '../../src/services/assistant/drafts.js';
import { bestExcerpt, type ExcerptTerm } from '../../src/services/assistant/excerpts.js';
import { extractiveAnswer } from '../../src/services/assistant/extractive.js';
import type { SearchHit } from '../../src/services/knowledge/types.js';
import { termOf } from '../../src/lib/text-analysis.js';

const terms = (...words: string[]): ExcerptTerm[] => words.map((w) => ({ variants: [termOf(w, 'en')], idf: 1 }));
const filler = 'This paragraph is about something else entirely and goes on for a while to take up room.';

describe('bestExcerpt', () => {
  it('quotes the sentences around the question words, not the beginning of the passage', () => {
    const text = `${filler} ${filler} ${filler}\n\nTo export your notes, open File and choose Export. Exports are written as Markdown files.\n\n${filler} ${filler}`;
    const quoted = bestExcerpt(text, terms('export', 'notes'), 'en', 200);
    expect(quoted.startsWith('To export your notes, open File and choose Export.')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(200);
  });

  it('never ends on "Here\'s how." or a colon: the steps after it come too, one per line', () => {
    const text = `${filler}\n\nYou can turn on the debug flag in the browser. Here's how.\n\n- Open the settings page\n\n- Press Advanced\n\n- Tick Debug\n\n${filler}`;
    const quoted = bestExcerpt(text, terms('debug', 'flag', 'browser'), 'en', 220);
    expect(quoted).toContain("Here's how.\n- Open the settings page\n- Press Advanced\n- Tick Debug");
    const colon = bestExcerpt(`${filler}\n\nRun this to reset the cache:\n\nnpm run reset-cache\n\n${filler}`, terms('reset', 'cache'), 'en', 120);
    expect(colon).toContain('Run this to reset the cache:\nnpm run reset-cache');
  });

  it('keeps code and a list written without blank lines as lines, and hard-wrapped prose as prose', () => {
    const code = bestExcerpt('Start the server with:\n\ndocker compose up -d\ncurl localhost:3000/healthz', terms('server'), 'en', 300);
    expect(code).toBe('Start the server with:\ndocker compose up -d\ncurl localhost:3000/healthz');
    const wrapped = bestExcerpt('Sync runs every five minutes on the desktop\napp and every thirty minutes on mobile.', terms('sync'), 'en', 300);
    expect(wrapped).toBe('Sync runs every five minutes on the desktop app and every thirty minutes on mobile.');
  });

  it('stays within the limit: a list too long is cut between items, one long sentence at a word', () => {
    const steps = Array.from({ length: 30 }, (_, i) => `- Step ${i + 1} of the long install procedure`).join('\n\n');
    const quoted = bestExcerpt(`Install it like this:\n\n${steps}`, terms('install'), 'en', 200);
    expect(quoted.length).toBeLessThanOrEqual(200);
    expect(quoted).toMatch(/^Install it like this:\n- Step 1 of the long install procedure\n/);
    expect(quoted.endsWith('\n…')).toBe(true);
    const sentence = bestExcerpt(`${'very '.repeat(100)}long sentence.`, terms('sentence'), 'en', 80);
    expect(sentence.length).toBeLessThanOrEqual(80);
    expect(sentence.endsWith('…')).toBe(true);
  });

  it('quotes the items of a long list around the one that matters, with the list\'s introduction', () => {
    const items = Array.from({ length: 20 }, (_, i) => `- Setting number ${i + 1} does something ordinary`);
    items[14] = '- Proxy: the address of the proxy server to use';
    const quoted = bestExcerpt(`These settings exist:\n\n${items.join('\n\n')}`, terms('proxy'), 'en', 200);
    expect(quoted).toMatch(/^These settings exist:\n…\n/);
    expect(quoted).toContain('- Proxy: the address of the proxy server to use');
    expect(quoted.length).toBeLessThanOrEqual(200);
  });

  it('starts at the beginning when no question word is in the passage', () => {
    expect(bestExcerpt('First sentence here. Second one.', terms('unrelated'), 'en', 20)).toBe('First sentence here.');
  });
});

const hit = (n: number, text: string): SearchHit => ({
  score: 1,
  chunk: { id: `c${n}`, sourceId: 's', url: `https://help.example.com/p${n}#steps`, title: `Page ${n}`, headingPath: ['Setup'], page: null, language: 'en', text, position: n },
});

describe('extractive replies and drafts', () => {
  it('quotes every line of a multi-line excerpt, so a list stays inside its quote', () => {
    const a = extractiveAnswer([hit(1, 'Do this:\n\n- one\n\n- two')], 'en', { terms: terms('one') });
    expect(a.text).toBe('Here is what I found in our documentation (excerpts):\n\n> Do this:\n> - one\n> - two [1]');
  });

  it("gives an agent plain text with each page's link, no quote marks and no citation numbers", () => {
    const a = extractiveAnswer([hit(1, 'Do this:\n\n- one\n\n- two')], 'en', { terms: terms('one'), forAgent: true, handedOff: true });
    expect(a.text).toBe('Do this:\n- one\n- two\nPage 1 › Setup: https://help.example.com/p1#steps');
    expect(a.text).not.toMatch(/^>|\[\d\]/m);
  });

  it("turns the model's answer into a draft: numbers become links, quotes and team offers go", () => {
    const citations = [{ title: 'Billing', url: 'https://help.example.com/billing', section: '', page: null }];
    const draft = agentDraft("> Open Billing and press Cancel [1].\nYour data stays for 60 days [1][2]. Would you like me to ask the team? Just say yes.", citations);
    expect(draft).toBe('Open Billing and press Cancel.\nYour data stays for 60 days.\n\nBilling: https://help.example.com/billing');
    expect(agentDraft('Nothing cited here.', [])).toBe('Nothing cited here.');
  });
});
