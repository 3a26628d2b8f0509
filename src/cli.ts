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
    .addHelpText('after', '\nConfiguration comes from the environment (see .env.example); the same variables as the server.\nExamples:\n  baton migrate\n  baton admin create --email you@example.com --password "a long password" --name "Your Name"');

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

  return program;
}

buildCli()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DomainError) console.error(err.message);
    else console.error(`baton: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
