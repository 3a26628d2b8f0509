import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { migrationStatus } from './adapters/storage/migrate.js';
import { ConfigError, loadConfig } from './config.js';
import { createContainer, type Container } from './container.js';
import { loadDotEnv } from './lib/dotenv.js';
import { VERSION } from './lib/paths.js';
import { createLogger } from './lib/logger.js';
import { DomainError, ValidationError } from './services/errors.js';
import { UnreadableSourceError } from './services/knowledge/knowledge-service.js';
import { triggerBeforeAnswer } from './services/assistant/triggers/triggers.js';
import { replyObjectOf } from './services/conversations/reply.js';

/**
 * The `baton` command: `npm run baton -- <command>` in a checkout, `baton <command>` in the
 * container. Each command builds the same container the server uses, does one thing, and exits.
 */
async function withContainer<T>(work: (c: Container) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  // Commands print their own results; below warn, the log would bury them (LOG_LEVEL=debug still works).
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const container = await createContainer(config, logger);
  try {
    // Any command may be the first thing run against a new database (safe to repeat, locked).
    if (opts.migrate !== false) await container.migrate();
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
    .version(VERSION, '-V, --version', 'print the version of Baton and exit')
    // Set before the commands are added, so each inherits it: usage errors exit with EXIT.usage.
    .exitOverride()
    .showHelpAfterError()
    .addHelpText('after', '\nConfiguration comes from the environment (see .env.example); the same variables as the server.\nExamples:\n  baton migrate\n  baton admin create --email you@example.com --name "Your Name"\n  baton search "How do I cancel my subscription?" --json');

  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .option('--status', 'list applied and pending migrations without applying any')
    .option('--json', 'with --status: print {"applied": [...], "pending": [...]}')
    .action(async (opts: { status?: boolean; json?: boolean }) => {
      await withContainer(async (c) => {
        if (opts.status) {
          const { applied, pending } = await migrationStatus(c.db);
          if (opts.json) return console.log(JSON.stringify({ applied, pending }));
          console.log(`applied (${applied.length}):\n${applied.map((m) => `  ${m}`).join('\n')}\npending (${pending.length}):\n${pending.map((m) => `  ${m}`).join('\n')}`);
          return;
        }
        const applied = await c.migrate();
        console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}` : 'The database is up to date.');
      }, { migrate: false });
    });

  const admin = program.command('admin').description('manage admin accounts');
  admin
    .command('create')
    .description('create an admin account (and the organisation, if setup has not run yet)')
    .requiredOption('--email <email>', 'sign-in email', email)
    .option('--password <password>', 'the password on the command line (it stays in the shell history: prefer the prompt, or pipe it in)')
    .option('--name <name>', 'display name', 'Admin')
    .addHelpText('after', '\nWithout --password it is asked for (twice, not shown) in a terminal, or read from the first line of standard input:\n  printf "%s\\n" "$ADMIN_PASSWORD" | baton admin create --email you@example.com')
    .action(async (opts: { email: string; password?: string; name: string }) => {
      if (opts.password !== undefined) console.error('Note: a password given on the command line stays in the shell history; next time leave out --password to be asked for it.');
      const password = opts.password ?? (await readPassword());
      await withContainer(async (c) => {
        const user = await c.services.team.createAdmin({ ...opts, password }, c.config.organisationDefaults);
        if (!user) {
          console.error(`An account for ${opts.email} already exists; nothing was changed.`);
          process.exitCode = 1;
          return;
        }
        console.log(`Created admin ${user.name} <${user.email}>. Sign in at ${c.config.baseUrl}/login`);
      });
    });

  admin
    .command('reset-two-factor')
    .description("turn off someone's two-factor sign-in (a lost phone and lost recovery codes); they set it up again at their next sign-in")
    .argument('<email>', 'their sign-in email', email)
    .action(async (address: string) => {
      await withContainer(async (c) => {
        const user = await c.services.twoFactor.reset('cli', { email: address });
        console.log(`Two-factor sign-in is off for ${user.name} <${user.email}> (recorded in the audit log).`);
      });
    });

  const positiveInt = (max: number) => (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`a whole number from 0 to ${max}.`);
    return n;
  };
  const sources = program.command('sources').description('what Baton answers from: websites and Q&A snippets');
  sources
    .command('list')
    .description('list knowledge sources')
    .option('--json', 'print the sources as JSON: id, kind, name, status, passages, last synced, last error')
    .action(async (opts: { json?: boolean }) => {
      await withContainer(async (c) => {
        const list = await c.services.knowledge.listSources();
        if (opts.json) return console.log(JSON.stringify(list.map((s) => ({ id: s.id, kind: s.kind, name: s.name, status: s.status, passages: s.chunkCount, lastSyncedAt: s.lastSyncedAt, lastError: s.lastError }))));
        if (!list.length) return console.log('No sources yet. Add one with: baton sources add-website https://help.example.com/');
        for (const s of list) {
          const synced = s.lastSyncedAt ? s.lastSyncedAt.toISOString().slice(0, 16).replace('T', ' ') : 'never';
          console.log(`${s.id}  ${s.kind.padEnd(7)}  ${s.status.padEnd(7)}  ${String(s.chunkCount).padStart(6)} passages  synced ${synced}  ${s.name}${s.lastError ? `\n    last error: ${s.lastError}` : ''}`);
        }
      });
    });
  sources
    .command('add-website')
    .description('add a website; its first sync is queued (run it with: baton sources sync ID --wait)')
    .argument('<url>', 'the start page, e.g. https://help.example.com/')
    .option('--max-pages <n>', 'pages read at most per sync', positiveInt(100_000))
    .option('--max-depth <n>', 'clicks away from the start page', positiveInt(50))
    .option('--sitemap <url>', 'the sitemap, if robots.txt and /sitemap.xml do not lead to it')
    .option('--anyway', 'add it even when its start page cannot be read now (a site that is down for a while)')
    .action(async (url: string, opts: { maxPages?: number; maxDepth?: number; sitemap?: string; anyway?: boolean }) => {
      await withContainer(async (c) => {
        const { source, run } = await c.services.knowledge.createWebsite('cli', { startUrl: url, maxPages: opts.maxPages, maxDepth: opts.maxDepth, sitemapUrl: opts.sitemap, saveAnyway: !!opts.anyway });
        console.log(`Added ${source.name} as ${source.id}; sync ${run.id} is queued.`);
      });
    });
  sources
    .command('add-file')
    .description('add a document (PDF, .docx, Markdown, text, HTML); it is read by the next sync (run it with: baton sources sync ID --wait)')
    .argument('<path>', 'the file')
    .action(async (file: string) => {
      const { readFile: read } = await import('node:fs/promises');
      const { basename } = await import('node:path');
      const data = await read(file);
      await withContainer(async (c) => {
        const { source, run } = await c.services.knowledge.createFile('cli', { filename: basename(file), data });
        console.log(`Added ${source.name} as ${source.id}; sync ${run.id} is queued.`);
      });
    });
  sources
    .command('sync')
    .description('queue a sync of one source, or of every website and document')
    .argument('[id]', 'the source to sync (default: every website and document)')
    .option('--wait', 'run the sync here and exit when it is finished (non-zero if it failed)')
    .action(async (id: string | undefined, opts: { wait?: boolean }) => {
      await withContainer(async (c) => {
        const { knowledge } = c.services;
        const ids = id ? [id] : (await knowledge.listSources()).filter((s) => s.kind !== 'snippet').map((s) => s.id);
        if (!ids.length) return console.log('There are no websites or documents to sync.');
        const runs = await Promise.all(ids.map((sid) => knowledge.requestSync('cli', sid)));
        console.log(runs.map((r) => `sync ${r.id} ${r.status} for ${r.sourceId}`).join('\n'));
        if (!opts.wait) return;
        // Work the queue here until our runs are finished; a running server may take some of them,
        // which is fine: we watch the runs, not who runs them.
        const pending = new Set(runs.map((r) => r.id));
        let failed = 0;
        while (pending.size) {
          const ran = await knowledge.runNextSync();
          for (const runId of [...pending]) {
            const r = await knowledge.getRun(runId);
            if (!r) {
              pending.delete(runId);
              continue;
            }
            process.stderr.write(`\r${r.status.padEnd(9)} found ${r.found}  fetched ${r.fetched}  indexed ${r.indexed}  unchanged ${r.unchanged}  failed ${r.failed}   `);
            if (r.status === 'succeeded' || r.status === 'failed') {
              pending.delete(runId);
              process.stderr.write('\n');
              const skipped = Object.values(r.skipped).reduce((a, b) => a + (b ?? 0), 0);
              const more = [skipped ? `${skipped} skipped (${Object.entries(r.skipped).map(([k, n]) => `${k.replace('_', ' ')} ${n}`).join(', ')})` : '', r.notReached ? `${r.notReached} not read (page limit)` : ''].filter(Boolean);
              console.log(`${r.status === 'succeeded' ? 'Finished' : 'Failed'}: ${r.indexed} pages indexed, ${r.unchanged} unchanged, ${r.failed} could not be read${more.length ? `, ${more.join(', ')}` : ''}${r.error ? ` (${r.error})` : ''}.`);
              for (const f of r.failures.slice(0, 20)) console.log(`  ${f.url}: ${f.reason}`);
              if (r.status === 'failed') failed++;
            }
          }
          if (!ran && pending.size) await new Promise((res) => setTimeout(res, 500));
        }
        if (failed) process.exitCode = 1;
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
    .command('ask')
    .description('answer a question the way a visitor would be answered (no conversation is stored)')
    .argument('<question>', 'the question')
    .option('--json', 'print the reply object the API returns: id (null), text, citations, handoff, mode, confidence, language')
    .action(async (question: string, opts: { json?: boolean }) => {
      await withContainer(async (c) => {
        const reply = await c.services.assistant.answer(question);
        if (opts.json) {
          console.log(JSON.stringify(replyObjectOf(reply, null), null, 2));
          return;
        }
        console.log(reply.text);
        reply.citations.forEach((cit, i) => console.log(`[${i + 1}] ${cit.title}${cit.section ? ` › ${cit.section}` : ''}${cit.page ? `, page ${cit.page}` : ''}${cit.url ? `\n    ${cit.url}` : ''}`));
        console.error(`(${reply.mode === 'llm' ? 'written by Mistral' : 'excerpts, no LLM'}; confidence ${reply.confidence})`);
      });
    });

  program
    .command('triggers')
    .description('which handoff trigger a visitor message would fire before the assistant answers (built-in lists, every language)')
    .argument('<message>', 'the message, as a visitor would write it')
    .option('--json', 'print the trigger as JSON (null when none fires)')
    .action((message: string, opts: { json?: boolean }) => {
      const trigger = triggerBeforeAnswer({ text: message, pageUrl: null, email: null, aiAnswersInRow: 0, negativeFeedback: 0, dissatisfiedBefore: 0 }) ?? null;
      if (opts.json) console.log(JSON.stringify(trigger));
      else console.log(trigger ? `${trigger.kind}${trigger.detail ? ` (${trigger.detail})` : ''}: ${trigger.evidence}` : 'No trigger: the assistant would answer.');
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

  const visitor = program.command('visitor').description("a visitor's personal data, found by the email address they gave");
  visitor
    .command('export')
    .description('print everything Baton holds about EMAIL as JSON (recorded in the audit log)')
    .argument('<email>', 'the address the visitor gave', email)
    .option('--out <file>', 'write the JSON to this file instead of standard output')
    .action(async (address: string, opts: { out?: string }) => {
      await withContainer(async (c) => {
        const json = JSON.stringify(await c.services.privacy.exportVisitor('cli', address), null, 2);
        if (!opts.out) return console.log(json);
        const { writeFile } = await import('node:fs/promises');
        // Personal data: readable by the file's owner only.
        await writeFile(opts.out, `${json}\n`, { mode: 0o600 });
        console.error(`Wrote ${opts.out}.`);
      });
    });
  visitor
    .command('erase')
    .description('delete everything Baton holds about EMAIL: visitors, conversations, emails, snippets saved from them (recorded in the audit log)')
    .argument('<email>', 'the address the visitor gave', email)
    .option('--yes', 'do not ask for confirmation (needed when not run in a terminal)')
    .action(async (address: string, opts: { yes?: boolean }) => {
      await withContainer(async (c) => {
        const found = await c.services.privacy.footprint('cli', address);
        if (!found) {
          console.error(`Baton holds nothing for ${address}.`);
          process.exitCode = 1;
          return;
        }
        const what = `${found.visitors} visitor record(s), ${found.conversations} conversation(s) with ${found.messages} message(s), ${found.emails} email(s)${found.snippets.length ? `, ${found.snippets.length} Q&A snippet(s) saved from them` : ''}`;
        if (!opts.yes) {
          if (!process.stdin.isTTY) {
            console.error(`This would erase ${what}. Run again with --yes to erase without asking.`);
            process.exitCode = 1;
            return;
          }
          const { createInterface } = await import('node:readline/promises');
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          const typed = await rl.question(`This erases ${what}. It cannot be undone.\nType the email address to confirm: `);
          rl.close();
          if (typed.trim().toLowerCase() !== found.email.toLowerCase()) {
            console.error('The address did not match; nothing was erased.');
            process.exitCode = 1;
            return;
          }
        }
        const erased = await c.services.privacy.eraseVisitor('cli', address);
        console.log(`Erased ${erased.visitors} visitor record(s), ${erased.conversations} conversation(s), ${erased.messages} message(s), ${erased.emails} email(s) and ${erased.snippets} snippet(s).`);
      });
    });

  program
    .command('backup')
    .description('write the whole database to FILE (gzipped JSON lines, one consistent snapshot; no pg_dump needed)')
    .argument('<file>', 'where to write it, e.g. baton-2026-12-07.backup')
    .action(async (file: string) => {
      await withContainer(async (c) => {
        const { backupDatabase } = await import('./adapters/storage/backup.js');
        const done = await backupDatabase(c.db, file);
        console.log(`Backed up ${done.rows} rows of ${done.tables} tables to ${file}.`);
      });
    });

  program
    .command('restore')
    .description('replace everything in the database with a backup made by `baton backup` at the same version')
    .argument('<file>', 'the backup')
    .option('--yes', 'do not ask for confirmation (needed when not run in a terminal)')
    .action(async (file: string, opts: { yes?: boolean }) => {
      if (!opts.yes) {
        if (!process.stdin.isTTY) throw new InvalidArgumentError('a restore replaces everything in the database: add --yes to do it without a terminal.');
        const { createInterface } = await import('node:readline/promises');
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const typed = await rl.question('This replaces everything in the database with the backup. Type "restore" to go on: ');
        rl.close();
        if (typed.trim() !== 'restore') {
          console.error('Nothing was changed.');
          process.exitCode = 1;
          return;
        }
      }
      await withContainer(async (c) => {
        const { restoreDatabase } = await import('./adapters/storage/backup.js');
        const done = await restoreDatabase(c.db, file);
        console.log(`Restored ${done.rows} rows of ${done.tables} tables from ${file}.${c.config.meili ? ' Run `baton reindex` to rebuild the Meilisearch index from them.' : ''}`);
      });
    });

  program
    .command('purge')
    .description('delete what is past the retention periods now (the server does this every night)')
    .action(async () => {
      await withContainer(async (c) => {
        const r = await c.services.privacy.purge();
        console.log(`Deleted ${r.conversations} conversation(s) (${r.messages} messages, ${r.snippets} snippets), ${r.visitorsDeleted} visitor(s); forgot ${r.visitorsAnonymised} visitor(s)' personal data; removed ${r.queuedEmails} queued email(s) and ${r.emailRecords} email record(s).`);
      });
    });

  return program;
}

/** Exit codes: 0 done, 1 failed, 2 the command was used wrongly, 78 the configuration is wrong (EX_CONFIG). */
const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

/** A password asked for in a terminal (twice, not echoed), else read from standard input's first line. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    // Whole characters, however the bytes arrive.
    process.stdin.setEncoding('utf8');
    let text = '';
    for await (const chunk of process.stdin) {
      text += String(chunk);
      if (text.includes('\n') || text.length > 1024) break;
    }
    const password = text.split(/\r?\n/)[0] ?? '';
    if (!password) throw new InvalidArgumentError('no password: give it on standard input (its first line) or run this in a terminal to be asked.');
    return password;
  }
  const ask = async (prompt: string) => {
    const { createInterface } = await import('node:readline');
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // What is typed is not shown: only the prompt is written (readline's own output hook).
    const hooked = rl as unknown as { _writeToOutput: (s: string) => void };
    const write = hooked._writeToOutput.bind(rl);
    hooked._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) write(prompt);
    };
    const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
    rl.close();
    process.stderr.write('\n');
    return answer;
  };
  const first = await ask('Password (at least 10 characters): ');
  if ((await ask('The same password again: ')) !== first) throw new InvalidArgumentError('the two passwords differ; nothing was created.');
  return first;
}

buildCli()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    // Thrown by a command itself (commander prints only its own parsing errors).
    if (err instanceof InvalidArgumentError) {
      console.error(`baton: ${err.message}`);
      process.exit(EXIT.usage);
    }
    // Commander has printed its message (an unknown option, a missing argument) or the help.
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
    // A form's errors are keyed by field; on the command line each one is a line.
    if (err instanceof ValidationError && Object.keys(err.fields).length) console.error([...new Set(Object.values(err.fields))].join('\n'));
    else if (err instanceof ConfigError || err instanceof DomainError) console.error(err.message);
    else console.error(`baton: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof UnreadableSourceError && err.canSaveAnyway) console.error('Add --anyway to add it all the same; it is read at its next sync.');
    process.exit(err instanceof ConfigError ? EXIT.config : EXIT.failed);
  });
