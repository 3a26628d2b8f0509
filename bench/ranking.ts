/**
 * `npm run bench:ranking [OUT_DIR]`: Baton's ranking again, in seconds, over the passages and
 * questions a `bench:quality` run saved (BATON_QUALITY_OUT=OUT_DIR): for trying a ranking change
 * or parameters without crawling. It prints hit@3 (an expected page among the first three
 * distinct pages) per set, answerable questions only, as bench:quality does.
 *
 * Candidates stand in for the backend's: passages holding any of the question's BACKEND terms
 * (rarest first), ordered by the summed rarity of those they hold (then fewer distinct terms
 * first), the first POOL kept. On the
 * three sets of December 2026 this gives within 0.02 of bench:quality's figures.
 *
 * Overrides: K1, PAGE, BT (text length normalisation), WT (title weight), WH (headings weight),
 * POOL (200), BACKEND (12). What was tried with it and did not help is in the README (Answer
 * quality, measured): a larger pool up to every passage, more or fewer backend terms,
 * pseudo-relevance feedback (RM3) and weighting the question's asking sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toSearchTerms } from '../src/lib/search-query.js';
import { termsOf } from '../src/lib/text-analysis.js';
import { CorpusStatsBuilder, DEFAULT_RANKING, distinctPagesFirst, groupByPage, pageOf, preferTitlesQuoted, queryTermsOf, rankPassages, type RankingParams } from '../src/services/knowledge/ranking.js';
import type { Chunk } from '../src/services/knowledge/types.js';

interface Saved {
  q: { question: string; kind: string; lang: string; expected_pages: string[] };
}

const dir = process.argv[2] ?? process.env.BATON_QUALITY_OUT;
if (!dir) {
  console.error('Give the folder a `BATON_QUALITY_OUT=… npm run bench:quality` run wrote, e.g. npm run bench:ranking -- /tmp/q');
  process.exit(2);
}
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const params: RankingParams = {
  k1: num('K1', DEFAULT_RANKING.k1),
  page: num('PAGE', DEFAULT_RANKING.page),
  weight: { ...DEFAULT_RANKING.weight, title: num('WT', DEFAULT_RANKING.weight.title), headings: num('WH', DEFAULT_RANKING.weight.headings) },
  b: { ...DEFAULT_RANKING.b, text: num('BT', DEFAULT_RANKING.b.text) },
};
const pool = num('POOL', 200);
const backendTerms = num('BACKEND', 12);

function evaluate(name: string): string {
  const chunks = JSON.parse(fs.readFileSync(path.join(dir!, `${name}.chunks.json`), 'utf8')) as Chunk[];
  const saved = JSON.parse(fs.readFileSync(path.join(dir!, `${name}.json`), 'utf8')) as Saved[];
  const builder = new CorpusStatsBuilder();
  for (const c of chunks) builder.add(c);
  const stats = builder.finish();
  const postings = new Map<string, Set<number>>();
  const sizes: number[] = [];
  chunks.forEach((c, i) => {
    const distinctTerms = new Set([c.title, c.headingPath.join(' '), c.text].flatMap((text) => termsOf(text, c.language)));
    sizes[i] = distinctTerms.size;
    for (const t of distinctTerms) {
      let s = postings.get(t);
      if (!s) postings.set(t, (s = new Set()));
      s.add(i);
    }
  });
  const pagesFor = (question: string) => {
    const words = toSearchTerms(question, undefined, 48);
    const query = queryTermsOf(words.terms, words.language, stats);
    const sent = query.filter((t) => t.df > 0).slice(0, backendTerms);
    const holds = (i: number, variants: string[]) => variants.some((v) => postings.get(v)?.has(i));
    const found = new Set(sent.flatMap((t) => t.variants.flatMap((v) => [...(postings.get(v) ?? [])])));
    const candidates = [...found]
      .map((i) => ({ i, score: sent.reduce((sum, t) => sum + (holds(i, t.variants) ? t.idf : 0), 0) }))
      .sort((a, b) => b.score - a.score || sizes[a.i]! - sizes[b.i]!)
      .slice(0, pool)
      .map((x) => chunks[x.i]!);
    const pages = preferTitlesQuoted(groupByPage(rankPassages(candidates, query, stats, params), query, stats, params), question);
    return [...new Set(distinctPagesFirst(pages, 30).map((h) => pageOf(h.chunk).replace(/^https?:\/\/[^/]+/, '')))];
  };
  const tally = { all: [0, 0], en: [0, 0] };
  for (const { q } of saved) {
    if (q.kind !== 'answerable') continue;
    const hit = pagesFor(q.question).slice(0, 3).some((p) => q.expected_pages.includes(p)) ? 1 : 0;
    tally.all[0]! += hit;
    tally.all[1]!++;
    if (q.lang === 'en') {
      tally.en[0]! += hit;
      tally.en[1]!++;
    }
  }
  const ratio = ([h, n]: number[]) => `${(h! / n!).toFixed(2)} (${h}/${n})`;
  return `| ${name} | ${ratio(tally.all)} | ${ratio(tally.en)} |`;
}

const sets = fs.readdirSync(dir).filter((f) => f.endsWith('.chunks.json')).map((f) => f.replace(/\.chunks\.json$/, ''));
console.log(`ranking ${JSON.stringify(params)}, pool ${pool}, backend terms ${backendTerms}`);
console.log('| set | hit@3 | hit@3, English |\n|---|---:|---:|');
for (const name of sets) console.log(evaluate(name));
