import type { SkipBucket } from './crawler.js';
export const SOURCE_KINDS = ['website', 'file', 'snippet'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_STATUSES = ['idle', 'queued', 'syncing', 'failed'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export interface Source {
  id: string;
  kind: SourceKind;
  name: string;
  /** Kind-specific: a snippet keeps { question, answer }. */
  settings: Record<string, unknown>;
  status: SourceStatus;
  lastSyncedAt: Date | null;
  lastError: string | null;
  chunkCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One heading section of an extracted document: the unit chunks never cross. */
export interface DocumentSection {
  /** Headings from the top of the document down to this section, e.g. ["Billing", "Refunds"]. */
  headingPath: string[];
  /** The section's id in the page, so a citation can link straight to it. */
  anchor?: string;
  /** PDF page the section starts on (1-based). */
  page?: number;
  text: string;
}

/** What a parser makes of a page or a file, before chunking. */
export interface ExtractedDocument {
  url: string;
  title: string;
  /** ISO 639-1, when the document says (html lang); detected from the text otherwise. */
  language?: string;
  sections: DocumentSection[];
}

/** An HTML page as the crawler needs it: its document, plus links, canonical URL and robots meta. */
export interface ExtractedPage {
  document: ExtractedDocument;
  /** Absolute http(s) links, without #fragments. */
  links: string[];
  canonicalUrl: string | undefined;
  noindex: boolean;
  nofollow: boolean;
}

/** A passage ready to be stored and indexed. */
export interface Chunk {
  id: string;
  sourceId: string;
  /** The document URL, with #anchor when the section has one. */
  url: string;
  title: string;
  headingPath: string[];
  page: number | null;
  language: string;
  text: string;
  /** Order within the source, for stable listing. */
  position: number;
}

export interface SearchHit {
  chunk: Chunk;
  /** Higher is better; comparable within one backend's results only. */
  score: number;
}

export const RESYNC_INTERVALS = { daily: 24, weekly: 24 * 7, never: 0 } as const;
export type ResyncInterval = keyof typeof RESYNC_INTERVALS;

export interface WebsiteSettings {
  startUrl: string;
  /** How often the schedule re-reads the site; daily by default. */
  resync: ResyncInterval;
  sitemapUrl?: string;
  maxPages: number;
  maxDepth: number;
  include: string[];
  exclude: string[];
}

export const SYNC_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];
export type SyncTrigger = 'manual' | 'schedule' | 'created';

/** One ingestion of a source, with its live progress. */
export interface SyncRun {
  id: string;
  sourceId: string;
  status: SyncStatus;
  trigger: SyncTrigger;
  found: number;
  fetched: number;
  indexed: number;
  unchanged: number;
  failed: number;
  /** Found but not indexed, by reason (see SKIP_BUCKETS in crawler.ts). */
  skipped: Partial<Record<SkipBucket, number>>;
  /** Found but not read: the page limit was reached first. */
  notReached: number;
  failures: { url: string; reason: string }[];
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const PAGE_STATUSES = ['indexed', 'unchanged', 'skipped', 'failed'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** What the last sync (or an admin's re-read or exclusion) made of one URL of a website. */
export interface SourcePage {
  url: string;
  status: PageStatus;
  /** Why it is skipped or failed, in words. */
  reason: string | null;
  title: string | null;
  checkedAt: Date;
}

/** What the last sync read from one URL of a source. */
export interface StoredDocument {
  url: string;
  title: string;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
}
