import { Command, InvalidArgumentError } from 'commander';
import { migrationStatus } from './adapters/storage/migrate.js';
import { ConfigError, loadConfig } from './config.js';
import { createContainer, type Container } from './container.js';
import { createLogger } from './lib/logger.js';
import { DomainError } from './services/errors.js';

/**
 * The `baton` command: `npm run baton -- <command>` in a checkout, `baton <command>` in the
 * container. Each command builds the same container the server uses, does one thing, and exits.
 */
async function withContainer<T>(work: (c: Container) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Commands print their own results; below warn, the log would bury them (LOG_LEVEL=debug still works).
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const container = await createContainer(config, logger);
  try {
    return await work(container);
  } finally {
    await container.close();
  }
}

const email = (value: string) => {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new InvalidArgumentError('not an email address.');
  return value;
};

export function buildCli(): Command {
  const program = new Command('baton')
    .description('Baton: self-hosted AI support agent. Commands for operators.')
    .showHelpAfterError()
    .addHelpText('after', '\nConfiguration comes from the environment (see .env.example); the same variables as the server.\nExamples:\n  baton migrate\n  baton admin create --email you@example.com --password "a long password" --name "Your Name"\n  baton search "How do I cancel my subscription?" --json');

  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .option('--status', 'list applied and pending migrations without applying any')
    .action(async (opts: { status?: boolean }) => {
      await withContainer(async (c) => {
        if (opts.status) {
          const { applied, pending } = await migrationStatus(c.db);
          console.log(`applied (${applied.length}):\n${applied.map((m) => `  ${m}`).join('\n')}\npending (${pending.length}):\n${pending.map((m) => `  ${m}`).join('\n')}`);
          return;
        }
        const applied = await c.migrate();
        console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}` : 'The database is up to date.');
      });
    });

  const admin = program.command('admin').description('manage admin accounts');
  admin
    .command('create')
    .description('create an admin account (and the organisation, if setup has not run yet)')
    .requiredOption('--email <email>', 'sign-in email', email)
    .requiredOption('--password <password>', 'password, at least 10 characters')
    .option('--name <name>', 'display name', 'Admin')
    .action(async (opts: { email: string; password: string; name: string }) => {
      await withContainer(async (c) => {
        await c.migrate();
        const user = await c.services.team.createAdmin(opts, c.config.organisationDefaults);
        if (!user) {
          console.error(`An account for ${opts.email} already exists; nothing was changed.`);
          process.exitCode = 1;
          return;
        }
        console.log(`Created admin ${user.name} <${user.email}>. Sign in at ${c.config.baseUrl}/login`);
      });
    });

  program
    .command('search')
    .description('show the passages Baton would answer a question from')
    .argument('<question>', 'the question, as a visitor would ask it')
    .option('--limit <n>', 'how many passages', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 50) throw new InvalidArgumentError('a whole number from 1 to 50.');
      return n;
    }, 5)
    .option('--json', 'print JSON: url, title, heading path, page, score and text of each passage')
    .action(async (question: string, opts: { limit: number; json?: boolean }) => {
      await withContainer(async (c) => {
        const result = await c.services.knowledge.search(question, { limit: opts.limit });
        const passages = result.hits.map((h) => ({ url: h.chunk.url, title: h.chunk.title, headingPath: h.chunk.headingPath, page: h.chunk.page, score: h.score, text: h.chunk.text }));
        if (opts.json) {
          console.log(JSON.stringify({ question, language: result.language, terms: result.terms, backend: result.backend, fellBack: result.fellBack, passages }, null, 2));
          return;
        }
        console.log(`Searched ${result.backend}${result.fellBack ? ' (Meilisearch did not answer)' : ''} for: ${result.terms.join(' ') || '(nothing)'}`);
        if (!passages.length) console.log('No passage matches.');
        passages.forEach((p, i) => {
          const where = [p.headingPath.join(' › '), p.page ? `page ${p.page}` : ''].filter(Boolean).join(' · ');
          console.log(`\n${i + 1}. ${p.title}  [score ${p.score.toFixed(3)}]${p.url ? `\n   ${p.url}` : ''}${where ? `\n   ${where}` : ''}\n   ${p.text.slice(0, 300).replace(/\s+/g, ' ')}`);
        });
      });
    });

  program
    .command('reindex')
    .description('rebuild the search index from the passages stored in Postgres (for Meilisearch)')
    .action(async () => {
      await withContainer(async (c) => {
        if (c.search.backend === 'postgres') {
          console.log('Search uses Postgres full-text search, which is always current: nothing to rebuild.');
          return;
        }
        const n = await c.services.knowledge.reindex((done, total) => process.stderr.write(`\rindexed ${done}/${total}`));
        console.log(`\nRebuilt the Meilisearch index: ${n} passages.`);
      });
    });

  return program;
}

buildCli()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DomainError) console.error(err.message);
    else console.error(`baton: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
