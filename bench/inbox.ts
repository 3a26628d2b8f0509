/**
 * The inbox's numbers (issue 5):
 *   - inbox list render, p50/p95, with 10,000 conversations (40,000 messages) in the database:
 *     the full page of each queue, and a search across messages; sequential requests over
 *     loopback, so the time is the server's (session, queries, Eta) plus a local round trip;
 *   - live-update latency: from the start of a visitor's POST to the moment the agent's open
 *     stream carries the message, on the same replica and across two replicas (two containers
 *     on one Postgres, the second one's agent listening through LISTEN/NOTIFY).
 */
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createContainer, type Container } from '../src/container.js';
import { hashPassword } from '../src/services/team/passwords.js';
import { openSse } from '../test/support/sse.js';
import { serve, signIn, summary, withBenchContainer } from './support.js';

const CONVERSATIONS = 10_000;
const MESSAGES_EACH = 4;
const RENDERS = 200;
const LIVE_SAMPLES = 100;
const NO_LIMITS = { WIDGET_VISITOR_MESSAGES_PER_MINUTE: '100000', WIDGET_IP_MESSAGES_PER_MINUTE: '1000000', WIDGET_NEW_VISITORS_PER_IP_PER_HOUR: '1000000', WIDGET_CONVERSATIONS_PER_IP_PER_HOUR: '1000000' };

/** 10,000 conversations in every status, with handoff reasons, four messages each, five agents. */
async function seed(c: Container): Promise<{ agentIds: string[] }> {
  const hash = await hashPassword('a long enough password');
  await c.db('organisations').insert({ name: 'Bench', time_zone: 'Europe/Copenhagen' });
  const agents = await c.db('users')
    .insert([0, 1, 2, 3, 4].map((i) => ({ email: `agent${i}@example.com`, name: `Agent ${i}`, role: i === 0 ? 'admin' : 'agent', password_hash: hash })))
    .returning('id');
  const agentIds = (agents as { id: string }[]).map((a) => a.id);
  await c.db.raw(
    `with v as (
       insert into visitors (email, language)
       select 'visitor' || g || '@example.com', 'en' from generate_series(1, ?) g
       returning id, email
     ), numbered as (select id, row_number() over () as n from v)
     insert into conversations (visitor_id, status, language, page_url, handoff, assigned_to, queued_at, assigned_at, resolved_at,
                                last_message_at, last_message_author, last_message_preview, last_visitor_message_at, created_at)
     select id,
            (array['bot', 'queued', 'assigned', 'resolved', 'resolved'])[1 + n % 5],
            'en', 'https://shop.example/help',
            case when n % 5 = 0 then null else jsonb_build_object('reason', (array['person_request', 'sensitive', 'unsure', 'dissatisfied'])[1 + n % 4], 'evidence', 'bench', 'at', now()) end,
            case when n % 5 = 2 then (?::uuid[])[1 + n % 5] end,
            case when n % 5 <> 0 then now() - (n || ' minutes')::interval end,
            case when n % 5 = 2 then now() - (n || ' minutes')::interval end,
            case when n % 5 >= 3 then now() - (n || ' seconds')::interval end,
            now() - (n || ' seconds')::interval, 'visitor', 'My order ' || n || ' never arrived, can someone help', now() - (n || ' seconds')::interval,
            now() - (n || ' minutes')::interval
       from numbered`,
    [CONVERSATIONS, `{${agentIds.join(',')}}`],
  );
  await c.db.raw(
    `insert into messages (conversation_id, author, text, created_at)
     select c.id, (array['visitor', 'assistant', 'visitor', 'system'])[k],
            (array['How do I cancel my subscription', 'Open Settings, then Plan, and press Cancel.', 'My order never arrived, can someone help, ref ' || left(c.id::text, 8), 'A teammate will reply here.'])[k],
            c.created_at + (k || ' seconds')::interval
       from conversations c cross join generate_series(1, ?) k`,
    [MESSAGES_EACH],
  );
  await c.db.raw('analyze');
  return { agentIds };
}

async function timeRenders(url: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RENDERS + 10; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200 || !body.includes('inbox-list')) throw new Error(`${url} answered ${res.status}`);
    if (i >= 10) times.push(performance.now() - t0);
  }
  return times;
}

/** From the start of the visitor's POST until the agent's stream carries that message. */
async function liveLatency(postTo: string, streamFrom: string, cookie: string, c: Container): Promise<number[]> {
  const created = await fetch(`${postTo}/api/v1/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const { token } = (await created.json()) as { token: string };
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const conv = (await (await fetch(`${postTo}/api/v1/conversations`, { method: 'POST', headers: auth, body: '{}' })).json()) as { id: string };
  // Assigned, so the AI stays out of it: what is timed is storing, publishing and delivering.
  await c.db('conversations').where({ id: conv.id }).update({ status: 'assigned', assigned_to: (await c.db('users').first('id')).id });
  const stream = await openSse(`${streamFrom}/inbox/stream?conversation=${conv.id}`, { cookie });
  await stream.next((e) => e.event === 'ready');
  const times: number[] = [];
  try {
    for (let i = 0; i < LIVE_SAMPLES + 5; i++) {
      const marker = `live-${i}-${Math.random().toString(36).slice(2)}`;
      const t0 = performance.now();
      const arrived = stream.next((e) => e.data.includes(marker), 10_000);
      const res = await fetch(`${postTo}/api/v1/conversations/${conv.id}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text: `Still waiting ${marker}` }) });
      if (res.status !== 201) throw new Error(`message answered ${res.status}`);
      await arrived;
      if (i >= 5) times.push(performance.now() - t0);
    }
  } finally {
    stream.close();
  }
  // Closing the stream records that the agent left; let that finish before the pools close.
  for (let i = 0; i < 100 && (await c.db('conversation_reads').where({ conversation_id: conv.id }).whereNotNull('viewing_at').first()); i++) await new Promise((r) => setTimeout(r, 20));
  return times;
}

export async function inboxBench(): Promise<[string, string][]> {
  return withBenchContainer('inbox', NO_LIMITS, async (c) => {
    const rows: [string, string][] = [];
    const t0 = performance.now();
    await seed(c);
    rows.push([`inbox: seeded ${CONVERSATIONS} conversations, ${CONVERSATIONS * MESSAGES_EACH} messages`, `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
    const a = await serve(c);
    // A second replica on the same database: its own container, pools and LISTEN connection.
    const replica = await createContainer(loadConfig({ DATABASE_URL: c.config.databaseUrl!, DATA_DIR: c.config.dataDir, SESSION_SECRET: 'b'.repeat(40), ...NO_LIMITS }), pino({ level: 'silent' }));
    const b = await serve(replica);
    try {
      const { cookie } = await signIn(a.url, 'agent0@example.com');
      for (const [label, path] of [
        ['inbox list, Waiting (oldest first)', '/inbox?queue=waiting'],
        ['inbox list, All open', '/inbox?queue=open'],
        ['inbox list, Mine', '/inbox?queue=mine'],
        ['inbox list, Resolved', '/inbox?queue=resolved'],
        ['inbox list fragment, search "arrived" in messages', '/inbox/list?queue=open&q=arrived'],
      ] as const) {
        rows.push([`${label}, ${CONVERSATIONS} conversations, n=${RENDERS}`, summary(await timeRenders(a.url + path, cookie))]);
      }
      rows.push([`live update, visitor POST → agent stream, same replica, n=${LIVE_SAMPLES}`, summary(await liveLatency(a.url, a.url, cookie, c))]);
      rows.push([`live update, visitor POST → agent stream, across replicas, n=${LIVE_SAMPLES}`, summary(await liveLatency(a.url, b.url, cookie, c))]);
    } finally {
      a.server.closeAllConnections();
      b.server.closeAllConnections();
      a.server.close();
      b.server.close();
      // Closed streams still publish "the agent left" (one NOTIFY each); let those finish first.
      await new Promise((r) => setTimeout(r, 300));
      await replica.close();
    }
    return rows;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await inboxBench();
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
