/**
 * `npm run bench:quality [SET_DIR ...]`: answer quality on labelled help centres.
 *
 * A set is a folder with `site/` (a static help centre with sitemap.xml and robots.txt carrying
 * the __ORIGIN__ placeholder) and `questions.jsonl` (see ../shared/eval-dev/README.md for the
 * format). Without arguments it runs ../shared/eval-dev; BATON_QUALITY_SETS (a comma-separated
 * list of folders) adds more. For each set: the site is served on loopback and crawled by Baton
 * like a real one; every question goes through `KnowledgeService.search` (what `baton search`
 * prints) for retrieval, and through the public visitor API for the reply and the handoff. In the
 * same run, a plain BM25 (k1 1.2, b 0.75, the same passages, the same Snowball stemming, no field
 * weights, no stop words) ranks the passages as the baseline.
 *
 * Scoring follows eval-dev's README: a result's page is its URL path with a trailing slash;
 * repeats of a page count once; hit@k is an expected page among the first k distinct pages.
 * No LLM: replies are extractive, as on a machine without MISTRAL_API_KEY.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { termsOf } from '../src/lib/text-analysis.js';
import type { Chunk } from '../src/services/knowledge/types.js';
import { answerabilityEvidence, DEFAULT_GATE, isAnswerable, type AnswerabilityEvidence } from '../src/services/assistant/answerability.js';
import { serve, withBenchContainer } from './support.js';

type Kind = 'answerable' | 'human_request' | 'sensitive' | 'unanswerable' | 'conversational';
interface Question {
  id: string;
  question: string;
  kind: Kind;
  expected_pages: string[];
  expected_reason: 'asked_for_human' | 'sensitive_topic' | 'low_confidence' | null;
  lang: string;
  source: string;
}
interface Reply {
  text: string;
  citations: { url: string }[];
  handoff: { reason: string } | null;
  mode: string;
  offer?: boolean;
}
interface Outcome {
  q: Question;
  baton: string[];
  bm25: string[];
  reply: Reply | null;
  gate: AnswerabilityEvidence;
}

const REASON: Record<string, string> = { asked_for_human: 'person_request', sensitive_topic: 'sensitive', low_confidence: 'unsure' };
const page = (url: string) => new URL(url, 'http://x').pathname.replace(/\/?$/, '/');
const distinct = (urls: string[]) => [...new Set(urls.filter(Boolean).map(page))];

/** Serves a set's site like eval-dev's serve.mjs: folders as index.html, __ORIGIN__ filled in. */
async function serveSite(dir: string): Promise<{ base: string; close: () => void }> {
  const root = path.resolve(dir);
  let origin = '';
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    let file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(404).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return void res.writeHead(301, { location: `${pathname}/` }).end();
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    const ext = path.extname(file);
    let body = fs.readFileSync(file);
    if (ext === '.xml' || ext === '.txt') body = Buffer.from(body.toString('utf8').replaceAll('__ORIGIN__', origin));
    const type = { '.html': 'text/html; charset=utf-8', '.xml': 'application/xml', '.txt': 'text/plain' }[ext] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base: origin,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Plain passage-level BM25 over every chunk: the baseline. Returns the ranked passage URLs. */
function bm25Baseline(chunks: Chunk[]) {
  const k1 = 1.2;
  const b = 0.75;
  const docs = chunks.map((c) => {
    const terms = termsOf([c.title, c.headingPath.join(' '), c.text].join(' '), c.language);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { url: c.url, tf, len: terms.length };
  });
  const avg = docs.reduce((s, d) => s + d.len, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const language = chunks[0]?.language ?? 'en';
  return (question: string): string[] => {
    const q = [...new Set(termsOf(question, language))];
    const scored = docs.map((d) => {
      let s = 0;
      for (const t of q) {
        const f = d.tf.get(t);
        if (!f) continue;
        const n = df.get(t)!;
        s += Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.len) / avg)));
      }
      return { url: d.url, s };
    });
    return scored.filter((d) => d.s > 0).sort((a, b) => b.s - a.s).slice(0, 200).map((d) => d.url);
  };
}

async function post(base: string, p: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${base}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${p} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function runSet(dir: string): Promise<{ name: string; outcomes: Outcome[]; pages: number }> {
  const questions = fs.readFileSync(path.join(dir, 'questions.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Question);
  const site = await serveSite(path.join(dir, 'site'));
  const env = { CRAWL_ALLOW_PRIVATE: '127.0.0.1/32', WIDGET_NEW_VISITORS_PER_IP_PER_HOUR: '1000000', WIDGET_CONVERSATIONS_PER_IP_PER_HOUR: '1000000', WIDGET_IP_MESSAGES_PER_MINUTE: '1000000', WIDGET_VISITOR_MESSAGES_PER_MINUTE: '100000' };
  try {
    return await withBenchContainer('quality', env, async (c) => {
      const { knowledge } = c.services;
      await knowledge.createWebsite('system', { startUrl: `${site.base}/`, sitemapUrl: `${site.base}/sitemap.xml`, maxPages: 2000 });
      const run = await knowledge.runNextSync();
      const chunks: Chunk[] = [];
      await c.chunks.eachBatch(1000, async (batch) => void chunks.push(...batch));
      const baseline = bm25Baseline(chunks);
      if (process.env.BATON_QUALITY_OUT) fs.mkdirSync(process.env.BATON_QUALITY_OUT, { recursive: true });
      if (process.env.BATON_QUALITY_OUT) fs.writeFileSync(path.join(process.env.BATON_QUALITY_OUT, `${path.basename(path.resolve(dir))}.chunks.json`), JSON.stringify(chunks.map((ch) => ({ ...ch, url: ch.url.replace(site.base, '') }))));
      const app = await serve(c);
      try {
        const outcomes: Outcome[] = [];
        for (const q of questions) {
          const found = await knowledge.search(q.question, { limit: 30 });
          const { token } = (await post(app.url, '/api/v1/visitors', {})) as { token: string };
          const conv = (await post(app.url, '/api/v1/conversations', {}, token)) as { id: string };
          const sent = (await post(app.url, `/api/v1/conversations/${conv.id}/messages`, { text: q.question }, token)) as { reply: Reply | null };
          outcomes.push({ q, baton: distinct(found.hits.map((h) => h.chunk.url)), bm25: distinct(baseline(q.question)), reply: sent.reply, gate: answerabilityEvidence(found.query, found.pages, found.passages) });
        }
        return { name: path.basename(path.resolve(dir)), outcomes, pages: run?.indexed ?? 0 };
      } finally {
        app.server.closeAllConnections();
        app.server.close();
      }
    });
  } finally {
    site.close();
  }
}

const ratio = (n: number, d: number) => (d ? `${(n / d).toFixed(2)} (${n}/${d})` : '–');

function retrieval(outcomes: Outcome[], which: 'baton' | 'bm25') {
  const hitAt = (o: Outcome, k: number) => o[which].slice(0, k).some((p) => o.q.expected_pages.includes(p));
  const rr = (o: Outcome) => {
    const i = o[which].findIndex((p) => o.q.expected_pages.includes(p));
    return i < 0 ? 0 : 1 / (i + 1);
  };
  const n = outcomes.length;
  return {
    hit1: outcomes.filter((o) => hitAt(o, 1)).length,
    hit3: outcomes.filter((o) => hitAt(o, 3)).length,
    hit10: outcomes.filter((o) => hitAt(o, 10)).length,
    mrr: n ? outcomes.reduce((s, o) => s + rr(o), 0) / n : 0,
    n,
  };
}

function report(name: string, pages: number, outcomes: Outcome[]): string[] {
  const lines: string[] = [`## ${name}: ${pages} pages indexed, ${outcomes.length} questions`, ''];
  const answerable = outcomes.filter((o) => o.q.kind === 'answerable');
  const row = (label: string, set: Outcome[]) => {
    const a = retrieval(set, 'baton');
    const b = retrieval(set, 'bm25');
    return `| ${label} | ${a.n} | ${ratio(a.hit1, a.n)} | **${ratio(a.hit3, a.n)}** | ${ratio(a.hit10, a.n)} | ${a.mrr.toFixed(2)} | ${ratio(b.hit3, b.n)} | ${b.mrr.toFixed(2)} |`;
  };
  lines.push('| answerable | n | hit@1 | hit@3 | hit@10 | MRR | BM25 hit@3 | BM25 MRR |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  lines.push(row('all', answerable), row('real', answerable.filter((o) => o.q.source.startsWith('real'))), row('English', answerable.filter((o) => o.q.lang === 'en')), row('other languages', answerable.filter((o) => o.q.lang !== 'en')));
  lines.push('');
  const handedOff = (o: Outcome) => o.reply?.handoff?.reason;
  const excerpts = (o: Outcome) => !!o.reply && o.reply.mode !== 'none' && o.reply.citations.length > 0;
  const unans = outcomes.filter((o) => o.q.kind === 'unanswerable');
  const conv = outcomes.filter((o) => o.q.kind === 'conversational');
  lines.push('| replies (visitor API, no LLM) | |', '|---|---:|');
  lines.push(`| answerable answered with cited excerpts | ${ratio(answerable.filter(excerpts).length, answerable.length)} |`);
  lines.push(`| answerable handed off (false handoff) | ${ratio(answerable.filter(handedOff).length, answerable.length)} |`);
  lines.push(`| answerable told "not found" | ${ratio(answerable.filter((o) => !excerpts(o) && !handedOff(o)).length, answerable.length)} |`);
  lines.push(`| unanswerable answered with excerpts | ${ratio(unans.filter(excerpts).length, unans.length)} |`);
  lines.push(`| unanswerable handed off or offered the team | ${ratio(unans.filter((o) => handedOff(o) || o.reply?.offer).length, unans.length)} |`);
  lines.push(`| conversational searched or handed off | ${ratio(conv.filter((o) => excerpts(o) || handedOff(o)).length, conv.length)} |`);
  for (const [reason, kind] of [['person_request', 'human_request'], ['sensitive', 'sensitive']] as const) {
    const expected = outcomes.filter((o) => o.q.kind === kind);
    const fired = outcomes.filter((o) => handedOff(o) === reason);
    lines.push(`| ${reason} recall | ${ratio(expected.filter((o) => handedOff(o) === reason).length, expected.length)} |`);
    lines.push(`| ${reason} precision | ${ratio(fired.filter((o) => o.q.kind === kind).length, fired.length)} |`);
  }
  lines.push('');
  const langs = [...new Set(outcomes.map((o) => o.q.lang))].sort();
  lines.push('| language | answerable hit@3 | BM25 hit@3 | person recall | sensitive recall | unanswerable with excerpts |', '|---|---:|---:|---:|---:|---:|');
  for (const l of langs) {
    const of = (k: Kind) => outcomes.filter((o) => o.q.lang === l && o.q.kind === k);
    const a = retrieval(of('answerable'), 'baton');
    const b = retrieval(of('answerable'), 'bm25');
    lines.push(`| ${l} | ${ratio(a.hit3, a.n)} | ${ratio(b.hit3, b.n)} | ${ratio(of('human_request').filter((o) => handedOff(o) === 'person_request').length, of('human_request').length)} | ${ratio(of('sensitive').filter((o) => handedOff(o) === 'sensitive').length, of('sensitive').length)} | ${ratio(of('unanswerable').filter(excerpts).length, of('unanswerable').length)} |`);
  }
  lines.push('');
  lines.push(...gateCurve(outcomes));
  return lines;
}

/** The answerability gate's trade-off: at each setting, what share of each kind passes it. */
function gateCurve(outcomes: Outcome[]): string[] {
  const answerable = outcomes.filter((o) => o.q.kind === 'answerable');
  const unans = outcomes.filter((o) => o.q.kind === 'unanswerable');
  const lines = [`| gate: coverage ≥, unknown < (under ${DEFAULT_GATE.long.terms} terms; longer: ${DEFAULT_GATE.long.minCoverage}, ${DEFAULT_GATE.long.maxUnknown}) | answerable refused | English answerable refused | unanswerable let through |`, '|---|---:|---:|---:|'];
  for (const [minCoverage, maxUnknown] of [[0, 1.01], [0.2, 0.5], [0.25, 0.4], [0.3, 0.4], [0.3, 0.3], [0.4, 0.3], [0.5, 0.3]] as const) {
    const pass = (o: Outcome) => isAnswerable(o.gate, { ...DEFAULT_GATE, minCoverage, maxUnknown });
    const mark = minCoverage === DEFAULT_GATE.minCoverage && maxUnknown === DEFAULT_GATE.maxUnknown ? ' (default)' : '';
    lines.push(`| ${minCoverage}, ${maxUnknown}${mark} | ${ratio(answerable.filter((o) => !pass(o)).length, answerable.length)} | ${ratio(answerable.filter((o) => o.q.lang === 'en' && !pass(o)).length, answerable.filter((o) => o.q.lang === 'en').length)} | ${ratio(unans.filter(pass).length, unans.length)} |`);
  }
  return [...lines, ''];
}

function misses(outcomes: Outcome[]): string[] {
  return outcomes.flatMap((o) => {
    const out: string[] = [];
    const expectedReason = o.q.expected_reason ? REASON[o.q.expected_reason] : null;
    if (o.q.kind === 'answerable' && !o.baton.slice(0, 3).some((p) => o.q.expected_pages.includes(p))) out.push(`${o.q.id} retrieval: ${o.baton.slice(0, 3).join(' ')} (want ${o.q.expected_pages.join(' ')})`);
    const got = o.reply?.handoff?.reason ?? null;
    if (expectedReason !== 'unsure' && got !== expectedReason) out.push(`${o.q.id} ${o.q.kind}: handoff ${got} (want ${expectedReason})`);
    if ((o.q.kind === 'unanswerable' || o.q.kind === 'conversational') && o.reply?.citations.length) out.push(`${o.q.id} ${o.q.kind}: answered with excerpts`);
    return out.map((l) => `${l} — ${o.q.question.slice(0, 90)}`);
  });
}

export async function qualityBench(dirs: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const dir of dirs) {
    const { name, outcomes, pages } = await runSet(dir);
    lines.push(...report(name, pages, outcomes));
    if (process.env.BATON_QUALITY_MISSES) lines.push('```', ...misses(outcomes), '```', '');
    if (process.env.BATON_QUALITY_OUT) fs.writeFileSync(path.join(process.env.BATON_QUALITY_OUT, `${name}.json`), JSON.stringify(outcomes, null, 1));
  }
  return lines;
}

export function qualitySets(args: string[]): string[] {
  const extra = (process.env.BATON_QUALITY_SETS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const dirs = args.length ? args : [path.resolve(import.meta.dirname, '../../shared/eval-dev'), ...extra];
  for (const d of dirs) if (!fs.existsSync(path.join(d, 'questions.jsonl'))) throw new Error(`${d}: no questions.jsonl (a set is a folder with site/ and questions.jsonl)`);
  return dirs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await qualityBench(qualitySets(process.argv.slice(2)))) console.log(line);
}
