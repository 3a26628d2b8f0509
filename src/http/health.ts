import { Router } from 'express';
import type { HealthCheck } from '../services/ports.js';

/**
 * /healthz: the process answers (liveness; Docker's HEALTHCHECK).
 * /readyz: each dependency, ok or the reason; 503 while the database is not ok, "degraded"
 * (still 200) while only search or mail is down.
 */
export function healthRoutes(checks: HealthCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await c.check().catch((e: unknown) => ({ ok: false as const, reason: String(e) }))] as const));
    // A replica whose search or mail server is down still answers (from Postgres; emails wait in
    // the outbox), so a load balancer should keep it: only a critical check makes it unready.
    const critical = checks.some((c, i) => c.critical && !results[i]![1].ok);
    const degraded = results.some(([, r]) => !r.ok);
    res.set('Cache-Control', 'no-store').status(critical ? 503 : 200).json({ status: critical ? 'unavailable' : degraded ? 'degraded' : 'ready', checks: Object.fromEntries(results) });
  });
  return router;
}
