import { createHmac } from 'node:crypto';
import pg from 'pg';
import { LogMailer, SmtpMailer, type RenderEmail } from './adapters/mail/smtp.js';
import { MistralChat } from './adapters/llm/mistral-chat.js';
import { MistralEmbedder } from './adapters/llm/mistral-embeddings.js';
import { CircuitBreaker } from './lib/circuit-breaker.js';
import { AssistantService } from './services/assistant/assistant-service.js';
import { MeilisearchIndex } from './adapters/search/meilisearch.js';
import { PostgresSearchIndex } from './adapters/search/postgres.js';
import { ChunksRepo } from './adapters/storage/chunks-repo.js';
import { ConversationsRepo } from './adapters/storage/conversations-repo.js';
import { ConversationReadsRepo } from './adapters/storage/conversation-reads-repo.js';
import { PgNotifyBus } from './adapters/events/pg-notify.js';
import { KnexLocker } from './adapters/storage/locker.js';
import { PostgresRateLimiter, PostgresTokenBudget, purgeExpiredRateLimits } from './adapters/storage/rate-limits.js';
import { InsightsRepository } from './adapters/storage/insights-repo.js';
import { InsightsService } from './services/insights/insights-service.js';
import { RatingsRepo } from './adapters/storage/ratings-repo.js';
import { MessagesRepo } from './adapters/storage/messages-repo.js';
import { VisitorsRepo } from './adapters/storage/visitors-repo.js';
import { WidgetSettingsRepo } from './adapters/storage/widget-settings-repo.js';
import { DocumentsRepo } from './adapters/storage/documents-repo.js';
import { SourcePagesRepo } from './adapters/storage/source-pages-repo.js';
import { SourceFilesRepo } from './adapters/storage/source-files-repo.js';
import { SourcesRepo } from './adapters/storage/sources-repo.js';
import { fileKind } from './adapters/web/file-kinds.js';
import { DEFAULT_PARSE_LIMITS, ParsePool } from './adapters/web/parsing.js';
import { cachedFor } from './lib/cached.js';
import { SyncRunsRepo } from './adapters/storage/sync-runs-repo.js';
import { createSafeFetcher } from './adapters/web/safe-fetch.js';
import { createWebhookSender } from './adapters/web/webhook-sender.js';
import { IntegrationsRepo } from './adapters/storage/integrations-repo.js';
import { AccessTokensRepo } from './adapters/storage/access-tokens-repo.js';
import { AccessTokenService } from './services/team/access-tokens.js';
import { SsoService } from './services/team/sso.js';
import { createOidcProvider } from './adapters/auth/oidc.js';
import { IntegrationService } from './services/integrations/integration-service.js';
import { VERSION } from './lib/paths.js';
import { CRAWLER_NAME, createWeb } from './adapters/web/web.js';
import { createDb, type Db } from './adapters/storage/db.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './adapters/storage/embedded-postgres.js';
import { migrateLatest } from './adapters/storage/migrate.js';
import { KnexStore } from './adapters/storage/store.js';
import type { Config } from './config.js';
import type { Logger } from './lib/logger.js';
import { persistentSecret, secretBox } from './lib/secrets.js';
import { PublicAddress } from './lib/public-address.js';
import { createViews, type Views } from './lib/views.js';
import type { ChatModel, ChunkRepo, Clock, HealthCheck, Locker, Mailer, RateLimiter, SearchIndex } from './services/ports.js';
import { AvailabilityService } from './services/availability/availability-service.js';
import { AvailabilitySettingsRepo } from './adapters/storage/availability-settings-repo.js';
import { OutboxRepo } from './adapters/storage/outbox-repo.js';
import { BatonMetrics } from './adapters/metrics/prometheus.js';
import { FollowupService } from './services/followups/followup-service.js';
import { ConversationLinks } from './services/followups/links.js';
import { ConversationService } from './services/conversations/conversation-service.js';
import { InboxService } from './services/conversations/inbox-service.js';
import { HandoffSettingsService } from './services/assistant/handoff-settings-service.js';
import { HandoffSettingsRepo } from './adapters/storage/handoff-settings-repo.js';
import { CannedResponsesRepo } from './adapters/storage/canned-responses-repo.js';
import { PresenceRepo } from './adapters/storage/presence-repo.js';
import { PresenceService } from './services/availability/presence-service.js';
import { Transitions } from './services/conversations/transitions.js';
import { VisitorTokens } from './services/conversations/visitor-tokens.js';
import { VisitorService } from './services/conversations/visitor-service.js';
import { KnowledgeService } from './services/knowledge/knowledge-service.js';
import { Retriever } from './services/knowledge/retriever.js';
import { WidgetService } from './services/widget/widget-service.js';
import { AuthService } from './services/team/auth-service.js';
import { AuditEventsRepo } from './adapters/storage/audit-repo.js';
import { PrivacyStorage } from './adapters/storage/privacy-repo.js';
import { Authority } from './services/audit/authority.js';
import { TwoFactorService } from './services/team/two-factor-service.js';
import { OnboardingService } from './services/onboarding/onboarding-service.js';
import { TwoFactorRepo } from './adapters/storage/two-factor-repo.js';
import { AuditLog } from './services/audit/audit-log.js';
import { PrivacyService } from './services/privacy/privacy-service.js';
import { TeamService } from './services/team/team-service.js';

/**
 * The composition root: the one place that knows which adapter stands behind each port.
 * Nothing is built at import time; createContainer does it all, and close() undoes it.
 */
export interface Container {
  config: Config;
  logger: Logger;
  db: Db;
  /** A plain pg pool for connect-pg-simple, which cannot use knex's pool. */
  sessionPool: pg.Pool;
  sessionSecret: string;
  /** What sites sign visitors' emails with for Baton.identify (shown in Settings › Widget). */
  identityKey: string;
  /** The organisation's website hosts (where AI replies may link), a few seconds old at most. */
  siteHosts: () => Promise<ReadonlySet<string>>;
  /** Who emails come from, as Settings › Email shows it: MAIL_FROM, or the organisation at the public host. */
  mailSender: () => Promise<string>;
  /** Where people reach Baton (BASE_URL, else the admin's address, else the local default). */
  publicAddress: PublicAddress;
  views: Views;
  mailer: Mailer;
  clock: Clock;
  health: HealthCheck[];
  /** Meilisearch when MEILI_URL is set, else Postgres full-text search; chunks stay in Postgres either way. */
  search: SearchIndex;
  chunks: ChunkRepo;
  /** Rate limits, counted in Postgres (shared by every replica). */
  rateLimits: {
    visitorMessages: RateLimiter;
    ipMessages: RateLimiter;
    newVisitors: RateLimiter;
    visitorConversations: RateLimiter;
    ipConversations: RateLimiter;
    visitorHandoffs: RateLimiter;
    ipHandoffs: RateLimiter;
    visitorEmails: RateLimiter;
    ipEmails: RateLimiter;
    /** Sign-in, two-factor codes and password-reset requests per network (LOGIN_RATE_LIMIT per 15 minutes). */
    ipSignIns: RateLimiter;
    /** Team API calls per personal access token (TEAM_API_PER_MINUTE). */
    teamApi: RateLimiter;
    purgeExpired(): Promise<number>;
  };
  /** Domain events across replicas (Postgres LISTEN/NOTIFY). */
  events: PgNotifyBus;
  /** Prometheus metrics (GET /metrics). */
  metrics: BatonMetrics;
  services: {
    team: TeamService;
    auth: AuthService;
    knowledge: KnowledgeService;
    assistant: AssistantService;
    conversations: ConversationService;
    visitors: VisitorService;
    inbox: InboxService;
    handoff: HandoffSettingsService;
    presence: PresenceService;
    availability: AvailabilityService;
    followups: FollowupService;
    widget: WidgetService;
    twoFactor: TwoFactorService;
    onboarding: OnboardingService;
    insights: InsightsService;
    privacy: PrivacyService;
    integrations: IntegrationService;
    accessTokens: AccessTokenService;
    /** Single sign-on, when OIDC_ISSUER is set. */
    sso: SsoService | undefined;
    audit: AuditLog;
  };
  /** Signs the links and reply addresses in emails to visitors. */
  conversationLinks: ConversationLinks;
  /** Named locks across replicas (scheduled jobs run on one replica at a time). */
  locker: Locker;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ContainerOverrides {
  clock?: Clock;
  mailer?: Mailer;
  /** An LLM of the caller's (the benchmark's zero-latency model) instead of Mistral. */
  chat?: ChatModel;
}

/** Agents write longer than visitors (a visitor's limit is WIDGET_MESSAGE_MAX_CHARS). */
const AGENT_MESSAGE_MAX_CHARS = 10_000;
/** The inbox beats every 30 s; missing two or three beats means it is closed. */
const PRESENCE_OFFLINE_AFTER_MS = 90_000;

export const systemClock: Clock = { now: () => new Date() };

/** Paths of links we put in emails; http/ serves them. */
export const linkPaths = {
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  conversation: (token: string) => `/c/${encodeURIComponent(token)}`,
  inboxConversation: (id: string) => `/inbox/conversations/${encodeURIComponent(id)}`,
  passwordReset: (token: string) => `/password/reset/${encodeURIComponent(token)}`,
  confirmEmail: (token: string) => `/email/confirm/${encodeURIComponent(token)}`,
};

async function connectDatabase(config: Config, logger: Logger): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    onLog: (line) => logger.debug({ postgres: line.trim() }, 'embedded postgres'),
  });
  logger.info(
    { dataDir: `${config.dataDir}/postgres`, port: config.embeddedPostgresPort, joined: !embedded.owned },
    embedded.owned
      ? 'DATABASE_URL is not set: started embedded Postgres (data kept across restarts)'
      : 'DATABASE_URL is not set: using the embedded Postgres already running for this data directory',
  );
  return { url: embedded.url, embedded };
}

export async function createContainer(config: Config, logger: Logger, overrides: ContainerOverrides = {}): Promise<Container> {
  const { url, embedded } = await connectDatabase(config, logger);
  const db = createDb(url, {
    log: {
      warn: (m) => logger.warn(`database: ${m}`),
      error: (m) => logger.error(`database: ${m}`),
      debug: (m) => logger.debug(`database: ${m}`),
    },
  });
  const sessionPool = new pg.Pool({ connectionString: url, max: 5, application_name: 'baton-sessions' });
  sessionPool.on('error', (e) => logger.error({ err: e }, 'session pool error'));

  let sessionSecret = config.sessionSecret;
  if (!sessionSecret) {
    sessionSecret = await persistentSecret(config.dataDir, 'session-secret');
    logger.info({ file: `${config.dataDir}/session-secret` }, 'SESSION_SECRET is not set: using a generated secret kept in the data directory');
  }

  // The key sites sign visitors' emails with (Baton.identify's hash): derived from the session
  // secret, so every replica has it and nothing more is stored; it changes when that secret does.
  const identityKey = createHmac('sha256', sessionSecret).update('baton visitor identity v1').digest('hex');
  const installation = createHmac('sha256', sessionSecret).update('baton installation v1').digest('hex').slice(0, 12);

  const views = createViews({ cache: config.isProduction });
  const renderEmail: RenderEmail = (template, data) => ({
    html: views.render(`emails/${template}.html.eta`, data),
    text: views.render(`emails/${template}.txt.eta`, data),
  });
  // Without MAIL_FROM: "Acme <baton@support.acme.test>", the organisation's name at the public
  // address's host, read when each email goes (store and publicAddress are set up below).
  // The organisation's name is read at most every 5 s, not once per email of a batch.
  const organisationName = cachedFor(5_000, async () => (await store.organisations.get())?.name || 'Baton');
  const sender = async () => ({ name: await organisationName(), address: `baton@${new URL(publicAddress.get()).hostname || 'localhost'}` });
  const smtp = config.smtp ? new SmtpMailer(config.smtp, config.mailFrom ?? sender, renderEmail) : undefined;
  const logMailer = new LogMailer(logger, renderEmail);
  const mailer = overrides.mailer ?? smtp ?? logMailer;

  const clock = overrides.clock ?? systemClock;
  const store = new KnexStore(db);
  const publicAddress = new PublicAddress({
    fromEnv: config.baseUrlFromEnv ? config.baseUrl : undefined,
    fallback: config.baseUrl,
    read: async () => (await store.organisations.get())?.publicUrl,
    onError: (err) => logger.warn({ err }, 'the public address could not be read; links use the previous one'),
  });
  const absolute = (p: string) => `${publicAddress.get()}${p}`;
  const audit = new AuditLog({ repo: new AuditEventsRepo(db) });
  // Every admin action passes this: who may, and a readable entry in the audit log.
  const authority = new Authority({ audit });

  const team = new TeamService({
    audit,
    authority,
    store,
    mailer,
    clock,
    inviteTtlHours: config.auth.inviteTtlHours,
    links: { invite: (t) => absolute(linkPaths.invite(t)), forgotPassword: () => absolute('/password/forgot') },
    sessionsEnded: (ended) => events.publish({ type: 'sessions.ended', ...ended }),
    publicAddress,
  });
  const twoFactor = new TwoFactorService({
    repo: new TwoFactorRepo(db),
    users: store.users,
    organisations: store.organisations,
    box: secretBox(sessionSecret, 'two-factor secrets v1'),
    audit,
    authority,
    clock,
    policy: config.auth,
    async endSessions(userId, except) {
      await store.sessions.deleteForUser(userId, except);
      await events.publish({ type: 'sessions.ended', userId, ...(except ? { except } : {}) });
    },
  });
  const auth = new AuthService({
    audit,
    store,
    mailer,
    clock,
    policy: config.auth,
    links: { passwordReset: (t) => absolute(linkPaths.passwordReset(t)) },
    onMailFailure: (err, to) => logger.error({ err, to }, 'password reset email could not be sent'),
    sessionsEnded: (ended) => events.publish({ type: 'sessions.ended', ...ended }),
  });

  const database: HealthCheck = {
    name: 'database',
    critical: true,
    check: async () => {
      try {
        await db.raw('select 1');
        return { ok: true };
      } catch (e) {
        return { ok: false, reason: e instanceof Error ? e.message : String(e) };
      }
    },
  };
  // Prometheus metrics: counted where things happen, read at GET /metrics (METRICS_TOKEN).
  const metrics = new BatonMetrics({ outbox: async () => (await new OutboxRepo(db).counts()) as Record<string, number> });
  const postgresSearch = new PostgresSearchIndex(db, database);
  const embedder = config.searchHybrid && config.mistral ? new MistralEmbedder(config.mistral) : undefined;
  const search: SearchIndex = config.meili
    ? new MeilisearchIndex({ ...config.meili, embedder, onEmbedError: (err) => logger.warn({ err }, 'Mistral embeddings failed; searching Meilisearch by keywords only') })
    : postgresSearch;
  const health = [database, search.health(), (smtp ?? logMailer).health()];
  const chunks = new ChunksRepo(db);
  const fetcher = createSafeFetcher({
    privateAccess: config.crawl.privateAccess,
    maxBytes: config.crawl.maxPageBytes,
    timeoutMs: config.crawl.timeoutMs,
    maxRedirects: 5,
    userAgent: `${CRAWLER_NAME}/1.0 (+${config.baseUrl})`,
  });
  // The organisation's own sites, where replies may link: read by every reply, so kept a few seconds.
  const siteHosts = cachedFor(5_000, async (): Promise<ReadonlySet<string>> => new Set(await knowledge.websiteHosts()));
  // Documents, pages and sitemaps are read in worker threads with memory and time limits.
  const parsing = new ParsePool({ ...DEFAULT_PARSE_LIMITS, ...config.parsing });
  // Named locks in Postgres: one replica at a time for jobs and for one source's passages.
  const locker = new KnexLocker(db);
  const knowledge = new KnowledgeService({
    locker,
    sources: new SourcesRepo(db),
    chunks,
    documents: new DocumentsRepo(db),
    pages: new SourcePagesRepo(db),
    runs: new SyncRunsRepo(db),
    web: createWeb(fetcher, parsing),
    crawl: { maxPages: config.crawl.maxPages, concurrency: config.crawl.concurrency, delayMs: config.crawl.delayMs },
    files: new SourceFilesRepo(db),
    reader: { read: (file) => parsing.readFile(file), supports: (name, type) => fileKind(name, type) !== undefined },
    uploadMaxBytes: config.uploadMaxBytes,
    index: search,
    fallback: search === postgresSearch ? undefined : postgresSearch,
    clock,
    retriever: new Retriever({
      chunks,
      index: metrics.timeSearch(search),
      fallback: search === postgresSearch ? undefined : metrics.timeSearch(postgresSearch),
      onFallback: (err) => {
        metrics.searchFallbacks.inc();
        logger.warn({ err }, 'Meilisearch did not answer; searched Postgres instead');
      },
    }),
    onIndexError: (err) => logger.warn({ err }, 'Meilisearch did not answer a write; the passages are in Postgres, run `baton reindex` once it is back'),
    authority,
  });

  const assistant = new AssistantService({
    knowledge,
    chat: ((chat) => chat && metrics.timeChat(chat))(overrides.chat ?? (config.mistral ? new MistralChat({ apiKey: config.mistral.apiKey, serverUrl: config.mistral.serverUrl, model: config.mistral.chatModel, timeoutMs: config.mistral.timeoutMs }) : undefined)),
    // Three failures in a row and the LLM is left alone for 30 s: visitors get excerpts meanwhile.
    breaker: new CircuitBreaker({ threshold: 3, cooldownMs: 30_000 }),
    timeoutMs: config.mistral?.timeoutMs ?? 20_000,
    firstTokenMs: config.mistral?.firstTokenMs ?? 8_000,
    temperature: config.mistral?.temperature ?? 0.2,
    allowedHosts: async () => [...(await siteHosts())],
    onLlmFailure: (err) => logger.warn({ err }, 'Mistral did not answer; replied with excerpts instead'),
  });

  const events = new PgNotifyBus({
    db,
    connectionString: url,
    onError: (err) => logger.warn({ err }, 'live updates: the event connection to Postgres failed; reconnecting'),
    onReconnect: () => logger.info('live updates: listening to Postgres again'),
  });
  const conversationsRepo = new ConversationsRepo(db);
  const messagesRepo = new MessagesRepo(db);
  const visitorsRepo = new VisitorsRepo(db);
  const presence = new PresenceService({
    presence: new PresenceRepo(db),
    clock,
    options: { awayAfterMs: config.inbox.awayAfterMinutes * 60_000, offlineAfterMs: PRESENCE_OFFLINE_AFTER_MS },
  });
  const availability = new AvailabilityService({
    settings: new AvailabilitySettingsRepo(db),
    organisations: store.organisations,
    presence,
    firstResponse: (since) => conversationsRepo.firstResponse(since),
    clock,
    authority,
  });
  const conversationLinks = new ConversationLinks(sessionSecret);
  const visitorTokens = new VisitorTokens(sessionSecret);
  const outbox = new OutboxRepo(db);
  const followups = new FollowupService({
    authority,
    outbox,
    visitors: visitorsRepo,
    conversations: conversationsRepo,
    messages: messagesRepo,
    users: store.users,
    organisations: store.organisations,
    availability,
    mailer,
    links: conversationLinks,
    visitorToken: (id) => visitorTokens.sign(id),
    // Bound late: the integrations are built after the services they read from.
    onWaiting: (waiting) => integrations.waiting(waiting),
    clock,
    options: {
      batchWindowMs: config.email.replyBatchSeconds * 1000,
      batchMaxMs: Math.max(config.email.replyBatchSeconds * 1000 * 5, 60_000),
      retryBaseMs: 30_000,
      retryMaxMs: 60 * 60_000,
      giveUpAfterMs: 24 * 60 * 60_000,
      batchSize: 20,
      linkTtlMs: config.email.linkTtlDays * 86_400_000,
      urls: { conversation: (t) => absolute(linkPaths.conversation(t)), inbox: (id) => absolute(linkPaths.inboxConversation(id)), confirmEmail: (t) => absolute(linkPaths.confirmEmail(t)) },
      inboundDomain: config.email.inbound?.domain,
      // The installation's own tag (from its secret), so two Batons on one host never share an id.
      messageId: (id) => `<outbox-${id}.${installation}@${new URL(publicAddress.get()).hostname || 'baton.local'}>`,
      emailsVisitors: mailer !== logMailer,
    },
  });
  const transitions = new Transitions({ conversations: conversationsRepo, events: metrics.countEvents(events), clock, onError: (err) => logger.warn({ err }, 'a live update could not be published') });
  const handoff = new HandoffSettingsService({ settings: new HandoffSettingsRepo(db), authority });
  const ratingsRepo = new RatingsRepo(db);
  const privacy = new PrivacyService({ repo: new PrivacyStorage(db), knowledge, audit, authority, clock });
  const visitors = new VisitorService({
    visitors: visitorsRepo,
    conversations: conversationsRepo,
    identityKey,
    tokens: visitorTokens,
    clock,
    followups,
    availability,
    // A typed address gets at most three confirmations a day, whoever types it.
    confirmationsPerAddress: new PostgresRateLimiter(db, { name: 'mailbox-confirmations', points: 3, seconds: 86_400 }),
  });
  const conversations = new ConversationService({
    identity: visitors,
    privacy,
    handoff,
    visitors: visitorsRepo,
    users: store.users,
    conversations: conversationsRepo,
    messages: messagesRepo,
    ratings: ratingsRepo,
    assistant,
    locker,
    transitions,
    clock,
    limits: { messageMaxChars: config.widget.messageMaxChars, conversationTokenBudget: config.widget.conversationTokenBudget },
    tokenBudget: new PostgresTokenBudget(db, { visitor: config.widget.visitorDailyTokenBudget, ip: config.widget.ipDailyTokenBudget }),
    availability,
    followups,
    onError: (err) => logger.warn({ err }, 'background work on a conversation failed (a handoff note or a draft for the agent)'),
  });
  const inbox = new InboxService({
    authority,
    conversations: conversationsRepo,
    messages: messagesRepo,
    visitors: visitorsRepo,
    users: store.users,
    reads: new ConversationReadsRepo(db),
    canned: new CannedResponsesRepo(db),
    ratings: ratingsRepo,
    transitions,
    followups,
    clock,
    limits: { agentMessageMaxChars: AGENT_MESSAGE_MAX_CHARS },
  });
  const widget = new WidgetService({ settings: new WidgetSettingsRepo(db), authority });
  const onboarding = new OnboardingService({
    organisation: () => store.organisations.get(),
    sourceCount: async () => (await knowledge.listSources()).length,
    publicAddress,
    visitorFromAnotherSite: (origin) => conversationsRepo.anyFromOtherSite(origin),
    hoursChosen: () => availability.hoursChosen(),
    availability: () => availability.now(),
    emailReady: followups.emailsVisitors,
    teamSize: async () => ({ users: (await store.users.list()).filter((u) => u.active).length, invites: (await store.tokens.pendingInvites()).length }),
    waiting: async (user) => (await inbox.counts(user)).waiting,
    clock,
  });
  const webhookSender = createWebhookSender({ privateAccess: config.integrations.privateAccess, timeoutMs: config.integrations.timeoutMs, userAgent: `Baton/${VERSION} (+${config.baseUrl})` });
  const integrations = new IntegrationService({
    repo: new IntegrationsRepo(db, secretBox(sessionSecret, 'integrations v1')),
    conversations: conversationsRepo,
    messages: messagesRepo,
    visitors: visitorsRepo,
    users: store.users,
    ratings: ratingsRepo,
    syncRuns: new SyncRunsRepo(db),
    sources: new SourcesRepo(db),
    organisations: store.organisations,
    sender: webhookSender,
    authority,
    clock,
    options: { conversationUrl: (id) => absolute(linkPaths.inboxConversation(id)), inboxUrl: absolute('/inbox'), userAgent: `Baton/${VERSION} (+${config.baseUrl})`, keepDays: config.integrations.logDays },
    onAttempt: (outcome) => metrics.integrationAttempts.inc({ outcome }),
  });
  const sso = config.oidc
    ? new SsoService({ provider: createOidcProvider({ ...config.oidc, clock }), store, audit, clock, options: { label: config.oidc.label, only: config.oidc.only, allowedDomains: config.oidc.allowedDomains, defaultRole: config.oidc.defaultRole, issuer: config.oidc.issuer } })
    : undefined;
  const accessTokens = new AccessTokenService({ repo: new AccessTokensRepo(db), users: store.users, authority, clock, twoFactorRequired: () => twoFactor.required() });
  const insights = new InsightsService({
    repo: new InsightsRepository(db),
    knowledge,
    messages: messagesRepo,
    users: store.users,
    organisation: () => store.organisations.get(),
    outbox,
    clock,
    urls: { insights: (path) => absolute(path) },
  });

  let closed = false;
  return {
    config,
    logger,
    db,
    sessionPool,
    sessionSecret,
    identityKey,
    siteHosts,
    publicAddress,
    mailSender: async () => {
      if (config.mailFrom) return config.mailFrom;
      const { name, address } = await sender();
      return `${name} <${address}>`;
    },
    views,
    mailer,
    clock,
    health,
    search,
    chunks,
    rateLimits: {
      visitorMessages: new PostgresRateLimiter(db, { name: 'visitor-messages', points: config.widget.visitorMessagesPerMinute, seconds: 60 }),
      ipMessages: new PostgresRateLimiter(db, { name: 'ip-messages', points: config.widget.ipMessagesPerMinute, seconds: 60 }),
      newVisitors: new PostgresRateLimiter(db, { name: 'ip-new-visitors', points: config.widget.newVisitorsPerIpPerHour, seconds: 3600 }),
      // Each conversation and each handoff can email the visitor and the team: fewer of them.
      visitorConversations: new PostgresRateLimiter(db, { name: 'visitor-conversations', points: 20, seconds: 3600 }),
      ipConversations: new PostgresRateLimiter(db, { name: 'ip-conversations', points: config.widget.conversationsPerIpPerHour, seconds: 3600 }),
      visitorHandoffs: new PostgresRateLimiter(db, { name: 'visitor-handoffs', points: 10, seconds: 3600 }),
      ipHandoffs: new PostgresRateLimiter(db, { name: 'ip-handoffs', points: 60, seconds: 3600 }),
      // Leaving an email can send a confirmation: a few per visitor, a few dozen per network.
      visitorEmails: new PostgresRateLimiter(db, { name: 'visitor-emails', points: 5, seconds: 3600 }),
      ipEmails: new PostgresRateLimiter(db, { name: 'ip-emails', points: 30, seconds: 3600 }),
      // Counted in Postgres like the rest, so two replicas do not each allow the whole limit.
      ipSignIns: new PostgresRateLimiter(db, { name: 'ip-sign-ins', points: config.auth.loginRateLimit, seconds: 15 * 60 }),
      teamApi: new PostgresRateLimiter(db, { name: 'team-api', points: config.teamApiPerMinute, seconds: 60 }),
      purgeExpired: () => purgeExpiredRateLimits(db, clock.now()),
    },
    events,
    metrics,
    services: { team, auth, twoFactor, onboarding, knowledge, assistant, conversations, visitors, inbox, handoff, presence, availability, followups, widget, insights, privacy, integrations, accessTokens, sso, audit },
    conversationLinks,
    locker,
    async migrate() {
      const result = await migrateLatest(db);
      // The address the admin gave, before anything builds a link with it.
      await publicAddress.load();
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Handoff notes and drafts still being written finish first (bounded by the LLM timeout).
      await conversations.settled();
      smtp?.close();
      await events.close();
      await fetcher.close();
      await webhookSender.close();
      await parsing.close();
      await sessionPool.end().catch(() => {});
      await db.destroy();
      await embedded?.stop();
    },
  };
}
