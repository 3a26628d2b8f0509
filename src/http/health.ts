import { Router } from 'express';
import type { HealthCheck } from '../services/ports.js';

/**
 * /healthz: the process answers (liveness; Docker's HEALTHCHECK).
 * /readyz: each dependency, ok or the reason; 503 while any is not ok (readiness).
 */
export function healthRoutes(checks: HealthCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await c.check().catch((e: unknown) => ({ ok: false as const, reason: String(e) }))] as const));
    const ready = results.every(([, r]) => r.ok);
    res.set('Cache-Control', 'no-store').status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
  return router;
}
