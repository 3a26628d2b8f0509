import { describe, expect, it } from 'vitest';
import { classify, featuresOf, type HandoffModel } from '../../src/services/assistant/triggers/classifier.js';

// A hand-made model, so what is tested is the mechanism (features, the sum over categories,
// length normalisation, evidence), not what the trained weights happen to say.
const model = (weights: Record<string, number[]>, norm = 0): HandoffModel => ({
  labels: ['none', 'person', 'billing_dispute', 'refund_chargeback'],
  scale: 1000,
  bias: [2000, 0, 0, 0],
  weights,
  norm,
  thresholds: { person: 0.7, sensitive: 0.7, veto: 0.95 },
});

describe('the handoff classifier', () => {
  it('reads words, five-letter beginnings and neighbouring pairs, accents and case folded', () => {
    expect(featuresOf('Refunded TWICE')).toEqual(['refunded', 'refun~', 'twice', 'refunded twice']);
    expect(featuresOf('Rückerstattung!')).toContain('ruckerstattung');
  });

  it('bounds what a long message costs', () => {
    expect(featuresOf('word '.repeat(5000)).length).toBeLessThan(5);
    expect(featuresOf(Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ')).length).toBeLessThanOrEqual(800);
  });

  it('is none when nothing it knows is said', () => {
    expect(classify('how do I export a note', undefined, model({ human: [0, 3000, 0, 0] }))).toMatchObject({ kind: 'none', words: [] });
  });

  it('asks for a person on the words that weigh towards it, and says which', () => {
    const v = classify('can I talk to a human', undefined, model({ human: [0, 4000, 0, 0], talk: [0, 1500, 0, 0], can: [0, 0, 0, 0] }));
    expect(v.kind).toBe('person');
    expect(v.probability).toBeGreaterThan(0.9);
    expect(v.words).toEqual(['human', 'talk']);
  });

  it('sums the sensitive categories: split between two, the message is still sensitive', () => {
    const m = model({ charged: [0, 0, 1800, 0], money: [0, 0, 0, 1800] });
    const v = classify('you charged me, I want my money', undefined, m);
    expect(v.kind).toBe('sensitive');
    expect(['billing_dispute', 'refund_chargeback']).toContain(v.category);
    // Each category alone is less likely than none; together they are more.
    expect(v.probability).toBeGreaterThan(0.5);
  });

  it('counts only the enabled categories: one turned off adds nothing and is never the category', () => {
    const m = model({ charged: [0, 0, 1800, 0], money: [0, 0, 0, 1800] });
    expect(classify('you charged me, I want my money', new Set(['billing_dispute']), m).kind).toBe('none');
    const leaning = model({ charged: [0, 0, 2500, 3000] });
    expect(classify('you charged me', undefined, leaning)).toMatchObject({ kind: 'sensitive', category: 'refund_chargeback' });
    expect(classify('you charged me', new Set(['billing_dispute']), leaning)).toMatchObject({ kind: 'sensitive', category: 'billing_dispute' });
  });

  it('reads a stranger\'s "constructor" or "__proto__" as an unknown word, not as the model\'s', () => {
    const v = classify('constructor __proto__ hasOwnProperty toString', undefined, model({}));
    expect(v.kind).toBe('none');
    expect(Number.isFinite(v.probability)).toBe(true);
  });

  it('with normalisation, many weak words in a long story do not add up to a verdict', () => {
    const weights = { account: [0, 0, 400, 0] };
    const story = `account ${'lorem ipsum dolor sit amet '.repeat(6)}account`;
    expect(classify(story, undefined, model(weights, 0)).kind).toBe('none');
    const heavy = { account: [0, 0, 4000, 0] };
    expect(classify('account', undefined, model(heavy, 0.5)).kind).toBe('sensitive');
    expect(classify(`account ${'lorem ipsum dolor sit amet '.repeat(20)}`, undefined, model(heavy, 0.5)).kind).toBe('none');
  });
});
