import os from 'node:os';
import fs from 'node:fs';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionCookie, signIn, startTestApp, type TestApp } from '../support/app.js';
import { freshDatabaseUrl, truncateAll, workerDatabaseUrl } from '../support/db.js';

const run = promisify(execFile);
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function baton(args: string[], env: Record<string, string>) {
  try {
    // vitest (through Vite) sets BASE_URL=/ in its own environment; a real shell would not.
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { ...process.env, BASE_URL: 'http://baton.test', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The CLI with `input` on its standard input (not a terminal), as a script would pipe it. */
function batonWithInput(args: string[], env: Record<string, string>, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, BASE_URL: 'http://baton.test', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the baton CLI', () => {
  it('works on a brand-new database: every command applies the migrations first', async () => {
    const url = await freshDatabaseUrl(`baton_cli_fresh_w${process.env.VITEST_POOL_ID ?? '1'}`);
    const listed = await baton(['sources', 'list'], { DATABASE_URL: url, NODE_ENV: 'test' });
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toContain('No sources yet.');
  });

  it('creates an admin who can then sign in over HTTP, with a new session id at login', async () => {
    t = await startTestApp();
    const env = { DATABASE_URL: await workerDatabaseUrl(), LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    // The password from standard input, not the command line (where it would stay in the shell history).
    const created = await batonWithInput(['admin', 'create', '--email', 'a@example.com', '--name', 'Cli Admin'], env, 'a long cli password\n');
    expect(created.stderr, created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created admin Cli Admin <a@example.com>');

    const agent = t.agent();
    const before = sessionCookie(await agent.get('/login'));
    const res = await signIn(agent, 'a@example.com', 'a long cli password');
    expect(res.status).toBe(303);
    expect(sessionCookie(res)).not.toEqual(before);
    expect((await agent.get('/')).text).toContain('Hello, Cli Admin');

    const again = await baton(['admin', 'create', '--email', 'a@example.com', '--password', 'a long cli password'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    // --password still works, with a word about the shell history.
    expect(again.stderr).toContain('stays in the shell history');
    const empty = await batonWithInput(['admin', 'create', '--email', 'b@example.com'], env, '');
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('no password') });
  });

  it('turns off a locked-out admin\'s two-factor sign-in, recorded in the audit log', async () => {
    t = await startTestApp();
    const env = { DATABASE_URL: await workerDatabaseUrl(), LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    await baton(['admin', 'create', '--email', 'a@example.com', '--password', 'a long cli password'], env);
    const { id } = await t.container.db('users').where({ email: 'a@example.com' }).first('id');
    await t.container.db('user_two_factor').insert({ user_id: id, secret: 'v1.sealed', recovery_codes: [] });
    await t.container.db('users').where({ id }).update({ two_factor_at: new Date() });
    expect((await signIn(t.agent(), 'a@example.com', 'a long cli password')).headers.location).toBe('/login/two-factor');

    const reset = await baton(['admin', 'reset-two-factor', 'A@example.com'], env);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('Two-factor sign-in is off for');
    expect((await signIn(t.agent(), 'a@example.com', 'a long cli password')).headers.location).toBe('/');
    expect(await t.container.db('audit_events').where({ action: 'team.two_factor_reset', actor: 'cli', target: 'a@example.com' })).toHaveLength(1);
    expect((await baton(['admin', 'reset-two-factor', 'nobody@example.com'], env)).code).not.toBe(0);
  });

  it('`ask --json` prints the reply object the API returns: cited excerpts without an LLM key', async () => {
    t = await startTestApp();
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel.' });
    const asked = await baton(['ask', 'How do I cancel my subscription?', '--json'], { DATABASE_URL: await workerDatabaseUrl(), LOG_LEVEL: 'warn', NODE_ENV: 'test', MISTRAL_API_KEY: '' });
    expect(asked.code, asked.stderr).toBe(0);
    const reply = JSON.parse(asked.stdout) as Record<string, unknown>;
    expect(Object.keys(reply).sort()).toEqual(['citations', 'confidence', 'handoff', 'id', 'language', 'mode', 'offer', 'text']);
    expect(reply).toMatchObject({ id: null, mode: 'extractive', handoff: null, citations: [{ title: 'How do I cancel my subscription?', url: '', section: '', page: null }] });
    expect(reply.text).toContain('press Cancel');
  });

  it('`--version` prints the version in package.json, without a database', async () => {
    const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    const printed = await baton(['--version'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(printed).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('`triggers` says which handoff trigger a message fires, without a database', async () => {
    const person = await baton(['triggers', 'Kann ich mit einem Menschen sprechen?', '--json'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(person.code, person.stderr).toBe(0);
    expect(JSON.parse(person.stdout)).toEqual({ kind: 'person_request', evidence: '"mit einem menschen sprechen"' });
    const none = await baton(['triggers', 'How do I contact my customers?'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(none.stdout.trim()).toBe('No trigger: the assistant would answer.');
  });

  it('migrates, reports status, and explains bad input', async () => {
    const url = await workerDatabaseUrl();
    const env = { DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    const migrated = await baton(['migrate'], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/up to date|Applied/);
    const status = await baton(['migrate', '--status'], env);
    expect(status.stdout).toContain('pending (0)');
    const statusJson = JSON.parse((await baton(['migrate', '--status', '--json'], env)).stdout) as { applied: string[]; pending: string[] };
    expect(statusJson.pending).toEqual([]);
    expect(statusJson.applied.length).toBeGreaterThan(10);
    const listed = JSON.parse((await baton(['sources', 'list', '--json'], env)).stdout) as Record<string, unknown>[];
    for (const source of listed) expect(Object.keys(source).sort()).toEqual(['id', 'kind', 'lastError', 'lastSyncedAt', 'name', 'passages', 'status']);

    const weak = await baton(['admin', 'create', '--email', 'b@example.com', '--password', 'short'], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 10 characters');
    const badEmail = await baton(['admin', 'create', '--email', 'nope', '--password', 'long enough pw'], env);
    // Exit codes: 2 for a command used wrongly, 78 for a configuration to fix, 1 for a failure.
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('not an email address');
    expect((await baton(['no-such-command'], env)).code).toBe(2);

    const badConfig = await baton(['migrate'], { ...env, DATABASE_URL: 'mysql://nope' });
    expect(badConfig.code).toBe(78);
    expect(badConfig.stderr).toContain('DATABASE_URL: must be a postgres:// URL');

    // backup writes a file; restore will not replace everything without a terminal or --yes.
    const backupFile = `${os.tmpdir()}/baton-cli-${process.pid}.backup`;
    const backedUp = await baton(['backup', backupFile], env);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/^Backed up \d+ rows of \d+ tables to /);
    const unconfirmed = await baton(['restore', backupFile], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('add --yes');
    expect((await baton(['restore', backupFile, '--yes'], env)).code).toBe(0);
    fs.rmSync(backupFile);

    const help = await baton(['--help'], env);
    expect(help.stdout).toContain('admin');
    expect(help.stdout).toContain('migrate');

    // Leave the worker database empty for whichever file runs next on it.
    const { createDb } = await import('../../src/adapters/storage/db.js');
    const db = createDb(url);
    await truncateAll(db);
    await db.destroy();
  }, 90_000); // six CLI processes, each starting tsx: slow on a loaded 2-core machine

  it("exports a visitor's data as JSON and erases it only with --yes when not in a terminal, each in the audit log", async () => {
    t = await startTestApp();
    const env = { DATABASE_URL: await workerDatabaseUrl(), LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    const { conversations, visitors } = t.container.services;
    const { visitor } = await visitors.createVisitor();
    const ann = await visitors.identify(visitor, { email: 'ann@example.com', name: 'Ann' });
    const conversation = await conversations.start(ann);
    await conversations.receive(ann, conversation.id, { text: 'Where is my parcel 123?' });

    const exported = await baton(['visitor', 'export', 'ann@example.com'], env);
    expect(exported.stderr).toBe('');
    const data = JSON.parse(exported.stdout) as { visitors: { name: string }[]; conversations: { messages: { text: string }[] }[] };
    expect(data.visitors[0]!.name).toBe('Ann');
    expect(data.conversations[0]!.messages[0]!.text).toBe('Where is my parcel 123?');

    // No terminal to confirm in: nothing happens without --yes.
    const unconfirmed = await baton(['visitor', 'erase', 'ann@example.com'], env);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('This would erase 1 visitor record(s), 1 conversation(s) with 1 message(s)');
    expect(await t.container.db('visitors').where({ id: ann.id }).first()).toBeDefined();

    const erased = await baton(['visitor', 'erase', 'ann@example.com', '--yes'], env);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('Erased 1 visitor record(s), 1 conversation(s), 1 message(s)');
    expect(await t.container.db('visitors').where({ id: ann.id }).first()).toBeUndefined();
    const missing = await baton(['visitor', 'erase', 'ann@example.com', '--yes'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Baton holds nothing for ann@example.com');

    const log = (await t.container.db('audit_events').orderBy('id').select('action', 'actor', 'target')) as { action: string; actor: string; target: string }[];
    // Looking at what would be erased is recorded as a lookup, like the admin's in Settings › Privacy.
    expect(log.filter((e) => e.action !== 'visitor.looked_up')).toEqual([
      { action: 'visitor.exported', actor: 'cli', target: 'a**@example.com' },
      { action: 'visitor.erased', actor: 'cli', target: 'a**@example.com' },
    ]);
    expect(log.filter((e) => e.action === 'visitor.looked_up').every((e) => e.actor === 'cli' && e.target === 'a**@example.com')).toBe(true);
  }, 90_000);
});
