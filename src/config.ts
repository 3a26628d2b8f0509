import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { parsePrivateAccess, type PrivateAccess } from './lib/address-policy.js';
import { isTimeZone } from './lib/time-zones.js';

/**
 * The only reader of process.env. Everything is validated once at start; a bad value stops
 * Baton with a message naming the variable and what to set (ARCHITECTURE.md rule 7).
 * Every variable read here is documented in .env.example (a test keeps the two in step).
 */

/** Variables that may instead be given as a path in NAME_FILE (Docker/Kubernetes secrets). */
export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'DATABASE_PASSWORD',
  'SESSION_SECRET',
  'SMTP_PASSWORD',
  'MEILI_MASTER_KEY',
  'BATON_ADMIN_PASSWORD',
  'MISTRAL_API_KEY',
  'OIDC_CLIENT_SECRET',
] as const;

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => (v === '' ? fallback : v === 'true' || v === '1' || v === 'yes'));

const int = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  // 0 asks the OS for any free port (tests do); the log says which one was taken.
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be the http(s) URL people use to reach Baton, e.g. https://support.example.com' }).optional()),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL, e.g. postgres://baton:secret@postgres:5432/baton' }).optional(),
  ),
  // Kept apart from DATABASE_URL so the password alone can come from a secret file (compose secrets).
  DATABASE_PASSWORD: optionalText,
  EMBEDDED_POSTGRES_PORT: int(5433, 1, 65535),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, { error: 'must be at least 32 characters; generate one with `openssl rand -hex 32`' }).optional()),
  TRUST_PROXY: z.string().default('false'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false'], { error: 'must be auto, true or false' }).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SMTP_HOST: optionalText,
  SMTP_PORT: int(587, 1, 65535),
  SMTP_SECURE: bool(false),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  MAIL_FROM: optionalText,
  MEILI_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be the Meilisearch URL, e.g. http://meilisearch:7700' }).optional()),
  MEILI_MASTER_KEY: optionalText,
  BATON_ADMIN_EMAIL: optionalText.pipe(z.email({ error: 'must be an email address' }).optional()),
  BATON_ADMIN_PASSWORD: optionalText,
  BATON_ADMIN_NAME: z.string().min(1).default('Admin'),
  BATON_ORG_NAME: z.string().min(1).default('My company'),
  BATON_ORG_TIMEZONE: z.string().default('UTC').refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Copenhagen' }),
  LOGIN_MAX_ATTEMPTS: int(10, 3, 100),
  LOGIN_LOCKOUT_MINUTES: int(15, 1, 24 * 60),
  LOGIN_RATE_LIMIT: int(30, 5, 10_000),
  INVITE_TTL_HOURS: int(72, 1, 24 * 30),
  PASSWORD_RESET_TTL_MINUTES: int(60, 5, 24 * 60),
  CRAWL_ALLOW_PRIVATE: z.string().default('false'),
  INTEGRATIONS_ALLOW_PRIVATE: z.string().default('false'),
  INTEGRATIONS_LOG_DAYS: int(30, 1, 365),
  INTEGRATIONS_TIMEOUT_SECONDS: int(10, 1, 60),
  TEAM_API_PER_MINUTE: int(300, 1, 100_000),
  OIDC_ISSUER: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be the provider’s issuer URL, e.g. https://id.example.com/realms/acme' }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_LABEL: z.string().max(60).default('single sign-on'),
  OIDC_ONLY: bool(false),
  OIDC_ALLOWED_DOMAINS: z.string().max(2000).default(''),
  OIDC_DEFAULT_ROLE: z.enum(['agent', 'admin'], { error: 'must be agent or admin' }).default('agent'),
  CRAWL_MAX_PAGES: int(500, 1, 100_000),
  CRAWL_CONCURRENCY: int(2, 1, 16),
  CRAWL_DELAY_MS: int(250, 0, 60_000),
  CRAWL_TIMEOUT_SECONDS: int(20, 1, 300),
  CRAWL_MAX_PAGE_MB: int(5, 1, 100),
  UPLOAD_MAX_MB: int(20, 1, 500),
  PARSE_MAX_MEMORY_MB: int(256, 64, 8192),
  PARSE_TIMEOUT_SECONDS: int(30, 1, 3600),
  MISTRAL_API_KEY: optionalText,
  SEARCH_HYBRID: bool(false),
  MISTRAL_SERVER_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) origin, e.g. https://api.mistral.ai' }).optional()),
  MISTRAL_EMBED_MODEL: z.string().min(1).default('mistral-embed'),
  MISTRAL_CHAT_MODEL: z.string().min(1).default('mistral-small-latest'),
  MISTRAL_TEMPERATURE: z.coerce.number({ error: 'must be a number' }).min(0, { error: 'must be at least 0' }).max(1.5, { error: 'must be at most 1.5' }).default(0.2),
  MISTRAL_TIMEOUT_SECONDS: int(20, 1, 600),
  MISTRAL_FIRST_TOKEN_SECONDS: int(8, 1, 600),
  WIDGET_MESSAGE_MAX_CHARS: int(2000, 100, 20_000),
  WIDGET_VISITOR_MESSAGES_PER_MINUTE: int(12, 1, 100_000),
  WIDGET_IP_MESSAGES_PER_MINUTE: int(60, 1, 1_000_000),
  WIDGET_STREAMS_PER_IP: int(100, 1, 1_000_000),
  WIDGET_NEW_VISITORS_PER_IP_PER_HOUR: int(60, 1, 1_000_000),
  WIDGET_CONVERSATIONS_PER_IP_PER_HOUR: int(200, 1, 1_000_000),
  CONVERSATION_TOKEN_BUDGET: int(60_000, 1000, 100_000_000),
  VISITOR_DAILY_TOKEN_BUDGET: int(200_000, 1000, 1_000_000_000),
  IP_DAILY_TOKEN_BUDGET: int(1_000_000, 1000, 1_000_000_000),
  AGENT_AWAY_AFTER_MINUTES: int(10, 1, 1440),
  EMAIL_LINK_TTL_DAYS: int(30, 1, 365),
  REPLY_BATCH_SECONDS: int(120, 0, 3600),
  INBOUND_SMTP_PORT: int(0, 0, 65535),
  INBOUND_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  INBOUND_SMTP_TLS_CERT_FILE: optionalText,
  INBOUND_SMTP_TLS_KEY_FILE: optionalText,
  INBOUND_EMAIL_DOMAIN: optionalText.pipe(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { error: 'must be a domain name such as replies.example.com' }).optional()),
  HEALTH_TOKEN: optionalText.pipe(z.string().min(16, { error: 'must be at least 16 characters (e.g. openssl rand -hex 24)' }).optional()),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, { error: 'must be at least 16 characters (e.g. openssl rand -hex 24)' }).optional()),
  // Checked field by field here, at load: a bad value used to pass and crash the scheduler after listen.
  DATABASE_WAIT_SECONDS: int(60, 0, 600),
  SYNC_SCHEDULE: z
    .string()
    .default('17 * * * *')
    .superRefine((raw, ctx) => {
      const v = raw.trim();
      if (v === 'off') return;
      const problem = !/^(\S+\s+){4}\S+$/.test(v) ? 'five fields are needed' : cron.validateDetailed(v).errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      if (problem) ctx.addIssue({ code: 'custom', message: `must be a cron expression (minute hour day month weekday), e.g. "0 3 * * *", or off (${problem})` });
    }),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** Public origin used in links we email, e.g. https://support.example.com (no trailing slash). */
  baseUrl: string;
  /** BASE_URL was set: it decides the public address (else the admin's, see PublicAddress). */
  baseUrlFromEnv: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  /** How long start-up waits for an external Postgres that does not answer yet (compose's first boot). */
  databaseWaitSeconds: number;
  embeddedPostgresPort: number;
  sessionSecret: string | undefined;
  trustProxy: boolean | number | string;
  cookieSecure: boolean;
  logLevel: string;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | undefined;
  /** Shows /readyz's details (hosts, reasons) to whoever sends it as a bearer token; without it, nobody. */
  healthToken: string | undefined;
  /** Turns on GET /metrics (Prometheus) for a scraper that sends it as a bearer token. */
  metricsToken: string | undefined;
  /** MAIL_FROM; unset: the organisation's name at baton@ the public address's host. */
  mailFrom: string | undefined;
  meili: { url: string; apiKey?: string } | undefined;
  headlessAdmin: { email: string; password: string; name: string } | undefined;
  organisationDefaults: { name: string; timeZone: string };
  /** Webhooks and alert channels: which private addresses deliveries may reach, and how long the log keeps them. */
  integrations: { privateAccess: PrivateAccess; logDays: number; timeoutMs: number };
  /** Team API calls each personal access token may make per minute. */
  teamApiPerMinute: number;
  /** Single sign-on with OpenID Connect, when OIDC_ISSUER is set. */
  oidc: { issuer: string; clientId: string; clientSecret: string; label: string; only: boolean; allowedDomains: string[]; defaultRole: 'agent' | 'admin' } | undefined;
  crawl: {
    privateAccess: PrivateAccess;
    /** Default page cap for a new website source. */
    maxPages: number;
    concurrency: number;
    delayMs: number;
    timeoutMs: number;
    maxPageBytes: number;
  };
  uploadMaxBytes: number;
  /** Reading one document, page or sitemap (in a worker thread): memory and time it may take. */
  parsing: { maxMemoryMb: number; timeoutMs: number };
  /** Hybrid (keyword + semantic) Meilisearch search with Mistral embeddings; needs both. */
  searchHybrid: boolean;
  /** Mistral (EU), when an API key is set. */
  mistral: { apiKey: string; serverUrl: string | undefined; embedModel: string; chatModel: string; temperature: number; timeoutMs: number; firstTokenMs: number } | undefined;
  /** Limits on what visitors may send through the widget and the public API. */
  widget: {
    messageMaxChars: number;
    visitorMessagesPerMinute: number;
    ipMessagesPerMinute: number;
    /** Live streams one address may hold open in one process (an office behind one NAT needs more). */
    streamsPerIp: number;
    newVisitorsPerIpPerHour: number;
    /** New conversations per address per hour (each visitor may start 20 an hour). */
    conversationsPerIpPerHour: number;
    /** LLM tokens one conversation may spend; after that it gets excerpts. */
    conversationTokenBudget: number;
    /** LLM tokens one visitor, and one address, may spend a day across conversations. */
    visitorDailyTokenBudget: number;
    ipDailyTokenBudget: number;
  };
  inbox: {
    /** An agent who did nothing in the open inbox for this long shows as away. */
    awayAfterMinutes: number;
  };
  email: {
    /** How long a link in an email to a visitor opens their conversation. */
    linkTtlDays: number;
    /** An agent's replies this close together go out as one email. */
    replyBatchSeconds: number;
    /** The optional receiver for visitors' email replies (off unless a port is set). */
    /** `tls`: offered as STARTTLS to sending servers when a certificate is given. */
    inbound: { port: number; host: string; domain: string; tls?: { cert: Buffer; key: Buffer } } | undefined;
  };
  /** When to queue the websites due for a re-sync (cron, organisation's time zone), or undefined for never. */
  syncSchedule: string | undefined;
  auth: {
    maxFailedLogins: number;
    lockoutMinutes: number;
    loginRateLimit: number;
    inviteTtlHours: number;
    passwordResetTtlMinutes: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Baton cannot start: the configuration is invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its default.`);
    this.name = 'ConfigError';
  }
}

function resolveSecretFiles(env: Env, problems: string[]): Env {
  const out: Env = { ...env };
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) {
      problems.push(`${name} and ${name}_FILE are both set: set only one of them.`);
      continue;
    }
    try {
      out[name] = readFileSync(file, 'utf8').trim();
    } catch (e) {
      problems.push(`${name}_FILE: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}): point it at a readable file holding the secret.`);
    }
  }
  return out;
}

/** The URL with its password replaced, percent-encoded whole (the URL setter leaves a bare %). */
function withPassword(databaseUrl: string, password: string): string {
  const url = new URL(databaseUrl);
  url.password = encodeURIComponent(password);
  return url.toString();
}

function parseTrustProxy(raw: string): boolean | number | string {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return raw.trim();
}

export function loadConfig(rawEnv: Env = process.env): Config {
  const problems: string[] = [];
  // An empty value (NAME= in a copied .env) means "use the default", as if it were unset.
  const given = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const env = resolveSecretFiles(given, problems);
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'configuration');
      problems.push(`${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? '')}).`);
    }
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;

  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required when NODE_ENV=production; set it to a random string of 32+ characters (`openssl rand -hex 32`) or point SESSION_SECRET_FILE at a file holding one.');
  }
  if ((e.OIDC_ISSUER || e.OIDC_CLIENT_ID || e.OIDC_CLIENT_SECRET) && !(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET)) {
    problems.push('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three for single sign-on, or none.');
  }
  if (e.OIDC_ISSUER?.startsWith('http://') && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(e.OIDC_ISSUER).hostname)) {
    problems.push('OIDC_ISSUER: must be https:// (plain http only for a provider on this machine).');
  }
  if (e.OIDC_ONLY && !e.OIDC_ISSUER) problems.push('OIDC_ONLY: needs single sign-on set up (OIDC_ISSUER and the client) first.');
  const oidcDomains = e.OIDC_ALLOWED_DOMAINS.split(',').map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  for (const d of oidcDomains) if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)) problems.push(`OIDC_ALLOWED_DOMAINS: "${d}" is not a domain; use a comma list such as example.com, example.org.`);
  if (e.DATABASE_PASSWORD && !e.DATABASE_URL) {
    problems.push('DATABASE_PASSWORD: only used with DATABASE_URL (it replaces the password in that URL); set DATABASE_URL too, or unset it for the embedded Postgres.');
  }
  if (e.BATON_ADMIN_EMAIL && !e.BATON_ADMIN_PASSWORD) {
    problems.push('BATON_ADMIN_PASSWORD: required when BATON_ADMIN_EMAIL is set (the first admin is created with it).');
  }
  if (e.BATON_ADMIN_PASSWORD && !e.BATON_ADMIN_EMAIL) {
    problems.push('BATON_ADMIN_EMAIL: required when BATON_ADMIN_PASSWORD is set.');
  }
  if (e.BATON_ADMIN_PASSWORD && e.BATON_ADMIN_PASSWORD.length < 10) {
    problems.push('BATON_ADMIN_PASSWORD: must be at least 10 characters.');
  }
  if (e.SEARCH_HYBRID && !(e.MISTRAL_API_KEY && e.MEILI_URL)) {
    problems.push('SEARCH_HYBRID: needs MEILI_URL and MISTRAL_API_KEY (it embeds passages with Mistral and searches them in Meilisearch).');
  }
  // The receiver's certificate, read now: a path that cannot be read stops start-up, saying which.
  let inboundTls: { cert: Buffer; key: Buffer } | undefined;
  if (!!e.INBOUND_SMTP_TLS_CERT_FILE !== !!e.INBOUND_SMTP_TLS_KEY_FILE) {
    problems.push('INBOUND_SMTP_TLS_CERT_FILE and INBOUND_SMTP_TLS_KEY_FILE: set both (the certificate and its private key, PEM) or neither.');
  } else if (e.INBOUND_SMTP_TLS_CERT_FILE && e.INBOUND_SMTP_TLS_KEY_FILE) {
    try {
      inboundTls = { cert: readFileSync(e.INBOUND_SMTP_TLS_CERT_FILE), key: readFileSync(e.INBOUND_SMTP_TLS_KEY_FILE) };
    } catch (err) {
      problems.push(`INBOUND_SMTP_TLS_CERT_FILE / INBOUND_SMTP_TLS_KEY_FILE: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}: ${(err as { path?: string }).path ?? ''}).`);
    }
    // A pair that does not make a TLS context (not PEM, a key of another certificate) is said now, not after listen.
    if (inboundTls) {
      try {
        createSecureContext(inboundTls);
      } catch (err) {
        inboundTls = undefined;
        problems.push(`INBOUND_SMTP_TLS_CERT_FILE / INBOUND_SMTP_TLS_KEY_FILE: not a certificate and its private key in PEM (${(err as Error).message}).`);
      }
    }
  }
  if (e.INBOUND_SMTP_PORT && !e.INBOUND_EMAIL_DOMAIN) {
    problems.push('INBOUND_EMAIL_DOMAIN: required when INBOUND_SMTP_PORT is set (replies go to reply+<token>@that domain, whose MX points at Baton).');
  }
  if (e.SMTP_USER && !e.SMTP_PASSWORD) {
    problems.push('SMTP_PASSWORD: required when SMTP_USER is set.');
  }
  let privateAccess: PrivateAccess = { kind: 'none' };
  try {
    privateAccess = parsePrivateAccess(e.CRAWL_ALLOW_PRIVATE);
  } catch (err) {
    problems.push(`CRAWL_ALLOW_PRIVATE: ${(err as Error).message}; use false, true, or a comma list of ranges such as 10.0.0.0/8.`);
  }
  let integrationsPrivateAccess: PrivateAccess = { kind: 'none' };
  try {
    integrationsPrivateAccess = parsePrivateAccess(e.INTEGRATIONS_ALLOW_PRIVATE);
  } catch (err) {
    problems.push(`INTEGRATIONS_ALLOW_PRIVATE: ${(err as Error).message}; use false, true, or a comma list of ranges such as 10.0.0.0/8.`);
  }
  if (problems.length) throw new ConfigError(problems);

  const baseUrl = (e.BASE_URL?.trim() || `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const cookieSecure = e.COOKIE_SECURE === 'auto' ? baseUrl.startsWith('https://') : e.COOKIE_SECURE === 'true';

  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    baseUrlFromEnv: !!e.BASE_URL?.trim(),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL && e.DATABASE_PASSWORD ? withPassword(e.DATABASE_URL, e.DATABASE_PASSWORD) : e.DATABASE_URL,
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    sessionSecret: e.SESSION_SECRET,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    cookieSecure,
    logLevel: e.LOG_LEVEL,
    healthToken: e.HEALTH_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : undefined,
    mailFrom: e.MAIL_FROM,
    meili: e.MEILI_URL ? { url: e.MEILI_URL, apiKey: e.MEILI_MASTER_KEY } : undefined,
    headlessAdmin:
      e.BATON_ADMIN_EMAIL && e.BATON_ADMIN_PASSWORD
        ? { email: e.BATON_ADMIN_EMAIL, password: e.BATON_ADMIN_PASSWORD, name: e.BATON_ADMIN_NAME }
        : undefined,
    organisationDefaults: { name: e.BATON_ORG_NAME, timeZone: e.BATON_ORG_TIMEZONE },
    teamApiPerMinute: e.TEAM_API_PER_MINUTE,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, label: e.OIDC_LABEL, only: e.OIDC_ONLY, allowedDomains: oidcDomains, defaultRole: e.OIDC_DEFAULT_ROLE }
        : undefined,
    integrations: { privateAccess: integrationsPrivateAccess, logDays: e.INTEGRATIONS_LOG_DAYS, timeoutMs: e.INTEGRATIONS_TIMEOUT_SECONDS * 1000 },
    crawl: {
      privateAccess,
      maxPages: e.CRAWL_MAX_PAGES,
      concurrency: e.CRAWL_CONCURRENCY,
      delayMs: e.CRAWL_DELAY_MS,
      timeoutMs: e.CRAWL_TIMEOUT_SECONDS * 1000,
      maxPageBytes: e.CRAWL_MAX_PAGE_MB * 1024 * 1024,
    },
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    parsing: { maxMemoryMb: e.PARSE_MAX_MEMORY_MB, timeoutMs: e.PARSE_TIMEOUT_SECONDS * 1000 },
    searchHybrid: e.SEARCH_HYBRID,
    mistral: e.MISTRAL_API_KEY
      ? {
          apiKey: e.MISTRAL_API_KEY,
          serverUrl: e.MISTRAL_SERVER_URL?.replace(/\/+$/, ''),
          embedModel: e.MISTRAL_EMBED_MODEL,
          chatModel: e.MISTRAL_CHAT_MODEL,
          temperature: e.MISTRAL_TEMPERATURE,
          timeoutMs: e.MISTRAL_TIMEOUT_SECONDS * 1000,
          firstTokenMs: Math.min(e.MISTRAL_FIRST_TOKEN_SECONDS, e.MISTRAL_TIMEOUT_SECONDS) * 1000,
        }
      : undefined,
    widget: {
      messageMaxChars: e.WIDGET_MESSAGE_MAX_CHARS,
      visitorMessagesPerMinute: e.WIDGET_VISITOR_MESSAGES_PER_MINUTE,
      ipMessagesPerMinute: e.WIDGET_IP_MESSAGES_PER_MINUTE,
      streamsPerIp: e.WIDGET_STREAMS_PER_IP,
      newVisitorsPerIpPerHour: e.WIDGET_NEW_VISITORS_PER_IP_PER_HOUR,
      conversationsPerIpPerHour: e.WIDGET_CONVERSATIONS_PER_IP_PER_HOUR,
      conversationTokenBudget: e.CONVERSATION_TOKEN_BUDGET,
      visitorDailyTokenBudget: e.VISITOR_DAILY_TOKEN_BUDGET,
      ipDailyTokenBudget: e.IP_DAILY_TOKEN_BUDGET,
    },
    inbox: { awayAfterMinutes: e.AGENT_AWAY_AFTER_MINUTES },
    email: {
      linkTtlDays: e.EMAIL_LINK_TTL_DAYS,
      replyBatchSeconds: e.REPLY_BATCH_SECONDS,
      inbound: e.INBOUND_SMTP_PORT > 0 && e.INBOUND_EMAIL_DOMAIN ? { port: e.INBOUND_SMTP_PORT, host: e.INBOUND_SMTP_HOST, domain: e.INBOUND_EMAIL_DOMAIN.toLowerCase(), ...(inboundTls ? { tls: inboundTls } : {}) } : undefined,
    },
    syncSchedule: e.SYNC_SCHEDULE.trim() === 'off' ? undefined : e.SYNC_SCHEDULE.trim(),
    auth: {
      maxFailedLogins: e.LOGIN_MAX_ATTEMPTS,
      lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
      loginRateLimit: e.LOGIN_RATE_LIMIT,
      inviteTtlHours: e.INVITE_TTL_HOURS,
      passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
    },
  };
}

/** Names of every variable loadConfig reads, for the .env.example check. */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(schema.shape),
  ...SECRET_VARIABLES.map((n) => `${n}_FILE`),
];
