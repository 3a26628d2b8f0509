import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { createContainer, type Container } from './container.js';
import { createApp } from './http/app.js';
import { waitForDatabase } from './adapters/storage/wait-for-database.js';
import { startIngestionWorker } from './jobs/ingestion-worker.js';
import { jobs, startSchedule } from './jobs/schedule.js';
import type { Logger } from './lib/logger.js';
import { endLiveStreams } from './http/sse.js';

export interface RunningServer {
  container: Container;
  server: Server;
  url: string;
  /** Where the email-reply receiver listens, when it is on (INBOUND_SMTP_PORT). */
  inboundPort: number | undefined;
  /** Stops accepting connections, lets open requests finish (up to graceMs), then closes pools. */
  stop(graceMs?: number): Promise<void>;
}

/** Everything `npm start` does after reading the config: container, migrations, headless admin, listen. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const container = await createContainer(config, logger);
  try {
    if (config.databaseUrl) {
      // Where, for the log; a socket URL (postgres://u@/db?host=/run/postgresql) has no host part.
      let where = 'DATABASE_URL';
      try {
        const u = new URL(config.databaseUrl);
        if (u.hostname) where = `${u.hostname}:${u.port || 5432}`;
      } catch {
        // keep 'DATABASE_URL'
      }
      await waitForDatabase(container.db, { seconds: config.databaseWaitSeconds, where, logger });
    }
    const applied = await container.migrate();
    if (applied.length) logger.info({ count: applied.length, latest: applied.at(-1) }, 'database migrations applied');
    // Meilisearch may still be starting: search falls back to Postgres until it answers, and
    // `baton reindex` applies the settings and rebuilds it from Postgres.
    await container.search.prepare().catch((err: unknown) => logger.warn({ err }, 'could not apply the search index settings; searching Postgres until the index answers'));
    if (config.headlessAdmin) {
      const created = await container.services.team.createAdmin(config.headlessAdmin, config.organisationDefaults);
      logger.info({ email: config.headlessAdmin.email }, created ? 'created the admin from BATON_ADMIN_EMAIL' : 'BATON_ADMIN_EMAIL already has an account; left it unchanged');
    }
    const app = createApp(container);
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', (err) => reject(new Error(`cannot listen on ${config.host}:${config.port} (${err.message}); set PORT to a free port`)));
    });
    const { port } = server.address() as AddressInfo;
    logger.info({ url: config.baseUrl, port }, 'Baton is listening');
    // What to do next, in words: the first visit is the setup wizard.
    const address = container.publicAddress.chosen ? container.publicAddress.get() : `http://localhost:${port}`;
    if (!(await container.services.team.isSetupComplete())) logger.info(`Open ${address}/ to finish setup`);
    else logger.info(`Baton is ready at ${address}/`);
    const { metrics } = container;
    const worker = startIngestionWorker({
      knowledge: container.services.knowledge,
      logger,
      onFinished: (run) => void container.services.knowledge.getSource(run.sourceId).then((s) => metrics.syncFinished(run, s.kind), () => metrics.syncFinished(run, 'deleted')),
    });
    const { services } = container;
    const schedule = await startSchedule({
      jobs: jobs({ ...services, purgeRateLimits: () => container.rateLimits.purgeExpired() }, { syncSchedule: config.syncSchedule }),
      locker: container.locker,
      logger,
      timeZone: async () => (await services.team.organisation())?.timeZone ?? 'UTC',
      onRun: (job, outcome, seconds) => metrics.jobRan(job, outcome, seconds),
    });
    // The mail parsers load only where replies by email are received.
    const inbound = config.email.inbound
      ? await (await import('./adapters/mail/inbound.js')).startInboundSmtp({
          ...config.email.inbound,
          maxBytes: 10 * 1024 * 1024,
          recipient: (token) => container.conversationLinks.verifyReplyToken(token),
          deliver: async (reply) => void (await services.conversations.receiveEmailReply(reply.recipientId, reply)),
          logger,
        })
      : undefined;
    if (inbound) logger.info({ port: inbound.port, domain: config.email.inbound?.domain }, 'receiving email replies');
    return {
      container,
      server,
      inboundPort: inbound?.port,
      url: `http://127.0.0.1:${port}`,
      async stop(graceMs = 10_000) {
        schedule.stop();
        await inbound?.close();
        // A sync in progress stops at its next page and goes back to the queue.
        const workerStopped = worker.stop();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        endLiveStreams();
        // A keep-alive connection whose stream or request just finished is idle, not closed: without
        // this it would hold close() for the keep-alive timeout (5 s) after its last response.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await closed;
        clearInterval(sweep);
        clearTimeout(timer);
        await workerStopped;
        await container.close();
      },
    };
  } catch (e) {
    await container.close();
    throw e;
  }
}
