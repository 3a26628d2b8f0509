import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { workerDatabaseUrl } from '../support/db.js';

const fixture = (name: string) => `test/fixtures/files/${name}`;
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function admin(env: Record<string, string> = {}) {
  t = await startTestApp({ env });
  return signedInAdmin(t);
}

describe('uploaded documents', () => {
  it('are stored, read in the background and searchable, with PDF page numbers', async () => {
    const { agent, token } = await admin();
    const res = await agent.post('/knowledge/files').field('_csrf', token).attach('file', fixture('manual.pdf'));
    expect(res.status).toBe(303);
    expect((await agent.get(res.headers.location as string)).text).toContain('manual.pdf');
    const run = await t.container.services.knowledge.runNextSync();
    expect(run).toMatchObject({ status: 'succeeded', indexed: 1 });
    const hit = (await t.container.services.knowledge.search('Which identity providers work with SAML?')).hits[0]!;
    expect(hit.chunk).toMatchObject({ title: 'Acme administrator manual', page: 1, url: '' });
    const audit = (await t.container.services.knowledge.search('audit log export CSV')).hits[0]!;
    expect(audit.chunk.page).toBe(2);
  });

  it('reads Word documents at their headings', async () => {
    const { agent, token } = await admin();
    await agent.post('/knowledge/files').field('_csrf', token).attach('file', fixture('shipping.docx'));
    await t.container.services.knowledge.runNextSync();
    const hit = (await t.container.services.knowledge.search('express delivery before noon')).hits[0]!;
    expect(hit.chunk).toMatchObject({ title: 'Shipping guide', headingPath: ['Delivery times', 'Express delivery'] });
  });

  it('reads a file before storing it: a locked PDF, a renamed file or a scan is refused at once, in words, and nothing is created', async () => {
    const { agent, token } = await admin();
    const locked = await agent.post('/knowledge/files').field('_csrf', token).attach('file', fixture('encrypted.pdf'));
    expect(locked.status).toBe(422);
    expect(locked.text).toContain('encrypted.pdf is password protected: save a copy without the password and upload that.');
    const renamed = await agent.post('/knowledge/files').field('_csrf', token).attach('file', Buffer.from('<html><body>Not a PDF at all</body></html>'), 'prices.pdf');
    expect(renamed.status).toBe(422);
    expect(renamed.text).toContain('prices.pdf is not a PDF file (it may be damaged, or another kind of file with a .pdf name).');
    const blank = await agent.post('/knowledge/files').field('_csrf', token).attach('file', Buffer.from('   \n\n  '), 'notes.txt');
    expect(blank.status).toBe(422);
    expect(blank.text).toContain('notes.txt has no text');
    expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 0 });
  });

  it('answers an htmx upload with just the upload card, the error beside the file field', async () => {
    const { agent, token } = await admin();
    const res = await agent.post('/knowledge/files').set('HX-Request', 'true').set('X-CSRF-Token', token).attach('file', Buffer.from('PK...'), 'prices.xlsx');
    expect(res.status).toBe(422);
    expect(res.text.trim().startsWith('<section class="card" id="add-file">')).toBe(true);
    expect(res.text).toMatch(/<p class="field-error" id="file-error">prices\.xlsx: upload PDF/);
    expect(res.text).not.toContain('<html');
  });

  it('refuses unsupported and oversized files at once, and uploads without the CSRF token in their body', async () => {
    const { agent, token } = await admin({ UPLOAD_MAX_MB: '1' });
    const xlsx = await agent.post('/knowledge/files').field('_csrf', token).attach('file', Buffer.from('PK...'), 'prices.xlsx');
    expect(xlsx.status).toBe(422);
    expect(xlsx.text).toContain('prices.xlsx: upload PDF, Word (.docx), Markdown (.md), text (.txt) or HTML.');
    const big = await agent.post('/knowledge/files').field('_csrf', token).attach('file', Buffer.alloc(1.5 * 1024 * 1024, 'a'), 'big.txt');
    expect(big.status).toBe(413);
    expect(big.text).toContain('The file is larger than the 1 MB upload limit.');
    const forged = await agent.post('/knowledge/files').attach('file', fixture('manual.pdf'));
    expect(forged.status).toBe(403);
    // A token in the address is no longer read (it would sit in logs and history).
    const inUrl = await agent.post(`/knowledge/files?_csrf=${encodeURIComponent(token)}`).attach('file', fixture('manual.pdf'));
    expect(inUrl.status).toBe(403);
    expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 0 });
  });
});

describe('PDFs linked from a website', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/manual.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(fs.readFileSync(fixture('manual.pdf')));
      if (req.url === '/locked.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(fs.readFileSync(fixture('encrypted.pdf')));
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><main><h1>Docs</h1><p>Read the <a href="/manual.pdf">manual</a> or the <a href="/locked.pdf">locked one</a> for everything about administration.</p></main></body></html>');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
    base = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('are read with their pages and cited by their URL; an unreadable one is listed with the reason', async () => {
    t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0' } });
    const { knowledge } = t.container.services;
    await knowledge.createWebsite('system', { startUrl: `${base}/` });
    const run = await knowledge.runNextSync();
    expect(run).toMatchObject({ status: 'succeeded', indexed: 2, failed: 1 });
    expect(run!.failures).toEqual([{ url: `${base}/locked.pdf`, reason: 'locked.pdf is password protected: save a copy without the password and upload that.' }]);
    const hit = (await knowledge.search('SAML Okta Azure')).hits[0]!;
    expect(hit.chunk).toMatchObject({ url: `${base}/manual.pdf`, page: 1, title: 'Acme administrator manual' });
  });
});

describe('baton sources add-file', () => {
  it('adds a document that sync --wait reads', async () => {
    t = await startTestApp();
    const env = { ...process.env, DATABASE_URL: await workerDatabaseUrl(), BASE_URL: 'http://baton.test', NODE_ENV: 'test' };
    const run = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env, timeout: 60_000 });
    const added = await run(['sources', 'add-file', fixture('shipping.docx')]);
    const id = /as ([0-9a-f-]{36});/.exec(added.stdout)?.[1];
    expect(id).toBeDefined();
    const synced = await run(['sources', 'sync', id!, '--wait']);
    expect(synced.stdout).toContain('Finished: 1 pages indexed');
    expect((await t.container.services.knowledge.search('return label 30 days')).hits[0]?.chunk.title).toBe('Shipping guide');
  });
});
