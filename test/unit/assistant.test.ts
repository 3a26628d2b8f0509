import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/lib/circuit-breaker.js';
import { AssistantService } from '../../src/services/assistant/assistant-service.js';
import { unsureHandoff } from '../../src/services/conversations/reply.js';
import type { KnowledgeService } from '../../src/services/knowledge/knowledge-service.js';
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
  it('quotes the best passages, cited and labelled as excerpts, without offering the team after an answer', () => {
    const a = extractiveAnswer(sources, 'en');
    expect(a.text).toBe('Here is what I found in our documentation (excerpts):\n\n> Passage 1 text. [1]\n\n> Passage 2 text. [2]');
    // The third scored under half of the best: left out.
    expect(a.citations.map((c) => c.title)).toEqual(['Page 1', 'Page 2']);
    expect(a.empty).toBe(false);
  });

  it("answers in the visitor's language, and honestly when nothing matched", () => {
    expect(extractiveAnswer(sources, 'da').text).toMatch(/^Her er, hvad jeg fandt i vores dokumentation \(uddrag\):/);
    expect(extractiveAnswer([], 'de')).toEqual({ text: 'Dazu habe ich in unserer Dokumentation nichts gefunden. Soll ich das Team fragen? Schreiben Sie einfach „ja“.', citations: [], empty: true });
    expect(extractiveAnswer([], 'pt').text).toBe("I couldn't find this in our documentation. Would you like me to ask the team? Just say yes.");
    // A visitor writing in another language than the content is told why, and once the team
    // has been asked it is not offered again.
    expect(extractiveAnswer([], 'fr', { contentLanguage: 'en' }).text).toBe("Je n'ai pas trouvé cela dans notre documentation, qui est rédigée en anglais. Voulez-vous que je pose la question à l'équipe ? Répondez simplement oui.");
    expect(extractiveAnswer([], 'en', { handedOff: true }).text).toBe("I couldn't find this in our documentation.");
  });

  it('cuts long passages at a sentence, or a word, within the limit', () => {
    const long = `${'First sentence is here. '.repeat(10)}${'word '.repeat(200)}`;
    const cut = excerpt(long, 120);
    expect(cut.length).toBeLessThanOrEqual(120);
    expect(cut.endsWith('.')).toBe(true);
    expect(excerpt('word '.repeat(100), 50)).toMatch(/^(word ){0,9}word…$/);
  });
});

describe('a question nothing answers', () => {
  // A knowledge base of 500 passages that holds none of the question's words.
  const knowledge = {
    search: async (question: string) => ({
      question,
      language: 'de',
      terms: [question.toLowerCase()],
      backend: 'postgres',
      fellBack: false,
      hits: [],
      query: [{ word: question.toLowerCase(), variants: [question.toLowerCase()], df: 0, idf: 8 }],
      pages: [],
      contentLanguage: 'en',
      passages: 500,
    }),
  } as unknown as KnowledgeService;
  const assistant = new AssistantService({ knowledge, breaker: new CircuitBreaker({ threshold: 3, cooldownMs: 1000 }), timeoutMs: 1000, firstTokenMs: 1000, temperature: 0 });

  it('offers the team', async () => {
    const reply = await assistant.answer('xyzzy frobnicate quux', { language: 'en' });
    expect(reply).toMatchObject({ confidence: 'low', offer: true, personRequest: false });
  });

  // Rests on the trained weights ("Servicemitarbeiter" leans 0.5 towards a person, under the
  // 0.6 at which the classifier hands off on its own); after retraining it may need another word.
  it('asks the team as a request for a person when the classifier leans that way, without also offering', async () => {
    const reply = await assistant.answer('Servicemitarbeiter', { language: 'de' });
    expect(reply).toMatchObject({ confidence: 'low', offer: false, personRequest: true });
    expect(reply.text).not.toMatch(/Team fragen/);
    expect(unsureHandoff(reply)).toMatchObject({ reason: 'person_request', evidence: expect.stringContaining('classifier') });
  });

  it('does not lean on a question opening with a question word, nor once the team has it', async () => {
    expect(await assistant.answer('Who is my account manager?', { language: 'en' })).toMatchObject({ offer: true, personRequest: false });
    expect(await assistant.answer('Servicemitarbeiter', { language: 'de', handedOff: true })).toMatchObject({ offer: false, personRequest: false });
  });
});
