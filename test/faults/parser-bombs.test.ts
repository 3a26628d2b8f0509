import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { docxBomb } from '../support/bombs.js';

let t: TestApp | undefined;
let server: Awaited<ReturnType<typeof listen>> | undefined;
afterEach(async () => {
  await server?.close();
  await t?.close();
  t = undefined;
  server = undefined;
});

/**
 * A 1 MB .docx that inflates to hundreds of MB ran the server out of memory, and the queue
 * brought it back after each restart. Its directory gives it away before anything is inflated;
 * one that stays within them is read in a worker with a memory limit and fails alone, with
 * the reason, while the server keeps answering.
 */
describe('a document built to exhaust memory', () => {
  it('is refused from its zip directory when it says it inflates hundreds of times', async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_MB: '20' } });
    const { knowledge } = t.container.services;
    // Read before it is stored (issue 18, item 16): refused at once, and nothing is created.
    await expect(knowledge.createFile('system', { filename: 'handbook.docx', data: docxBomb(400) })).rejects.toThrow(/handbook\.docx was not read: word\/document\.xml inflates \d+ times \(400 MB\)/);
    expect(await knowledge.listSources()).toEqual([]);
  }, 60_000);

  it('one within the directory limits fails alone in the worker, with the reason, and the server answers throughout', async () => {
    t = await startTestApp({ env: { PARSE_MAX_MEMORY_MB: '96', UPLOAD_MAX_MB: '20' } });
    server = await listen(t.app);
    const bomb = docxBomb(180, { noisy: true });
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const { knowledge } = t.container.services;
    let slowest = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const started = performance.now();
        await fetch(`${server!.url}/healthz`);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // The upload is read (in a worker) before it is stored: it fails there, alone.
    const refused = await knowledge.createFile('system', { filename: 'handbook.docx', data: bomb }).then(() => undefined, (e: unknown) => e);
    polling = false;
    await poll;
    expect(String(refused)).toMatch(/needs more than 96 MB to read/);
    expect(await knowledge.listSources()).toEqual([]);
    // Not a timing figure (see bench/ for those): without the worker the process dies here.
    expect(slowest).toBeLessThan(2000);

    // The next document is read by a fresh worker.
    await knowledge.createSnippet('system', { question: 'Still working?', answer: 'Yes, the next document is read as usual.' });
    await knowledge.createFile('system', { filename: 'notes.md', data: Buffer.from('# Notes\n\nThe server kept answering while the bomb failed.') });
    expect(await knowledge.runNextSync()).toMatchObject({ status: 'succeeded' });
  }, 120_000);
});
