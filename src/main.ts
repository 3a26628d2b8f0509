import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { createContainer } from './container.js';
import { createApp } from './http/app.js';
import { createLogger } from './lib/logger.js';

/** Entry point: config → container → migrate → headless admin → http. SIGTERM drains. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger({ level: config.logLevel });
  const container = await createContainer(config, logger);
  const applied = await container.migrate();
  if (applied.length) logger.info({ applied }, 'database migrations applied');

  if (config.headlessAdmin) {
    const created = await container.services.team.createAdmin(config.headlessAdmin, config.organisationDefaults);
    logger.info({ email: config.headlessAdmin.email }, created ? 'created the admin from BATON_ADMIN_EMAIL' : 'BATON_ADMIN_EMAIL already has an account; left it unchanged');
  }

  const app = createApp(container);
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ url: config.baseUrl, port: config.port }, 'Baton is listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, `cannot listen on ${config.host}:${config.port}; set PORT to a free port`);
    void container.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      void container.close().then(() => {
        clearTimeout(force);
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Baton failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
