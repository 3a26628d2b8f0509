/**
 * The insights pages' numbers (issue 7): how long each page takes to render with a busy
 * quarter in the database: 20,000 conversations over 90 days, 5,000 of them handed off, their
 * questions drawn from 150 topics worded in several ways. Sequential requests over loopback, so
 * the time is the server's (queries, grouping, Eta) plus a local round trip.
 */
import type { Container } from '../src/container.js';
import { hashPassword } from '../src/services/team/passwords.js';
import { serve, signIn, summary, withBenchContainer } from './support.js';

const CONVERSATIONS = 20_000;
const HANDOFFS = 5_000;
const TOPICS = 150;
const RENDERS = 20;

const NOUNS = ['invoice', 'password', 'parcel', 'refund', 'subscription', 'plan', 'account', 'address', 'order', 'voucher', 'warranty', 'battery', 'login', 'export', 'report', 'team', 'seat', 'api', 'webhook', 'integration', 'calendar', 'language', 'currency', 'tax', 'receipt'];
const VERBS = ['change', 'cancel', 'download', 'reset', 'find', 'track', 'return', 'upgrade', 'connect', 'delete', 'add', 'remove'];
const FRAMES = ['How do I {v} my {n} {m}?', 'Can I {v} the {n} {m}', '{n} {m}: where to {v} it', 'I need to {v} a {n} for {m}', 'is it possible to {v} {n} {m} today'];
const MODIFIERS = ['pdf', 'norway', 'business', 'mobile', 'yearly', 'shared', 'gift', 'old', 'family', 'trial'];

/**
 * The i-th topic's question in its w-th wording (five sentence frames). Topics share their
 * nouns, verbs and modifiers with many others, as real questions share "invoice" or "account";
 * no two share all three, and each names its own product ("model17").
 */
function question(topic: number, wording: number): string {
  const n = NOUNS[topic % NOUNS.length]!;
  const v = VERBS[topic % VERBS.length]!;
  const m = `${MODIFIERS[topic % MODIFIERS.length]!} model${topic}`;
  return FRAMES[wording % FRAMES.length]!.replace('{v}', v).replace('{n}', n).replace('{m}', m);
}

async function seed(c: Container): Promise<void> {
  const hash = await hashPassword('a long enough password');
  await c.db('organisations').insert({ name: 'Bench', time_zone: 'Europe/Copenhagen' });
  const [admin] = (await c.db('users').insert({ email: 'admin@example.com', name: 'Admin', role: 'admin', password_hash: hash }).returning('id')) as { id: string }[];
  // Conversations spread over 90 days; every fourth handed off.
  await c.db.raw(
    `with v as (insert into visitors (language) select 'en' from generate_series(1, ?) returning id),
          numbered as (select id, row_number() over () as n from v)
     insert into conversations (visitor_id, status, language, created_at, last_message_at)
     select id, case when n % 4 = 0 then 'resolved' else 'bot' end, 'en',
            now() - ((n * 7776000 / ?) || ' seconds')::interval, now()
       from numbered`,
    [CONVERSATIONS, CONVERSATIONS],
  );
  const handed = (await c.db('conversations').where({ status: 'resolved' }).select('id', 'created_at').limit(HANDOFFS)) as { id: string; created_at: Date }[];
  const questions = handed.map((_, i) => question(Math.floor((i * 7919) % TOPICS), i));
  await c.db.raw(
    `insert into messages (conversation_id, author, text, episode, created_at)
     select x.id, 'visitor', x.q, 1, x.at from unnest(?::uuid[], ?::text[], ?::timestamptz[]) as x(id, q, at)`,
    [handed.map((h) => h.id), questions, handed.map((h) => h.created_at)],
  );
  await c.db.raw(
    `insert into messages (conversation_id, author, text, episode, created_at)
     select c.id, 'assistant', 'Here is what I found.', 1, c.created_at + interval '1 second' from conversations c where c.status = 'bot'`,
  );
  const reasons = ['unsure', 'person_request', 'dissatisfied', 'sensitive', 'unsure'];
  await c.db.raw(
    `insert into conversation_events (conversation_id, episode, type, from_status, to_status, data, created_at)
     select x.id, 1, 'hand_off', 'bot', 'queued', jsonb_build_object('reason', x.reason, 'evidence', 'bench'), x.at + interval '2 seconds'
       from unnest(?::uuid[], ?::text[], ?::timestamptz[]) as x(id, reason, at)`,
    [handed.map((h) => h.id), handed.map((_, i) => reasons[i % reasons.length]!), handed.map((h) => h.created_at)],
  );
  await c.db.raw(
    `insert into messages (conversation_id, author, text, user_id, episode, created_at)
     select c.id, 'agent', 'Here is how to do it, step by step.', ?, 1, c.created_at + interval '5 minutes' from conversations c where c.status = 'resolved'`,
    [admin!.id],
  );
  await c.db.raw(
    `insert into conversation_events (conversation_id, episode, type, from_status, to_status, created_at)
     select c.id, 1, 'resolve', 'assigned', 'resolved', c.created_at + interval '20 minutes' from conversations c where c.status = 'resolved'`,
  );
  await c.db.raw('analyze');
}

async function timePage(url: string, cookie: string, expect: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RENDERS + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200 || !body.includes(expect)) throw new Error(`${url} answered ${res.status}`);
    if (i >= 2) times.push(performance.now() - t0);
  }
  return times;
}

export async function insightsBench(): Promise<[string, string][]> {
  return withBenchContainer('insights', {}, async (c) => {
    const rows: [string, string][] = [];
    const t0 = performance.now();
    await seed(c);
    rows.push([`insights: seeded ${CONVERSATIONS} conversations over 90 days, ${HANDOFFS} handoffs on ${TOPICS} topics`, `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
    const review = await c.services.insights.review(await c.services.insights.period({ preset: '90d' }));
    rows.push(['insights: topics found for 90 days (150 seeded)', String(review.topics.length)]);
    const app = await serve(c);
    try {
      const { cookie } = await signIn(app.url, 'admin@example.com');
      for (const [label, path, expect] of [
        ['Insights overview, last 30 days by day', '/insights?preset=30d', 'chart-rates'],
        ['Insights overview, last 90 days by week', '/insights?preset=90d&interval=week', 'chart-rates'],
        ['Escalations by reason and topic, last 90 days', '/insights/escalations?preset=90d', 'By topic'],
        ['Content gaps, last 90 days', '/insights/gaps?preset=90d', 'gap-head'],
        ['Metrics CSV, last 90 days by day', '/insights/metrics.csv?preset=90d', 'period_start'],
      ] as const) {
        rows.push([`${label}, n=${RENDERS}`, summary(await timePage(app.url + path, cookie, expect))]);
      }
    } finally {
      app.server.closeAllConnections();
      app.server.close();
    }
    return rows;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await insightsBench();
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
