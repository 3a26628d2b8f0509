import { ConfigError, loadConfig } from './config.js';
import { loadDotEnv } from './lib/dotenv.js';
import { createLogger } from './lib/logger.js';
import { startServer } from './server.js';
import { DatabaseUnavailableError } from './adapters/storage/wait-for-database.js';

/** Entry point: read the config (or explain what is wrong), start, and drain on SIGTERM. */
async function main() {
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  // A person at a terminal reads lines; anything else (Docker, systemd, a file) gets JSON.
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY === true });
  const running = await startServer(config, logger);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  // A known reason is a sentence; anything else keeps its stack for whoever debugs it.
  const known = err instanceof DatabaseUnavailableError;
  process.stderr.write(`Baton failed to start: ${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
