import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { interpolate, loadCompose, readDotEnv } from '../support/compose.js';

/**
 * Docker cannot run where Baton is developed, so the image and compose files are kept correct by
 * construction: these check what a build here cannot (.ci/smoke.sh repeats the image's steps).
 */
const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Record<string, unknown>> };

describe('the image', () => {
  it('builds without fetching a frontend from Docker Hub, from a base pinned by Debian release', () => {
    expect(dockerfile).not.toMatch(/^#\s*syntax=/m);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-(bookworm|trixie)-slim$/m);
    expect(dockerfile).not.toMatch(/--chmod/);
  });

  it('copies only files that exist, and keeps the baton command executable', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const source of sources) expect(fs.existsSync(source), source).toBe(true);
    expect(fs.statSync('docker/baton').mode & 0o111).toBeTruthy();
  });

  it('checks its health with the script that follows HOST and PORT, with source maps on', () => {
    expect(dockerfile).toMatch(/HEALTHCHECK .*\n\s+CMD \["node", "\/app\/docker\/healthcheck\.mjs"\]/);
    expect(dockerfile).toMatch(/NODE_OPTIONS="--enable-source-maps --max-semi-space-size=4"/);
  });
});

describe('compose', () => {
  it('checks Postgres over TCP, pinned by minor version', () => {
    const pg = compose.services.postgres!;
    expect((pg.healthcheck as { test: string[] }).test.join(' ')).toContain('pg_isready -h 127.0.0.1');
    expect(pg.image).toMatch(/^postgres:\d+\.\d+-/);
  });

  it('lets a streamed answer finish on down, reaps children, and rotates every log', () => {
    const app = compose.services.app!;
    expect(app.stop_grace_period).toBe('30s');
    expect(app.init).toBe(true);
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'meilisearch-test') continue;
      expect((service.logging as { options?: Record<string, string> } | undefined)?.options?.['max-size'], name).toBe('10m');
    }
  });
});

describe('HTTPS with Caddy', () => {
  it('runs only in the https profile, in front of the app, with a Caddyfile that exists', () => {
    const caddy = compose.services.caddy!;
    expect(caddy.profiles).toEqual(['https']);
    expect(caddy.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    const mounted = (caddy.volumes as string[]).find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'))!;
    expect(fs.readFileSync(mounted.split(':')[0]!, 'utf8')).toMatch(/^\{\$BATON_DOMAIN\} \{[^]*reverse_proxy app:3000/m);
    // The app can be bound to loopback, so that only Caddy is reached from outside.
    expect(compose.services.app!.ports).toContain('${BATON_BIND:-0.0.0.0}:${BATON_PORT:-3000}:3000');
  });
});

describe('a fully local model', () => {
  it('runs Ollama and pulls the model only in the local-model profile', () => {
    for (const name of ['ollama', 'ollama-pull']) expect(compose.services[name]!.profiles, name).toEqual(['local-model']);
    expect(compose.services['ollama-pull']!.entrypoint).toEqual(['ollama', 'pull', '${LOCAL_MODEL:-mistral-small3.2}']);
    expect((compose.services['ollama-pull']!.environment as Record<string, string>).OLLAMA_HOST).toBe('http://ollama:11434');
  });
});

describe('scheduled backups', () => {
  it('run pg_dump in the backup profile, write whole files only, and delete old ones', () => {
    const backup = compose.services.backup!;
    expect(backup.profiles).toEqual(['backup']);
    expect(backup.image).toBe(compose.services.postgres!.image);
    const script = (backup.command as string[]).join('\n');
    expect(script).toContain('pg_dump -Fc -f "$$file.partial" && mv "$$file.partial" "$$file"');
    expect(script).toContain("find /backups -name 'baton-*.dump' -mtime +\"$$KEEP_DAYS\" -delete");
  });
});

describe("compose's interpolation, as the tests read it", () => {
  it('follows the documented forms, nested ones included', () => {
    const env = { SET: 'v', EMPTY: '' };
    expect(interpolate('${SET} $SET ${UNSET} $$SET', env)).toBe('v v  $SET');
    expect(interpolate('${EMPTY:-d} ${EMPTY-d} ${UNSET-d}', env)).toBe('d  d');
    expect(interpolate('${EMPTY:+r}|${EMPTY+r}|${SET:+r}', env)).toBe('|r|r');
    expect(interpolate('${UNSET:-${EMPTY:-${SET}}}', env)).toBe('v');
    // Read as Compose before v2.10.1 did: a required variable inside a default is required always.
    expect(() => interpolate('${SET:-${UNSET:?needed}}', env)).toThrow(/UNSET is missing a value/);
    expect(interpolate('${EMPTY?e}', env)).toBe('');
    expect(() => interpolate('${EMPTY:?say ${SET}}', env)).toThrow(/EMPTY is missing a value: say v/);
  });
});

describe('secrets', () => {
  const files = ['docker-compose.yml', 'docker-compose.secrets.yml'];
  const fromEnv = { SESSION_SECRET: 's'.repeat(64), POSTGRES_PASSWORD: 'pg-pass', MEILI_MASTER_KEY: 'm'.repeat(48) };

  it('missing altogether stop the app with a message naming them (Postgres, without a password, refuses first)', () => {
    const project = loadCompose(['docker-compose.yml'], readDotEnv('.env.example'));
    expect(() => loadConfig({ ...project.services.app!.environment, NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required when NODE_ENV=production/);
    expect(project.services.postgres!.environment).toMatchObject({ POSTGRES_PASSWORD: '', POSTGRES_PASSWORD_FILE: '' });
    expect(project.services.meilisearch!.environment).toMatchObject({ MEILI_MASTER_KEY: '', MEILI_ENV: 'production' });
  });

  it('from .env reach each service, with no file paths set', () => {
    const project = loadCompose(['docker-compose.yml'], fromEnv);
    const app = project.services.app!.environment!;
    expect(loadConfig(app)).toMatchObject({ databaseUrl: 'postgres://baton:pg-pass@postgres:5432/baton', sessionSecret: fromEnv.SESSION_SECRET, meili: { apiKey: fromEnv.MEILI_MASTER_KEY } });
    expect(project.services.postgres!.environment).toMatchObject({ POSTGRES_PASSWORD: 'pg-pass', POSTGRES_PASSWORD_FILE: '' });
    expect(project.services.backup!.environment).toMatchObject({ PGPASSWORD: 'pg-pass', PGPASSWORD_FILE: '' });
  });

  it('from files: each service reads /run/secrets/<name> that it mounts, and nothing is in its environment', () => {
    const project = loadCompose(files, { BATON_SECRETS_DIR: './secrets' });
    for (const [name, service] of Object.entries(project.services)) {
      if (name === 'meilisearch-test') continue; // a throwaway with a fixed key, for tests
      const env = service.environment ?? {};
      for (const [key, value] of Object.entries(env)) {
        if (/PASSWORD$|SECRET$|MASTER_KEY$/.test(key)) expect(value, `${name} ${key}`).toBe('');
        if (key.endsWith('_FILE') && value.startsWith('/run/secrets/')) expect(service.secrets, `${name} ${key}`).toContain(value.slice('/run/secrets/'.length));
      }
    }
    for (const secret of Object.values(project.services).flatMap((s) => s.secrets ?? [])) expect(project.secrets![secret]!.file).toBe(`./secrets/${secret}`);
    expect((project.services.meilisearch!.command as string[]).join(' ')).toContain('$(cat /run/secrets/meili_master_key)');
    expect((project.services.backup!.command as string[]).join('\n')).toContain('PGPASSWORD="$(cat "$PGPASSWORD_FILE")"');
  });

  it('and backups stay out of git and out of the image', () => {
    for (const file of ['.gitignore', '.dockerignore']) {
      const lines = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim().replace(/\/$/, ''));
      expect(lines, file).toEqual(expect.arrayContaining(['secrets', 'backups']));
    }
  });

  it('from files make a working configuration for the app', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-secrets-'));
    for (const [name, value] of [['session_secret', 'f'.repeat(64)], ['postgres_password', 'p@ss/word'], ['meili_master_key', 'k'.repeat(48)]]) fs.writeFileSync(path.join(dir, name!), `${value}\n`);
    const env = loadCompose(files, { BATON_SECRETS_DIR: dir }).services.app!.environment!;
    const onHost = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace(/^\/run\/secrets\//, `${dir}/`)]));
    expect(loadConfig(onHost)).toMatchObject({ databaseUrl: 'postgres://baton:p%40ss%2Fword@postgres:5432/baton', sessionSecret: 'f'.repeat(64), meili: { apiKey: 'k'.repeat(48) } });
    fs.rmSync(dir, { recursive: true });
  });
});

describe('the release workflow', () => {
  const workflow = parse(fs.readFileSync('.github/workflows/release.yml', 'utf8')) as {
    on: { push: { tags: string[] } };
    jobs: Record<string, { needs?: string; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
  };

  it('publishes an image for amd64 and arm64 on each version tag, after the checks pass', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    expect(workflow.jobs.image!.needs).toBe('test');
    expect(workflow.jobs.test!.steps.some((s) => s.run === '.ci/run')).toBe(true);
    const build = workflow.jobs.image!.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'))!;
    expect(build.with).toMatchObject({ platforms: 'linux/amd64,linux/arm64', push: true, pull: true });
    // Every action is pinned to a major version.
    for (const step of Object.values(workflow.jobs).flatMap((j) => j.steps)) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('the changelog has an entry for the version in package.json', () => {
    const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    expect(fs.readFileSync('CHANGELOG.md', 'utf8')).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});
