import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit, RateLimiter } from '../../services/ports.js';
import type { Db } from './db.js';

/**
 * Rate limits counted in Postgres, so every app replica shares one count. Keys are hashed: the
 * table holds no IP addresses. If Postgres does not answer, an in-memory limiter of the same
 * size decides for this process rather than letting everything through.
 */
export class PostgresRateLimiter implements RateLimiter {
  readonly #limiter: RateLimiterPostgres;

  constructor(db: Db, readonly limit: RateLimit) {
    this.#limiter = new RateLimiterPostgres({
      storeClient: db,
      storeType: 'knex',
      tableName: 'rate_limits',
      // The migration created it.
      tableCreated: true,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.seconds,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: limit.name, points: limit.points, duration: limit.seconds }),
    });
  }

  async consume(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    try {
      await this.#limiter.consume(createHash('sha256').update(key).digest('base64url').slice(0, 32));
      return { allowed: true };
    } catch (res) {
      if (res instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      throw res;
    }
  }
}

/** Removes counters whose window has passed; safe to run on any replica at any time. */
export async function purgeExpiredRateLimits(db: Db, now: Date): Promise<number> {
  return db('rate_limits').where('expire', '<', now.getTime()).delete();
}
