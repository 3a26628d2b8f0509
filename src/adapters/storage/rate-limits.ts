import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit, RateLimiter, TokenBudget } from '../../services/ports.js';
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

/**
 * Daily LLM token budgets per kind of key ("visitor:…", "ip:…"), counted in the same Postgres
 * table as the rate limits (keys hashed). A key whose kind has no budget is not limited.
 */
export class PostgresTokenBudget implements TokenBudget {
  readonly #limiters = new Map<string, RateLimiterPostgres>();

  constructor(db: Db, perDay: Record<string, number>) {
    for (const [kind, points] of Object.entries(perDay)) {
      const keyPrefix = `llm-tokens-${kind}`;
      this.#limiters.set(kind, new RateLimiterPostgres({ storeClient: db, storeType: 'knex', tableName: 'rate_limits', tableCreated: true, keyPrefix, points, duration: 86_400, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 86_400 }) }));
    }
  }

  #of(key: string): [RateLimiterPostgres, string] | undefined {
    const limiter = this.#limiters.get(key.slice(0, key.indexOf(':')));
    return limiter ? [limiter, createHash('sha256').update(key).digest('base64url').slice(0, 32)] : undefined;
  }

  async allows(keys: string[]): Promise<boolean> {
    for (const key of keys) {
      const found = this.#of(key);
      if (!found) continue;
      const [limiter, hashed] = found;
      const used = await limiter.get(hashed);
      if (used && used.consumedPoints >= limiter.points) return false;
    }
    return true;
  }

  async spend(keys: string[], tokens: number): Promise<void> {
    if (tokens <= 0) return;
    for (const key of keys) {
      const found = this.#of(key);
      // A penalty adds points without refusing: the answer was already given.
      if (found) await found[0].penalty(found[1], Math.ceil(tokens));
    }
  }
}

/** Removes counters whose window has passed; safe to run on any replica at any time. */
export async function purgeExpiredRateLimits(db: Db, now: Date): Promise<number> {
  return db('rate_limits').where('expire', '<', now.getTime()).delete();
}
