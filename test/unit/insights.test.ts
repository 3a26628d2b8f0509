import { describe, expect, it } from 'vitest';
import { chart, formatValue, niceMax, ticks } from '../../src/lib/charts.js';
import { createViews } from '../../src/lib/views.js';
import { questionOf } from '../../src/services/conversations/question.js';
import { groupByTopic, similarity, termWeights } from '../../src/services/insights/topics.js';

const q = (id: string, terms: string[]) => ({ id, terms });

describe('groupByTopic', () => {
  it('puts paraphrases together (through a question they both resemble), keeps other topics apart, and the empty ones by themselves', () => {
    const items = [
      q('a', ['export', 'invoic', 'pdf']),
      q('b', ['ship', 'norway']),
      q('c', ['invoic', 'pdf']),
      q('d', ['download', 'format', 'invoic', 'pdf']),
      q('e', []),
      q('f', ['ship', 'norway', 'cost']),
      q('g', ['refund', 'order', '1042']),
    ];
    expect(groupByTopic(items).map((g) => g.map((i) => i.id))).toEqual([['a', 'c', 'd'], ['b', 'f'], ['g'], ['e']]);
  });

  it('does not merge questions that share only a common word', () => {
    const items = [q('a', ['account', 'delet']), q('b', ['account', 'password', 'reset']), q('c', ['account', 'invoic', 'address']), q('d', ['account', 'export'])];
    expect(groupByTopic(items)).toHaveLength(4);
  });

  it('weighs rare words more than common ones', () => {
    const sets = [q('1', ['account', 'delet']), q('2', ['account', 'export']), q('3', ['account', 'login']), q('4', ['delet', 'data'])];
    const w = termWeights(sets);
    expect(w('delet')).toBeGreaterThan(w('account'));
    // Sharing the rare word counts for more than sharing the common one.
    expect(similarity(['account', 'delet'], ['delet', 'data'], w)).toBeGreaterThan(similarity(['account', 'delet'], ['account', 'export'], w));
    expect(similarity([], [], w)).toBe(0);
  });
});

describe('questionOf', () => {
  it('reads the question from before "a person please" or "that didn’t help", and gives none when only a person was asked for', () => {
    const messages = (...texts: string[]) => ({ visitorMessages: texts.map((text, i) => ({ id: String(i), text })) });
    expect(questionOf(messages('a human please', 'How do I export invoices?'))).toBe('How do I export invoices?');
    expect(questionOf(messages("that didn't help", 'Where is my parcel?'))).toBe('Where is my parcel?');
    // A request for a person that carries its own question is the question.
    expect(questionOf(messages('I want to talk to someone about my invoice from March being wrong'))).toBe('I want to talk to someone about my invoice from March being wrong');
    expect(questionOf(messages('agent please'))).toBeNull();
    expect(questionOf(messages())).toBeNull();
  });
});

describe('charts', () => {
  const views = createViews({ cache: false });
  const render = (c: ReturnType<typeof chart>) => views.render('partials/insights/chart', { chart: c, format: formatValue });

  it('escape their labels, series names, titles and summaries', () => {
    const evil = '<img src=x onerror=alert(1)>';
    for (const kind of ['bars', 'stacked', 'line', 'hbars'] as const) {
      const html = render(chart({ id: 'x', kind, title: `${evil} title`, summary: `${evil} summary`, labels: [`${evil} label`, 'b'], series: [{ name: `${evil} series`, values: [3, 1] }, { name: 'other', values: [1, null] }] }));
      expect(html, kind).not.toContain('<img');
      expect(html, kind).toContain('&lt;img src=x onerror=alert(1)&gt; label');
      expect(html, kind).toContain('&lt;img src=x onerror=alert(1)&gt; title');
      expect(html, kind).toContain('role="img"');
    }
  });

  it('draw bars to scale, stack them, break lines at gaps, and say so when there is nothing', () => {
    const bars = chart({ id: 'b', kind: 'bars', title: 't', summary: 's', labels: ['a', 'b'], series: [{ name: 'n', values: [10, 5] }] });
    expect(bars.bars).toHaveLength(2);
    expect(bars.bars[0]!.h).toBeCloseTo(bars.bars[1]!.h * 2, 5);
    const stacked = chart({ id: 's', kind: 'stacked', title: 't', summary: 's', labels: ['a'], series: [{ name: 'x', values: [2] }, { name: 'y', values: [3] }] });
    expect(stacked.bars[1]!.y + stacked.bars[1]!.h).toBeCloseTo(stacked.bars[0]!.y, 5);
    const line = chart({ id: 'l', kind: 'line', unit: 'percent', title: 't', summary: 's', labels: ['a', 'b', 'c', 'd'], series: [{ name: 'n', values: [50, null, 20, 30] }] });
    expect(line.lines[0]!.d.match(/M/g)).toHaveLength(2);
    expect(line.yTicks.at(-1)!.label).toBe('100%');
    expect(chart({ id: 'e', kind: 'bars', title: 't', summary: 's', labels: ['a'], series: [{ name: 'n', values: [0] }] }).empty).toBe(true);
    expect(render(chart({ id: 'e', kind: 'bars', title: 't', summary: 's', labels: ['a'], series: [{ name: 'n', values: [0] }] }))).toContain('Nothing in this period yet.');
  });

  it('choose round axis ends and readable values', () => {
    expect([niceMax(0), niceMax(7), niceMax(13), niceMax(101)]).toEqual([1, 10, 20, 200]);
    // Counts and minutes get whole ticks, even for tiny numbers.
    expect(chart({ id: 'c', kind: 'bars', title: 't', summary: 's', labels: ['a'], series: [{ name: 'n', values: [1] }] }).yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect([ticks(10), ticks(20)]).toEqual([[0, 2, 4, 6, 8, 10], [0, 5, 10, 15, 20]]);
    expect([formatValue(null), formatValue(12.4, 'minutes'), formatValue(150, 'minutes'), formatValue(66.66, 'percent')]).toEqual(['–', '12 min', '2.5 h', '67%']);
  });
});
