import { describe, expect, it } from 'vitest';
import { verifyCitations } from '../../src/services/assistant/citations.js';
import { excerpt, extractiveAnswer } from '../../src/services/assistant/extractive.js';
import type { SearchHit } from '../../src/services/knowledge/types.js';

const hit = (n: number, score: number, text = `Passage ${n} text.`): SearchHit => ({
  score,
  chunk: { id: `c${n}`, sourceId: 's', url: n === 3 ? '' : `https://help.example.com/p${n}`, title: `Page ${n}`, headingPath: n === 2 ? ['Billing', 'Refunds'] : [], page: n === 1 ? 4 : null, language: 'en', text, position: n },
});
const sources = [hit(1, 0.9), hit(2, 0.8), hit(3, 0.2)];

describe('verifyCitations', () => {
  it('keeps only sources that were given, each once, in the order cited', () => {
    expect(verifyCitations([2, '1', 2, 7, 0, -1, 1.5, 'two', null], sources)).toEqual([
      { title: 'Page 2', url: 'https://help.example.com/p2', section: 'Billing › Refunds', page: null },
      { title: 'Page 1', url: 'https://help.example.com/p1', section: '', page: 4 },
    ]);
    expect(verifyCitations([1], [])).toEqual([]);
  });
});

describe('extractiveAnswer', () => {
  it('quotes the best passages, cited and labelled as excerpts, and offers the team', () => {
    const a = extractiveAnswer(sources, 'en');
    expect(a.text).toBe('Here is what I found in our documentation (excerpts):\n\n> Passage 1 text. [1]\n\n> Passage 2 text. [2]\n\nWould you like to ask the team?');
    // The third scored under half of the best: left out.
    expect(a.citations.map((c) => c.title)).toEqual(['Page 1', 'Page 2']);
    expect(a.empty).toBe(false);
  });

  it("answers in the visitor's language, and honestly when nothing matched", () => {
    expect(extractiveAnswer(sources, 'da').text).toMatch(/^Her er, hvad jeg fandt i vores dokumentation \(uddrag\):/);
    expect(extractiveAnswer([], 'de')).toEqual({ text: 'Dazu habe ich in unserer Dokumentation nichts gefunden. Möchten Sie das Team fragen?', citations: [], empty: true });
    expect(extractiveAnswer([], 'pt').text).toBe("I couldn't find this in our documentation. Would you like to ask the team?");
  });

  it('cuts long passages at a sentence, or a word, within the limit', () => {
    const long = `${'First sentence is here. '.repeat(10)}${'word '.repeat(200)}`;
    const cut = excerpt(long, 120);
    expect(cut.length).toBeLessThanOrEqual(120);
    expect(cut.endsWith('.')).toBe(true);
    expect(excerpt('word '.repeat(100), 50)).toMatch(/^(word ){0,9}word…$/);
  });
});
