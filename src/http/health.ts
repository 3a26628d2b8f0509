import { timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { VERSION } from '../lib/paths.js';
import type { HealthCheck } from '../services/ports.js';

/**
 * /healthz: the process answers (liveness; Docker's HEALTHCHECK), with the version it runs.
 * /readyz: each dependency, ok or the reason; 503 while the database is not ok, "degraded"
 * (still 200) while only search or mail is down. What each check found (an internal host and
 * port, an error) is for operators only: shown with HEALTH_TOKEN as a bearer token, else each
 * check says only ok or not.
 */
export function healthRoutes(checks: HealthCheck[], opts: { detailsToken?: string } = {}): Router {
  const detailed = (req: Request) => {
    const sent = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
    const token = Buffer.from(opts.detailsToken ?? '');
    return token.length > 0 && sent.length === token.length && timingSafeEqual(sent, token);
  };
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', version: VERSION });
  });
  router.get('/readyz', async (req, res) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await c.check().catch((e: unknown) => ({ ok: false as const, reason: String(e) }))] as const));
    // A replica whose search or mail server is down still answers (from Postgres; emails wait in
    // the outbox), so a load balancer should keep it: only a critical check makes it unready.
    const critical = checks.some((c, i) => c.critical && !results[i]![1].ok);
    const degraded = results.some(([, r]) => !r.ok);
    const shown = detailed(req) ? results : results.map(([name, r]) => [name, { ok: r.ok }] as const);
    res.set('Cache-Control', 'no-store').status(critical ? 503 : 200).json({ status: critical ? 'unavailable' : degraded ? 'degraded' : 'ready', checks: Object.fromEntries(shown) });
  });
  return router;
}
