/**
 * Runs in a worker thread (see parsing.ts): reads one document, HTML page or sitemap at a time,
 * so a file built to exhaust memory or time takes down this worker, not the server.
 */
import { parentPort } from 'node:worker_threads';
import { readFile } from './files.js';
import { parseHtmlPage } from './html.js';
import { parseSitemapBody } from './sitemaps.js';
import type { ParseTask } from './parsing.js';

parentPort!.on('message', async ({ id, task }: { id: number; task: ParseTask }) => {
  try {
    const result =
      task.kind === 'file' ? await readFile({ ...task.file, data: Buffer.from(task.file.data) })
      : task.kind === 'html' ? parseHtmlPage(task.html, task.url)
      : parseSitemapBody(Buffer.from(task.body));
    parentPort!.postMessage({ id, ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
