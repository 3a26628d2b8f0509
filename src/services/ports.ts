import type { ChunkDraft } from './knowledge/chunking.js';
import type { Chunk, ExtractedDocument, ExtractedPage, SearchHit, Source, SourceKind, SourcePage, StoredDocument, SyncRun, SyncTrigger } from './knowledge/types.js';
import type { Organisation, PendingInvite, Role, TokenPurpose, User, UserToken } from './team/types.js';
import type { AuditAction, AuditEvent, AuditQuery } from './audit/types.js';
import type { ErasureResult, PrivacySettings, VisitorExport } from './privacy/types.js';
import type { CannedResponse, Conversation, ConversationEvent, ConversationStatus, InboxFilter, InboxItem, Message, NewMessage, QueueCounts, Viewer, Visitor } from './conversations/types.js';
import type { TransitionName } from './conversations/lifecycle.js';
import type { WidgetSettings } from './widget/types.js';
import type { DomainEvent } from './events.js';
import type { OperatorRule } from './assistant/triggers/triggers.js';
import type { SensitiveCategory } from './assistant/triggers/defaults.js';
import type { Closure, Interval } from './availability/hours.js';
import type { PromiseSettings } from './availability/types.js';
import type { NewEmail, OutboxEmail, OutboxStatus } from './followups/types.js';
import type { EscalationRecord, KnowledgeFix, MetricsBucket, Period } from './insights/types.js';
import type { AccessToken, TokenScope } from './team/access-tokens.js';
import type { Delivery, DeliveryStatus, Endpoint, EndpointInput, NewDelivery, PostOutcome, RecordedEvent, StoredEvent } from './integrations/types.js';

/**
 * The interfaces the domain needs from the outside world. Adapters implement them; only
 * container.ts knows which adapter stands behind each port.
 */

export interface Clock {
  now(): Date;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface UserRepo {
  findById(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** The teammate linked to this single sign-on identity ("<issuer> <sub>"). */
  findByOidcSubject(subject: string): Promise<User | undefined>;
  /** Links an account not yet linked; false when it already is (to this or another identity). */
  linkOidcSubject(id: string, subject: string): Promise<boolean>;
  /** The stored hash is read only where a password is checked, never with the user. */
  findPasswordHash(id: string): Promise<string | undefined>;
  list(): Promise<User[]>;
  insert(user: NewUser): Promise<User>;
  countActiveAdmins(): Promise<number>;
  anyAdminExists(): Promise<boolean>;
  update(id: string, patch: Partial<Pick<User, 'name' | 'email' | 'role' | 'active' | 'lockedUntil' | 'lastLoginAt' | 'weeklyDigest'>>): Promise<User | undefined>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /** Adds one failed attempt and returns the new count, atomically (two concurrent failures both count). */
  recordFailedLogin(id: string): Promise<number>;
  resetFailedLogins(id: string): Promise<void>;
}

/** A teammate's second factor, as stored: the secret encrypted, never read with the user. */
export interface StoredTwoFactor {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}

export interface TwoFactorRepo {
  get(userId: string): Promise<StoredTwoFactor | undefined>;
  /** Stores the factor and marks the user as using it, in one transaction. */
  enable(userId: string, factor: StoredTwoFactor, at: Date): Promise<void>;
  disable(userId: string): Promise<void>;
  /** Records `step` as used if it is later than the last one; false when it was not (a replay). */
  useStep(userId: string, step: number): Promise<boolean>;
  /** Removes this recovery code's hash if present; false when it was not there (used or wrong). */
  useRecoveryCode(userId: string, hash: string): Promise<boolean>;
  setRecoveryCodes(userId: string, hashes: string[]): Promise<void>;
  /**
   * Claims one code attempt, atomically: the count after it, or 'locked' while a lockout lasts.
   * At `max` the factor locks until `lockUntil` (and the count starts again).
   */
  claimAttempt(userId: string, now: Date, max: number, lockUntil: Date): Promise<number | 'locked'>;
  /** A right code: the count starts again. */
  clearAttempts(userId: string): Promise<void>;
  required(): Promise<boolean>;
  setRequired(required: boolean): Promise<void>;
}

export interface OrganisationRepo {
  get(): Promise<Organisation | undefined>;
  insert(org: Omit<Organisation, 'id'>): Promise<Organisation>;
  update(patch: Partial<Omit<Organisation, 'id'>>): Promise<Organisation | undefined>;
}

export interface NewUserToken {
  purpose: TokenPurpose;
  tokenHash: string;
  email: string;
  role?: Role | null;
  userId?: string | null;
  invitedById?: string | null;
  expiresAt: Date;
}

export interface TokenRepo {
  insert(token: NewUserToken): Promise<UserToken>;
  findById(id: string): Promise<UserToken | undefined>;
  findByHash(purpose: TokenPurpose, tokenHash: string): Promise<UserToken | undefined>;
  /** Marks the token used; false when it was already used or withdrawn (someone else won the race). */
  markUsed(id: string, at: Date): Promise<boolean>;
  /** Withdraws every unused token of this purpose for this email. */
  revokeFor(purpose: TokenPurpose, email: string, at: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<boolean>;
  /** Invites not yet accepted or withdrawn, expired ones included so an admin can resend them. */
  pendingInvites(): Promise<PendingInvite[]>;
  /** Deletes tokens used, withdrawn or expired before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** Signed-in sessions, as stored for the session middleware. */
export interface SessionRepo {
  /** Ends every session of this user, except the one given (the person's current browser). */
  deleteForUser(userId: string, exceptSessionId?: string): Promise<number>;
  /** Deletes sessions that expired before `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

export interface Repos {
  users: UserRepo;
  organisations: OrganisationRepo;
  tokens: TokenRepo;
  sessions: SessionRepo;
}

export interface TransactionRepos extends Repos {
  /** Serialises this transaction against every other one taking the same named lock. */
  lock(name: string): Promise<void>;
}

export interface Store extends Repos {
  transaction<T>(work: (tx: TransactionRepos) => Promise<T>): Promise<T>;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** Name of the template pair views/emails/<template>.{html,txt}.eta */
  template: string;
  data: Record<string, unknown>;
  replyTo?: string;
  /** A stable Message-ID, so a resend after a crash is recognisably the same email. */
  messageId?: string;
}

export interface Mailer {
  /** Throws on failure; an error with `permanent: true` is not worth retrying. */
  send(email: OutgoingEmail): Promise<void>;
}

/** A dependency /readyz reports on: ok, or the reason it is not. */
export interface HealthCheck {
  name: string;
  /** Without it the app cannot serve (the database): /readyz answers 503. Others only degrade it. */
  critical?: boolean;
  check(): Promise<{ ok: true; detail?: string } | { ok: false; reason: string }>;
}

export interface SourceRepo {
  list(): Promise<Source[]>;
  /** Just the settings of every source of one kind (no counts): cheap enough for each answer. */
  settingsOfKind(kind: SourceKind): Promise<Record<string, unknown>[]>;
  findById(id: string): Promise<Source | undefined>;
  insert(source: { kind: SourceKind; name: string; settings: Record<string, unknown> }): Promise<Source>;
  update(id: string, patch: Partial<Pick<Source, 'name' | 'settings' | 'status' | 'lastSyncedAt' | 'lastError'>>): Promise<Source | undefined>;
  /** Deletes the source and, by cascade, its chunks; false when it did not exist. */
  delete(id: string): Promise<boolean>;
}

export type SyncProgress = Partial<Pick<SyncRun, 'found' | 'fetched' | 'indexed' | 'unchanged' | 'failed' | 'skipped' | 'notReached' | 'failures'>>;

/** The Pages tab of a website: what became of each URL it found. */
export interface SourcePageRepo {
  /** Replaces a source's list with what this sync made of each URL. */
  replaceForSource(sourceId: string, pages: Omit<SourcePage, 'checkedAt'>[], at: Date): Promise<void>;
  /** `indexed` covers indexed and unchanged; `not_indexed` skipped and failed. */
  list(sourceId: string, opts: { filter?: 'indexed' | 'not_indexed'; q?: string; offset: number; limit: number }): Promise<{ pages: SourcePage[]; total: number }>;
  find(sourceId: string, url: string): Promise<SourcePage | undefined>;
  update(sourceId: string, url: string, patch: Pick<SourcePage, 'status' | 'reason'> & { title?: string | null }, at: Date): Promise<void>;
}

export interface SyncRunRepo {
  /** Queues a sync unless one is already queued or running for the source; returns the active one. */
  enqueue(sourceId: string, trigger: SyncTrigger): Promise<SyncRun>;
  /**
   * Claims the oldest queued run, or a running one whose heartbeat is older than `staleMs` (its
   * process died), for this worker. Safe with many workers: each run goes to one.
   */
  claimNext(staleMs: number): Promise<SyncRun | undefined>;
  /** Saves progress and refreshes the heartbeat. */
  progress(id: string, progress: SyncProgress): Promise<void>;
  finish(id: string, outcome: { status: 'succeeded' | 'failed'; error?: string } & SyncProgress): Promise<void>;
  /** Puts an interrupted run back in the queue (the process is stopping), progress kept. */
  requeue(id: string): Promise<void>;
  findById(id: string): Promise<SyncRun | undefined>;
  latestFor(sourceId: string): Promise<SyncRun | undefined>;
}

export interface StoredFile {
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

export interface SourceFileRepo {
  save(sourceId: string, file: StoredFile): Promise<void>;
  get(sourceId: string): Promise<StoredFile | undefined>;
}

export interface DocumentRepo {
  listForSource(sourceId: string): Promise<StoredDocument[]>;
  /** Replaces the documents of a source with what this sync read. */
  replaceForSource(sourceId: string, documents: (StoredDocument & { fetchedAt: Date })[]): Promise<void>;
}

/** Chunks as stored in Postgres, the source of truth every search index is built from. */
export interface ChunkRepo {
  /** Replaces every chunk of a source in one go (a re-sync writes the new set atomically). */
  replaceForSource(sourceId: string, chunks: ChunkDraft[]): Promise<Chunk[]>;
  /** Replaces one page's chunks (its URL and its #sections) in one transaction; the rest of the source stays. */
  replaceForUrl(sourceId: string, url: string, chunks: ChunkDraft[]): Promise<{ removed: string[]; added: Chunk[] }>;
  listForSource(sourceId: string): Promise<Chunk[]>;
  /** Every chunk, a batch at a time, in a stable order (for rebuilding an index). */
  eachBatch(size: number, visit: (chunks: Chunk[]) => Promise<void>): Promise<void>;
  count(): Promise<number>;
  /** Changes whenever any chunk is added or removed (cheap to read: cached statistics check it). */
  fingerprint(): Promise<string>;
}

export interface SearchQuery {
  /** Key terms, most useful (rarest) first (see lib/search-query.ts and knowledge/ranking.ts). */
  terms: string[];
  /** How much each term counts (its rarity in the corpus), in the order of `terms`. */
  weights?: number[];
  /**
   * Each term's index terms as Baton's ranking analyses them (its stem in the question's and the
   * content's languages), in the order of `terms`: a backend that stores chunks' index terms
   * matches these instead of parsing the words itself.
   */
  variants?: string[][];
  /** The question as asked, for semantic search (embedded whole). */
  text?: string;
  language: string;
  limit: number;
}

/**
 * One retrieval contract, two backends (Postgres full-text search, Meilisearch). The same
 * contract suite runs against each. A backend supplies candidates, `limit` of them, best first
 * by its own lights; the final ranking is Baton's (knowledge/ranking.ts), the same for both.
 */
export interface SearchIndex {
  readonly backend: 'postgres' | 'meilisearch';
  /** Applies index settings; safe to call at every start. */
  prepare(): Promise<void>;
  upsert(chunks: Chunk[]): Promise<void>;
  deleteBySource(sourceId: string): Promise<void>;
  /** Removes these chunks (one page re-read or excluded). */
  deleteByIds(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  health(): HealthCheck;
}

/** A fetched response, its body capped in size (see adapters/web/safe-fetch.ts). */
export interface WebResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
}

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Seconds the site asks crawlers to wait between requests, if it says. */
  crawlDelaySeconds: number | undefined;
  sitemaps: string[];
}

/**
 * The web as the crawler sees it. fetch refuses private addresses (unless the operator opted in)
 * and rejects with an Error whose message says why a URL could not be fetched.
 */
export interface Web {
  /** `follows`: whether a redirect may be followed to that URL (else the fetch fails, saying so). */
  fetch(url: string, headers?: Record<string, string>, follows?: (url: string) => boolean): Promise<WebResponse>;
  extractHtml(html: string, url: string): Promise<ExtractedPage>;
  parseRobots(robotsUrl: string, text: string): RobotsRules;
  /** Page URLs and nested sitemap URLs listed in a sitemap (plain or gzipped XML). */
  parseSitemap(body: Buffer): Promise<{ urls: string[]; sitemaps: string[] }>;
}

export interface FileInput {
  filename: string;
  contentType?: string;
  data: Buffer;
  /** Where citations of this document point; empty for an uploaded file. */
  url: string;
}

/** Reads documents; rejects with an Error whose message says what is wrong with the file. */
export interface FileReader {
  read(file: FileInput): Promise<ExtractedDocument>;
  /** Whether a file of this name and type can be read at all (checked before storing it). */
  supports(filename: string, contentType?: string): boolean;
}

/** Turns text into vectors for semantic search (Mistral embeddings, when an API key is set). */
export interface Embedder {
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Told the token counts when the LLM reports them (a stream reports them at its end). */
  onUsage?: (usage: ChatUsage) => void;
  /** Ask for a JSON object as the whole reply. */
  json?: boolean;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

/** The LLM that writes answers (Mistral); rejects with an Error when it cannot. */
export interface ChatModel {
  complete(request: ChatRequest): Promise<{ text: string } & ChatUsage>;
  /** The reply as it is written, a piece of text at a time. */
  stream(request: ChatRequest): AsyncIterable<string>;
}

export interface VisitorRepo {
  insert(visitor: { language?: string | null }): Promise<Visitor>;
  findById(id: string): Promise<Visitor | undefined>;
  /** `emails` are written into the outbox in the same transaction. */
  update(id: string, patch: Partial<Pick<Visitor, 'email' | 'name' | 'language' | 'lastSeenAt' | 'emailConsentAt' | 'timeZone' | 'emailVerifiedAt'>>, opts?: { emails?: NewEmail[] }): Promise<Visitor | undefined>;
  /**
   * Marks `email` confirmed, only if it is still the visitor's address and not confirmed yet
   * (one statement, so a change of address in between confirms nothing), with `emails` queued in
   * the same transaction. Undefined when nothing was confirmed.
   */
  confirmEmail(id: string, email: string, at: Date, emails: NewEmail[]): Promise<Visitor | undefined>;
}

/** What a transition changes besides the status (the service decides; the repo writes). */
export interface ConversationPatch {
  assignedTo?: string | null;
  handoff?: Conversation['handoff'];
  queuedAt?: Date | null;
  assignedAt?: Date | null;
  resolvedAt?: Date | null;
  /** Moves to the next episode. */
  nextEpisode?: boolean;
}

export interface ConversationTransition {
  name: TransitionName;
  /** Applied only if the status is still one of these (and, when given, the assignee is still this one). */
  from: readonly ConversationStatus[];
  to: ConversationStatus;
  expectAssignedTo?: string | null;
  patch: ConversationPatch;
  actorId: string | null;
  data?: Record<string, unknown>;
  at: Date;
  /** Written into the outbox in the transition's transaction (only when it applies). */
  emails?: NewEmail[];
}

export interface ConversationRepo {
  insert(conversation: { visitorId: string; language: string | null; pageUrl: string | null }): Promise<Conversation>;
  /** Whether any conversation started on a page outside `ownOrigin` (the widget on a real site). */
  anyFromOtherSite(ownOrigin: string): Promise<boolean>;
  findById(id: string): Promise<Conversation | undefined>;
  /** The conversation, only when it belongs to this visitor (anyone else's is "not found"). */
  findForVisitor(id: string, visitorId: string): Promise<Conversation | undefined>;
  /** The visitor's most recent conversation (resolved ones too: writing again reopens it). */
  latestForVisitor(visitorId: string): Promise<Conversation | undefined>;
  /** Adds spent LLM tokens and touches updated_at. */
  addTokens(id: string, tokens: number): Promise<void>;
  setSummary(id: string, summary: string): Promise<void>;
  /**
   * Changes the status and stores the event, atomically, only if the conversation is still in
   * an allowed state: two agents claiming at once get one success and one undefined.
   */
  transition(id: string, t: ConversationTransition): Promise<{ conversation: Conversation; event: ConversationEvent } | undefined>;
  events(conversationId: string): Promise<ConversationEvent[]>;
  /** Minutes from each handoff since `since` to the agent's first reply: their median and how many. */
  firstResponse(since: Date): Promise<{ medianMinutes: number | null; samples: number }>;
  /** Queued conversations waiting since before `before`, oldest first. */
  waitingSince(before: Date, limit: number): Promise<Conversation[]>;
  list(filter: InboxFilter): Promise<InboxItem[]>;
  counts(userId: string): Promise<QueueCounts>;
}

export interface MessageRepo {
  /**
   * Stores the message, unless one with the same (conversation, clientId) or the same replyTo is
   * already stored: then nothing is written and `created` is false, with the stored one.
   */
  insertOnce(message: NewMessage, opts?: { emails?: (message: Message) => NewEmail[] }): Promise<{ message: Message; created: boolean }>;
  findById(id: string): Promise<Message | undefined>;
  /** The conversation's messages, oldest first; internal ones (notes, drafts) only when asked. */
  listForConversation(conversationId: string, opts?: { internal?: boolean }): Promise<Message[]>;
  /** The last `limit` messages of the episode before `before` (oldest first), for the prompt's history; never internal ones. */
  recent(conversationId: string, limit: number, opts: { before?: Date; episode: number }): Promise<Message[]>;
  /** The visible reply to a message (what a retried send returns); never an internal draft. */
  replyTo(messageId: string): Promise<Message | undefined>;
}

/** What visitors think of the AI's answers and of the team's help (see RatingsRepo). */
export interface RatingRepo {
  /** Rates an answer; rating it again replaces the first rating. */
  rateAnswer(rating: { messageId: string; conversationId: string; episode: number; helpful: boolean; at: Date }): Promise<void>;
  /** Each rated answer of the conversation: helpful or not. */
  answerRatings(conversationId: string): Promise<Map<string, boolean>>;
  /** Answers rated unhelpful in this episode (a handoff trigger counts them). */
  unhelpfulCount(conversationId: string, episode: number): Promise<number>;
  /** The CSAT of one episode (1–5); rating again replaces it. */
  rateConversation(rating: { conversationId: string; episode: number; score: number; comment: string | null; at: Date }): Promise<void>;
  conversationRating(conversationId: string, episode: number): Promise<{ score: number; comment: string | null } | undefined>;
}

/** Which agent read each conversation when, and who has one open right now. */
export interface ConversationReadRepo {
  markRead(userId: string, conversationId: string, at: Date): Promise<void>;
  /** Records that the agent has it open (a heartbeat); returns whether they were not already viewing. */
  viewing(userId: string, conversationId: string, at: Date, staleBefore: Date): Promise<boolean>;
  stopViewing(userId: string, conversationId: string): Promise<void>;
  viewers(conversationId: string, since: Date): Promise<Viewer[]>;
}

export interface WidgetSettingsRepo {
  get(): Promise<WidgetSettings | undefined>;
  save(settings: WidgetSettings): Promise<WidgetSettings>;
  /** Notes a site that loaded the widget without being allowed; at most `max` are kept. */
  noteSeen(origin: string, at: Date, max: number): Promise<void>;
  /** Sites seen, newest first. */
  seen(): Promise<{ origin: string; lastSeenAt: Date }[]>;
  forgetSeen(origin: string): Promise<void>;
}

/** Runs work in one transaction with the named lock held (serialises e.g. a visitor's first message). */
export interface Locker {
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Runs work only if no one else holds the lock (a scheduled job on another replica): else `ran` is false. */
  tryWithLock<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }>;
}

export interface RateLimit {
  /** Names the counter, e.g. "visitor-messages". */
  name: string;
  points: number;
  seconds: number;
}

/**
 * LLM tokens a visitor, or an address, may spend in a day, counted across conversations and
 * replicas: a new conversation must not bring a fresh budget.
 */
export interface TokenBudget {
  /** Whether every key still has tokens left today. */
  allows(keys: string[]): Promise<boolean>;
  spend(keys: string[], tokens: number): Promise<void>;
}

/** Counts requests per key in a window shared by every replica. */
export interface RateLimiter {
  readonly limit: RateLimit;
  consume(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}

/**
 * Domain events to every replica's listeners (Postgres LISTEN/NOTIFY), the publisher's own
 * included, so a listener hears each event once whichever replica it happened on.
 */
export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** Resolves once this replica is listening, with the function that unsubscribes. The listener must not throw. */
  subscribe(listener: (event: DomainEvent) => void): Promise<() => void>;
}

/** The operator's handoff settings; undefined fields mean Baton's defaults. */
export interface HandoffSettingsRepo {
  /** The settings and when they last changed (undefined: never saved). */
  get(): Promise<{ categories?: SensitiveCategory[]; rules?: OperatorRule[]; updatedAt?: Date }>;
  /** Just when they last changed: a cheap check before recompiling. */
  updatedAt(): Promise<Date | undefined>;
  save(patch: { categories?: SensitiveCategory[]; rules?: OperatorRule[] }): Promise<void>;
}

export interface CannedResponseRepo {
  list(): Promise<CannedResponse[]>;
  /** Inserts, or replaces the text of the one with this shortcut. */
  upsert(response: { shortcut: string; text: string; createdBy: string }): Promise<CannedResponse>;
  delete(id: string): Promise<boolean>;
}

export interface PresenceRecord {
  userId: string;
  status: 'online' | 'away';
  heartbeatAt: Date;
  activeAt: Date;
}

export interface PresenceRepo {
  get(userId: string): Promise<PresenceRecord | undefined>;
  /** A heartbeat: creates the row (online) or refreshes it; `active` also moves active_at. */
  beat(userId: string, at: Date, active: boolean): Promise<PresenceRecord>;
  setStatus(userId: string, status: PresenceRecord['status'], at: Date): Promise<PresenceRecord>;
  /** Rows whose heartbeat is at or after `since`. */
  recent(since: Date): Promise<PresenceRecord[]>;
  /** Moves the heartbeat back to `at` (never forward): the inbox was closed. */
  expire(userId: string, at: Date): Promise<void>;
}

export interface AvailabilitySettingsRepo {
  get(): Promise<{ weekly?: Interval[][]; closures?: Closure[]; promises?: Partial<PromiseSettings> }>;
  save(patch: { weekly?: Interval[][]; closures?: Closure[]; promises?: PromiseSettings }): Promise<void>;
}

/** The transactional outbox (see OutboxRepo in adapters/storage). */
export interface OutboxRepo {
  enqueue(emails: NewEmail[]): Promise<number>;
  /** Marks up to `limit` due emails as being sent, for `lockMs`, and returns them. */
  claim(now: Date, limit: number, lockMs: number): Promise<OutboxEmail[]>;
  /** Marks the pending email with this key as being sent, due or not, unless a sender holds it. */
  claimKey(key: string, now: Date, lockMs: number): Promise<OutboxEmail | undefined>;
  markSent(id: string, at: Date): Promise<void>;
  markRetry(id: string, patch: { attempts: number; nextAttemptAt: Date; error: string }): Promise<void>;
  markFailed(id: string, patch: { attempts: number; error: string }): Promise<void>;
  /** Held replies of conversations with one due; a visitor's unconfirmed address holds them until `unconfirmedUntil`. */
  heldDue(now: Date, unconfirmedUntil?: Date): Promise<OutboxEmail[]>;
  releaseBatch(id: string, merged: string[], content: { subject: string; data: Record<string, unknown> }): Promise<void>;
  skip(ids: string[], reason: string): Promise<void>;
  /** Failed emails and ones waiting for another try, newest first. */
  problems(limit: number): Promise<OutboxEmail[]>;
  counts(): Promise<Partial<Record<OutboxStatus, number>>>;
  retry(id: string, now: Date): Promise<boolean>;
  findByKey(key: string): Promise<OutboxEmail | undefined>;
}

/** What the insights page reads (see InsightsRepository). */
export interface InsightsRepo {
  /** Handoffs in [from, to), newest first, at most `limit`, each with its context. */
  escalations(from: Date, to: Date, limit: number): Promise<EscalationRecord[]>;
  /** Each text's stemmed words, stemmed for each of its languages (the search index's stemmers), sorted. */
  lexemes(items: { text: string; languages: string[] }[]): Promise<string[][]>;
  /** Saved fixes, newest first. */
  fixes(): Promise<KnowledgeFix[]>;
  insertFix(fix: Omit<KnowledgeFix, 'id' | 'sourceName' | 'createdByName'>): Promise<void>;
  /** For each source, how many AI answers cited it since its own `since`. */
  citedSince(sources: { sourceId: string; since: Date }[]): Promise<Map<string, number>>;
  /** The buckets of the period that had anything. */
  metrics(period: Period): Promise<MetricsBucket[]>;
  periodMedians(period: Period): Promise<{ firstResponseMinutes: number | null; resolutionMinutes: number | null }>;
}

/** The audit log's rows (see AuditLog): only ever added to, read newest first. */
export interface AuditRepo {
  insert(event: { action: AuditAction; actorId: string | null; actor: string; ip: string | null; target: string | null; details: Record<string, unknown> }): Promise<void>;
  list(query: AuditQuery): Promise<AuditEvent[]>;
}

/** What retention, export and erasure read and delete (see PrivacyService). */
export interface PrivacyRepo {
  settings(): Promise<PrivacySettings>;
  saveSettings(settings: PrivacySettings): Promise<void>;
  /** Visitors who gave this address, compared without case. */
  visitorsByEmail(email: string): Promise<Visitor[]>;
  /** Everything stored about these conversations, for an export; `email` also finds emails sent to it. */
  visitorData(conversationIds: string[], email: string): Promise<Omit<VisitorExport, 'format' | 'exportedAt' | 'email' | 'visitors'>>;
  /** Counts for the erasure confirmation. */
  visitorFootprint(conversationIds: string[], email: string): Promise<{ conversations: number; messages: number; emails: number }>;
  /** Q&A snippets saved from these conversations (knowledge_fixes), which go with them. */
  derivedSources(conversationIds: string[]): Promise<{ id: string; name: string }[]>;
  conversationIdsOf(visitorIds: string[]): Promise<string[]>;
  /** Deletes the visitors, their conversations (with everything hanging off them) and emails to `email`. */
  eraseVisitors(visitorIds: string[], email: string): Promise<Omit<ErasureResult, 'snippets'>>;
  /** Up to `limit` conversations whose last message is older than `before`. */
  staleConversations(before: Date, limit: number): Promise<string[]>;
  deleteConversations(ids: string[]): Promise<{ conversations: number; messages: number }>;
  /** Visitors not seen since `before`: removed when nothing of theirs is left, else stripped of name, address, time zone and consent; their queued emails go too. */
  forgetVisitors(before: Date): Promise<{ visitorsDeleted: number; visitorsAnonymised: number; queuedEmails: number }>;
  /** Records of emails sent, failed or dropped before `before` (nothing still queued). */
  deleteEmailRecords(before: Date): Promise<number>;
}

/** Webhook endpoints and alert channels, the events waiting to be fanned out, and the deliveries. */
export interface IntegrationRepo {
  listEndpoints(): Promise<Endpoint[]>;
  findEndpoint(id: string): Promise<Endpoint | undefined>;
  createEndpoint(input: EndpointInput, secret: string | null): Promise<Endpoint>;
  updateEndpoint(id: string, input: EndpointInput): Promise<Endpoint | undefined>;
  setSecret(id: string, secret: string): Promise<void>;
  deleteEndpoint(id: string): Promise<boolean>;
  /** Records an event outside any other write (a reminder threshold passed); written only while an endpoint is active. */
  record(event: RecordedEvent): Promise<void>;
  /** The oldest events not yet fanned out, but for those that failed `maxFailures` times. */
  pendingEvents(limit: number, maxFailures: number): Promise<StoredEvent[]>;
  /** Notes that an event could not be fanned out, and why. */
  eventFailed(id: string, error: string): Promise<void>;
  /** Writes the event's deliveries (a repeat is ignored) and removes the event, in one transaction. */
  fanOut(eventId: string, deliveries: NewDelivery[]): Promise<void>;
  /** One delivery outside any event (an admin's test). */
  addDelivery(delivery: NewDelivery, lockedUntil: Date): Promise<Delivery>;
  /** Marks up to `limit` due deliveries to endpoints that are on (at most `perEndpoint` each) as being sent, for `lockMs`. */
  claimDue(now: Date, limit: number, lockMs: number, perEndpoint: number): Promise<Delivery[]>;
  /** Puts claimed deliveries back untried. */
  release(ids: string[]): Promise<void>;
  markAttempt(id: string, result: { status: 'delivered' | 'pending' | 'failed'; attempts: number; at: Date; nextAttemptAt?: Date; lastStatus: number | null; lastResponse: string | null; lastError: string | null }): Promise<void>;
  /** An endpoint's newest deliveries first. */
  deliveries(endpointId: string, limit: number): Promise<Delivery[]>;
  findDelivery(id: string): Promise<Delivery | undefined>;
  /** Queues a delivery again now, with a fresh set of attempts; false when there is none or it is being sent. */
  resend(id: string, now: Date): Promise<boolean>;
  /** Each endpoint's newest delivery. */
  lastDeliveries(): Promise<Map<string, { status: DeliveryStatus; lastStatus: number | null; at: Date }>>;
  /** Deletes finished deliveries and stray events older than `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** Sends one integration request: a JSON POST, bounded in time and in what is read back. */
export interface WebhookSender {
  post(url: string, body: string, headers: Record<string, string>): Promise<PostOutcome>;
}

/** Personal access tokens for the team API (their hashes stay in storage). */
export interface AccessTokenRepo {
  listFor(userId: string): Promise<AccessToken[]>;
  insert(token: { userId: string; name: string; scope: TokenScope; tokenHash: string; prefix: string; expiresAt: Date | null }): Promise<AccessToken>;
  findByHash(hash: string): Promise<AccessToken | undefined>;
  touch(id: string, at: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<void>;
}

/** What an OpenID provider says about who signed in, once the response was checked. */
export interface IdentityClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** What the browser's round trip to the provider must carry back, kept in its session. */
export interface SsoPending {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** An OpenID Connect provider (authorization code flow with PKCE). */
export interface IdentityProvider {
  /** Where to send the browser, and what to keep for its return. */
  start(redirectUri: string): Promise<{ url: string; pending: SsoPending }>;
  /** Checks the provider's answer (state, code, issuer, signature, nonce, times) and returns the claims. */
  finish(callbackQuery: string, pending: SsoPending): Promise<IdentityClaims>;
}

