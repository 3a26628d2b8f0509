import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { truncateAll, workerDatabaseUrl } from '../support/db.js';
import { csrfFrom } from '../support/app.js';
import { openSse } from '../support/sse.js';

let running: RunningServer | undefined;
afterEach(async () => {
  if (running) {
    await truncateAll(running.container.db);
    await running.stop();
  }
  running = undefined;
});

async function start(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl(), SESSION_SECRET: 's'.repeat(40), PORT: '0', HOST: '127.0.0.1', BASE_URL: 'http://baton.test', ...env });
  return startServer(config, pino({ level: 'silent' }));
}

describe('starting the server', () => {
  it('creates the admin from BATON_ADMIN_* so nobody needs the wizard, and keeps it on restart', async () => {
    const db = await start({});
    await truncateAll(db.container.db);
    await db.stop();

    const env = { BATON_ADMIN_EMAIL: 'ops@example.com', BATON_ADMIN_PASSWORD: 'headless password', BATON_ORG_NAME: 'Acme', BATON_ORG_TIMEZONE: 'Europe/Berlin' };
    running = await start(env);
    const agent = supertest.agent(running.url);
    const login = await agent.get('/setup');
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/login');
    const token = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login').type('form').send({ email: 'ops@example.com', password: 'headless password', _csrf: token });
    expect(res.status).toBe(303);
    expect((await agent.get('/settings/organisation')).text).toContain('<option value="Europe/Berlin" selected');
    await running.stop();

    running = await start({ ...env, BATON_ADMIN_PASSWORD: 'a different password' });
    await expect(running.container.services.auth.authenticate('ops@example.com', 'headless password')).resolves.toMatchObject({ role: 'admin' });
  });

  it('finishes a request that is in flight when it is told to stop, then refuses new ones', async () => {
    const server = await start({});
    let stopped: Promise<void> | undefined;
    // Stop at the moment the server has accepted the request and is working on it.
    server.server.once('request', () => {
      stopped = server.stop();
    });
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ready');
    await stopped;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('ends open live streams when it is told to stop, instead of waiting out the grace period', async () => {
    const server = await start({});
    await truncateAll(server.container.db);
    const visitor = (await (await fetch(`${server.url}/api/v1/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as { token: string };
    const auth = { Authorization: `Bearer ${visitor.token}` };
    const conv = (await (await fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' })).json()) as { id: string };
    const stream = await openSse(`${server.url}/api/v1/conversations/${conv.id}/events`, auth);
    await stream.next((e) => e.event === 'ready');
    // With a minute's grace, a stream left open would hold stop() past this test's timeout.
    const stopping = server.stop(60_000);
    await stream.ended;
    await stopping;
    stream.close();
  }, 15_000);
});

describe('what the console says', () => {
  it('says where to finish setup on a fresh start, and that Baton is ready once set up; a terminal gets readable lines', async () => {
    const lines: string[] = [];
    const sink = { write: (line: string) => void lines.push(line) };
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl(), SESSION_SECRET: 's'.repeat(40), PORT: '0', HOST: '127.0.0.1', BASE_URL: 'http://baton.test' });
    const db = await start({});
    await truncateAll(db.container.db);
    await db.stop();
    running = await startServer(config, pino({ level: 'info' }, sink));
    expect(lines.map((l) => JSON.parse(l).msg)).toContain('Open http://baton.test/ to finish setup');
    await running.container.services.team.createAdmin({ email: 'ops@example.com', password: 'headless password', name: 'Ops' }, { name: 'Acme', timeZone: 'UTC' });
    await running.stop();
    lines.length = 0;
    running = await startServer(config, pino({ level: 'info' }, sink));
    expect(lines.map((l) => JSON.parse(l).msg)).toContain('Baton is ready at http://baton.test/');

    // In a terminal: one readable line per event, no JSON.
    const { createLogger } = await import('../../src/lib/logger.js');
    const { PassThrough } = await import('node:stream');
    const terminal = new PassThrough();
    const written: string[] = [];
    terminal.on('data', (chunk: Buffer) => written.push(chunk.toString()));
    createLogger({ level: 'info', pretty: true, destination: terminal }).info({ port: 3000 }, 'Baton is listening');
    await new Promise((r) => setTimeout(r, 50));
    const shown = written.join('');
    expect(shown).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Baton is listening \{"port":3000\}\n$/);
  });
});
