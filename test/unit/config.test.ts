import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('runs with no configuration at all, on embedded defaults', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.port).toBe(3000);
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.smtp).toBeUndefined();
    expect(c.meili).toBeUndefined();
    expect(c.cookieSecure).toBe(false);
    expect(c.trustProxy).toBe(false);
    expect(c.auth).toEqual({ maxFailedLogins: 10, lockoutMinutes: 15, loginRateLimit: 30, inviteTtlHours: 72, passwordResetTtlMinutes: 60 });
  });

  it('treats an empty value, as in a freshly copied .env, as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '', SESSION_SECRET: ' ', SMTP_HOST: '' });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sessionSecret).toBeUndefined();
    expect(c.smtp).toBeUndefined();
  });

  it('names the variable and what to set when a value is invalid', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT: must be a whole number \(got "eighty"\)/)]);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(problemsOf({ BATON_ORG_TIMEZONE: 'Mars/Base' })[0]).toMatch(/^BATON_ORG_TIMEZONE: must be an IANA time zone/);
    expect(problemsOf({ SMTP_SECURE: 'maybe' })[0]).toMatch(/^SMTP_SECURE: must be true or false/);
  });

  it("reads the reply receiver's certificate at load, and names what is wrong with it", () => {
    expect(problemsOf({ INBOUND_SMTP_TLS_CERT_FILE: 'test/fixtures/tls/cert.pem' })[0]).toMatch(/set both .* or neither/);
    expect(problemsOf({ INBOUND_SMTP_TLS_CERT_FILE: '/nope/cert.pem', INBOUND_SMTP_TLS_KEY_FILE: '/nope/key.pem' })[0]).toMatch(/cannot be read \(ENOENT: \/nope\/cert\.pem\)/);
    expect(problemsOf({ INBOUND_SMTP_TLS_CERT_FILE: 'test/fixtures/tls/cert.pem', INBOUND_SMTP_TLS_KEY_FILE: 'test/fixtures/tls/cert.pem' })[0]).toMatch(/not a certificate and its private key in PEM/);
    const c = loadConfig({ INBOUND_SMTP_PORT: '2525', INBOUND_EMAIL_DOMAIN: 'replies.example.com', INBOUND_SMTP_TLS_CERT_FILE: 'test/fixtures/tls/cert.pem', INBOUND_SMTP_TLS_KEY_FILE: 'test/fixtures/tls/key.pem' });
    expect(c.email.inbound?.tls?.cert.toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('checks a cron expression field by field at load, instead of crashing the scheduler after listen', () => {
    expect(problemsOf({ SYNC_SCHEDULE: '99 * * * *' })).toEqual([expect.stringMatching(/^SYNC_SCHEDULE: must be a cron expression .*\(minute: 99 is a invalid expression for minute\)/)]);
    expect(problemsOf({ SYNC_SCHEDULE: '0 3 * *' })[0]).toMatch(/five fields are needed/);
    expect(problemsOf({ SYNC_SCHEDULE: '0 25 * * *' })[0]).toMatch(/hour: 25 is a invalid expression for hour/);
    expect(loadConfig({ SYNC_SCHEDULE: '0 3 * * 1-5' }).syncSchedule).toBe('0 3 * * 1-5');
    expect(loadConfig({ SYNC_SCHEDULE: 'off' }).syncSchedule).toBeUndefined();
  });

  it('requires SESSION_SECRET in production, saying how to make one', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/baton' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SESSION_SECRET: required when NODE_ENV=production.*openssl rand -hex 32/);
  });

  it('reports every problem at once, and the error message lists them', () => {
    const env = { PORT: '-1', SESSION_SECRET: 'short', LOGIN_MAX_ATTEMPTS: '1' };
    expect(problemsOf(env).map((p) => p.split(':')[0]).sort()).toEqual(['LOGIN_MAX_ATTEMPTS', 'PORT', 'SESSION_SECRET']);
    expect(() => loadConfig(env)).toThrow(/Baton cannot start: the configuration is invalid\.\n {2}- /);
  });

  it('reads secrets from *_FILE, and refuses both forms at once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cfg-'));
    const file = path.join(dir, 'secret');
    fs.writeFileSync(file, 'x'.repeat(40) + '\n');
    expect(loadConfig({ SESSION_SECRET_FILE: file }).sessionSecret).toBe('x'.repeat(40));
    expect(problemsOf({ SESSION_SECRET_FILE: file, SESSION_SECRET: 'y'.repeat(40) })[0]).toMatch(/SESSION_SECRET and SESSION_SECRET_FILE are both set/);
    expect(problemsOf({ DATABASE_URL_FILE: path.join(dir, 'missing') })[0]).toMatch(/^DATABASE_URL_FILE: cannot read .*missing \(ENOENT\)/);
    fs.rmSync(dir, { recursive: true });
  });

  it('puts DATABASE_PASSWORD (or its file) into DATABASE_URL, encoded, and wants the URL beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cfg-'));
    const file = path.join(dir, 'pg');
    fs.writeFileSync(file, 'p@ss:w/rd%\n');
    const url = loadConfig({ DATABASE_URL: 'postgres://baton@postgres:5432/baton', DATABASE_PASSWORD_FILE: file }).databaseUrl!;
    expect(url).toBe('postgres://baton:p%40ss%3Aw%2Frd%25@postgres:5432/baton');
    expect(decodeURIComponent(new URL(url).password)).toBe('p@ss:w/rd%');
    expect(loadConfig({ DATABASE_URL: 'postgres://baton:old@db/baton', DATABASE_PASSWORD: 'new' }).databaseUrl).toBe('postgres://baton:new@db/baton');
    expect(problemsOf({ DATABASE_PASSWORD: 'x' })[0]).toMatch(/^DATABASE_PASSWORD: only used with DATABASE_URL/);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes single sign-on whole or not at all, with its domains checked', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://id.example.com/realms/acme' })[0]).toMatch(/^OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three/);
    expect(problemsOf({ OIDC_ONLY: 'true' })).toContainEqual(expect.stringMatching(/^OIDC_ONLY: needs single sign-on/));
    const full = { OIDC_ISSUER: 'https://id.example.com/realms/acme', OIDC_CLIENT_ID: 'baton', OIDC_CLIENT_SECRET: 's' };
    expect(problemsOf({ ...full, OIDC_ALLOWED_DOMAINS: 'acme.test, not a domain' })[0]).toMatch(/^OIDC_ALLOWED_DOMAINS: "not a domain" is not a domain/);
    expect(loadConfig({ ...full, OIDC_ALLOWED_DOMAINS: '@Acme.test, acme.org' }).oidc).toEqual({ ...{ issuer: full.OIDC_ISSUER, clientId: 'baton', clientSecret: 's' }, label: 'single sign-on', only: false, allowedDomains: ['acme.test', 'acme.org'], defaultRole: 'agent' });
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(problemsOf({ ...full, OIDC_ISSUER: 'http://id.example.com' })[0]).toMatch(/^OIDC_ISSUER: must be https:\/\//);
  });

  it('turns on hybrid search only with both Meilisearch and a Mistral key', () => {
    expect(problemsOf({ SEARCH_HYBRID: 'true', MEILI_URL: 'http://meili:7700' })[0]).toMatch(/^SEARCH_HYBRID: needs MEILI_URL and MISTRAL_API_KEY/);
    const c = loadConfig({ SEARCH_HYBRID: 'true', MEILI_URL: 'http://meili:7700', MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: 'http://127.0.0.1:9/' });
    expect(c).toMatchObject({ searchHybrid: true, mistral: { apiKey: 'k', serverUrl: 'http://127.0.0.1:9', embedModel: 'mistral-embed', timeoutMs: 20_000, firstTokenMs: 8_000 } });
  });

  it('pairs the headless admin variables and checks the password length', () => {
    expect(problemsOf({ BATON_ADMIN_EMAIL: 'a@example.com' })[0]).toMatch(/^BATON_ADMIN_PASSWORD: required/);
    expect(problemsOf({ BATON_ADMIN_EMAIL: 'a@example.com', BATON_ADMIN_PASSWORD: 'short' })[0]).toMatch(/at least 10/);
    expect(loadConfig({ BATON_ADMIN_EMAIL: 'a@example.com', BATON_ADMIN_PASSWORD: 'long enough pw' }).headlessAdmin).toEqual({ email: 'a@example.com', password: 'long enough pw', name: 'Admin' });
  });

  it('derives secure cookies from an https BASE_URL, and parses TRUST_PROXY', () => {
    expect(loadConfig({ BASE_URL: 'https://support.example.com/' })).toMatchObject({ baseUrl: 'https://support.example.com', cookieSecure: true });
    expect(loadConfig({ BASE_URL: 'https://x.example', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('documents every variable it reads in .env.example', () => {
    const example = fs.readFileSync(path.resolve('.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = CONFIG_VARIABLES.filter((v) => !documented.has(v));
    expect(missing).toEqual([]);
  });

  it('reads process.env nowhere but config.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith(path.join('src', 'config.ts')) && fs.readFileSync(p, 'utf8').includes('process.env')) offenders.push(p);
      }
    };
    walk(path.resolve('src'));
    expect(offenders).toEqual([]);
  });
});
