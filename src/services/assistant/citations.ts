import type { SearchHit } from '../knowledge/types.js';
import type { Citation, RetrievedSource } from './types.js';

export function citationOf(hit: SearchHit): Citation {
  const { title, url, headingPath, page } = hit.chunk;
  return { title, url, section: headingPath.join(' › '), page };
}

/**
 * The citations an answer may keep: only numbers of sources that were really given (1-based, as
 * numbered in the prompt), each once, in the order cited. Anything else the model wrote is dropped.
 */
export function verifyCitations(cited: unknown[], sources: SearchHit[]): Citation[] {
  const seen = new Set<number>();
  const out: Citation[] = [];
  for (const raw of cited) {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > sources.length || seen.has(n)) continue;
    seen.add(n);
    out.push(citationOf(sources[n - 1]!));
  }
  return out;
}

/** The passages given for an answer, each marked with whether the answer cited it. */
export function retrievedOf(hits: SearchHit[], citations: Citation[]): RetrievedSource[] {
  const key = (c: Citation) => `${c.url}\n${c.title}\n${c.section}\n${c.page ?? ''}`;
  const cited = new Set(citations.map(key));
  return hits.map((h) => {
    const c = citationOf(h);
    return { sourceId: h.chunk.sourceId, ...c, score: Math.round(h.score * 1000) / 1000, cited: cited.has(key(c)) };
  });
}
