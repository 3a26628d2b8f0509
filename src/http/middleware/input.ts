import type { RequestHandler } from 'express';
import { DomainError } from '../../services/errors.js';

/** Input no form or client of ours sends: a plain 400. */
export class MalformedInputError extends DomainError {
  readonly code = 'malformed';
}

/** Whether a parsed body or query holds a NUL anywhere (keys too), looking at most `budget` values. */
function holdsNul(value: unknown, budget = { left: 10_000 }): boolean {
  if (budget.left-- <= 0) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, budget));
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, budget));
  return false;
}

/**
 * A NUL byte is no text anyone types, and Postgres cannot store one: refused as bad input (400)
 * before any handler, rather than failing deep inside with a 500 and a stack trace in the log.
 */
export const refuseNulBytes: RequestHandler = (req, _res, next) => {
  if (req.path.includes('\u0000') || holdsNul(req.query) || holdsNul(req.body)) throw new MalformedInputError('The request contains a character that is not allowed (a NUL byte).');
  next();
};
