import { afterEach, describe, expect, it } from 'vitest';
import { BatonMetrics } from '../../src/adapters/metrics/prometheus.js';
import type { ChatModel } from '../../src/services/ports.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const TOKEN = 'metrics-token-0123456789abcdef';

/** One sample's value from the exposition text, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN, nor for a scraper without the token', async () => {
    t = await startTestApp();
    expect((await t.agent().get('/metrics')).status).toBe(404);
    await t.close();
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
    expect((await t.agent().get('/metrics')).status).toBe(404);
    expect((await t.agent().get('/metrics').set('Authorization', 'Bearer not-the-token-at-all-000')).status).toBe(404);
    expect((await t.agent().get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('counts messages, handoffs by reason and searches, and reads the outbox and live streams', async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
    const api = t.agent();
    const { token } = (await api.post('/api/v1/visitors').send({})).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({})).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I export my invoices?', clientId: 'm1' }).expect(201);
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Can I talk to a human please?', clientId: 'm2' }).expect(201);

    const res = await t.agent().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'baton_messages_total', 'author="visitor"')).toBe(2);
    // The first was answered (with excerpts, no LLM here); the second handed off with a notice.
    expect(sample(text, 'baton_messages_total', 'author="assistant"')).toBe(1);
    expect(sample(text, 'baton_handoffs_total', 'reason="person_request"')).toBe(1);
    expect(sample(text, 'baton_conversation_transitions_total', 'transition="hand_off"')).toBe(1);
    expect(sample(text, 'baton_search_duration_seconds_count', 'backend="postgres",outcome="ok"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'baton_live_streams', 'holder="visitor"')).toBe(0);
    expect(text).toMatch(/^baton_outbox_emails\{state="\w+"\} \d+$/m);
    expect(text).toMatch(/^baton_process_resident_memory_bytes \d+/m);
  });
});

describe('the LLM, timed', () => {
  it('counts requests by outcome and the tokens the model reports, streamed or not', async () => {
    const metrics = new BatonMetrics({ outbox: async () => ({}) });
    let fail = false;
    const chat: ChatModel = {
      complete: async () => {
        if (fail) throw new Error('429');
        return { text: '{}', promptTokens: 100, completionTokens: 20 };
      },
      async *stream(request) {
        yield 'Hel';
        yield 'lo';
        request.onUsage?.({ promptTokens: 50, completionTokens: 5 });
      },
    };
    const timed = metrics.timeChat(chat);
    await timed.complete({ messages: [] });
    let usage = 0;
    for await (const _piece of timed.stream({ messages: [], onUsage: (u) => (usage = u.completionTokens) })) void _piece;
    expect(usage).toBe(5);
    fail = true;
    await expect(timed.complete({ messages: [] })).rejects.toThrow('429');
    const text = (await metrics.render()).body;
    expect(sample(text, 'baton_llm_request_duration_seconds_count', 'kind="chat",outcome="ok"')).toBe(2);
    expect(sample(text, 'baton_llm_request_duration_seconds_count', 'kind="chat",outcome="failed"')).toBe(1);
    expect(sample(text, 'baton_llm_tokens_total', 'kind="chat"')).toBe(175);
  });
});

describe('the Grafana dashboard', () => {
  it('asks only for metrics Baton exposes', async () => {
    const fs = await import('node:fs');
    const dashboard = JSON.parse(fs.readFileSync('docs/grafana/baton.json', 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exposed = new Set((await new BatonMetrics({ outbox: async () => ({}) }).registry.getMetricsAsJSON()).map((m) => m.name));
    const asked = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\b(baton_\w+?)(?:_bucket|_count|_sum)?\b[{[)]/g)].map((m) => m[1]!)));
    expect(asked.length).toBeGreaterThan(10);
    for (const name of asked) expect(exposed.has(name), name).toBe(true);
  });
});
