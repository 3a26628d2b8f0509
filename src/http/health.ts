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
/** Whether the request carries `token` as its bearer token (compared in constant time). */
function bearerIs(req: Request, token: string | undefined): boolean {
  const sent = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
  const expected = Buffer.from(token ?? '');
  return expected.length > 0 && sent.length === expected.length && timingSafeEqual(sent, expected);
}

export function healthRoutes(checks: HealthCheck[], opts: { detailsToken?: string; metricsToken?: string; metrics?: () => Promise<{ contentType: string; body: string }> } = {}): Router {
  const detailed = (req: Request) => bearerIs(req, opts.detailsToken);
  const router = Router();
  /**
   * /metrics: Prometheus text, only with METRICS_TOKEN set and sent as the bearer token; else it
   * does not exist (a 404 tells a stranger nothing about whether metrics are on).
   */
  router.get('/metrics', async (req, res) => {
    if (!opts.metrics || !bearerIs(req, opts.metricsToken)) return void res.status(404).type('text/plain').send('Not found');
    const { contentType, body } = await opts.metrics();
    res.set('Cache-Control', 'no-store').type(contentType).send(body);
  });
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
