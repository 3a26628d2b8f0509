import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { loadConfig, type Env } from '../../src/config.js';
import { createContainer, type Container, type ContainerOverrides } from '../../src/container.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { hashPassword } from '../../src/services/team/passwords.js';
import type { Role, User } from '../../src/services/team/types.js';
import { truncateAll, workerDatabaseUrl } from './db.js';

export interface TestApp {
  container: Container;
  app: ReturnType<typeof createApp>;
  /** Every log line written while the app ran, parsed. */
  logs: Record<string, unknown>[];
  agent(): supertest.Agent;
  close(): Promise<void>;
}

/**
 * Env for a mail server that is set but not listening: visitors are offered email and emails are
 * queued, for tests that read the outbox and never dispatch it.
 */
export const MAIL_SET = { SMTP_HOST: '127.0.0.1', SMTP_PORT: '1' } as const;

/** A real app on this worker's real, migrated and (unless keepData) emptied database. */
export async function startTestApp(opts: { env?: Env; overrides?: ContainerOverrides; keepData?: boolean } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: await workerDatabaseUrl(),
    SESSION_SECRET: 'test-secret-test-secret-test-secret-1234',
    DATA_DIR: dataDir,
    BASE_URL: 'http://baton.test',
    ...opts.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  // The production logger's settings (its redaction included), writing where the test can read.
  const logger = createLogger({ level: 'info', destination: sink });
  const container = await createContainer(config, logger, opts.overrides);
  await container.migrate();
  // keepData: a second replica joining the first one's database.
  if (!opts.keepData) await truncateAll(container.db);
  const app = createApp(container);
  return {
    container,
    app,
    logs,
    agent: () => supertest.agent(app),
    async close() {
      await container.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Inserts a user directly (skipping the UI) for tests about something else. */
export async function createUser(t: TestApp, u: { email: string; password?: string; name?: string; role?: Role; active?: boolean }): Promise<User> {
  const { organisations, users } = {
    organisations: t.container.db('organisations'),
    users: t.container.db('users'),
  };
  if (!(await organisations.clone().first())) await organisations.clone().insert({ name: 'Acme', time_zone: 'Europe/Copenhagen' });
  const [row] = await users
    .insert({
      email: u.email,
      name: u.name ?? u.email.split('@')[0],
      role: u.role ?? 'agent',
      active: u.active ?? true,
      password_hash: await hashPassword(u.password ?? 'a long enough password'),
    })
    .returning('id');
  const user = await t.container.services.auth.userForSession((row as { id: string }).id);
  return user ?? ({ id: (row as { id: string }).id } as User);
}

/** The CSRF token a page carries (meta tag or hidden field). */
export function csrfFrom(html: string): string {
  const m = /name="csrf-token" content="([^"]+)"/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token in page');
  return m[1];
}

export async function csrfFor(agent: supertest.Agent, pagePath = '/login'): Promise<string> {
  const res = await agent.get(pagePath);
  return csrfFrom(res.text);
}

export function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((c) => c.startsWith('baton.sid='))?.split(';')[0];
}

export async function signIn(agent: supertest.Agent, email: string, password = 'a long enough password') {
  const _csrf = await csrfFor(agent, '/login');
  return agent.post('/login').type('form').send({ email, password, _csrf });
}

/** An admin (ada@example.com), signed in, with a CSRF token taken from `tokenPage`. */
export async function signedInAdmin(t: TestApp, tokenPage = '/knowledge') {
  const user = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
  const agent = t.agent();
  await signIn(agent, 'ada@example.com');
  return { user, agent, token: await csrfFor(agent, tokenPage) };
}

/** A signed-in teammate, with `post` sending htmx form posts carrying the CSRF token. */
export async function signedInTeammate(t: TestApp, email: string, name: string, role: Role = 'agent') {
  const user = await createUser(t, { email, name, role });
  const agent = t.agent();
  const login = await signIn(agent, email);
  const token = await csrfFor(agent, '/inbox');
  const post = (path: string, body: Record<string, string> = {}) => agent.post(path).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send(body);
  return { user, agent, post, cookie: sessionCookie(login)! };
}
