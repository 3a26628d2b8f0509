/**
 * Typed domain errors. Services throw these; http/errors.ts renders each one exactly once,
 * as a page, an htmx fragment or JSON. The message is written for the person who sees it.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(message = 'We could not find that.') {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

/** Input that fails a business rule; `fields` maps a form field to what is wrong with it. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Input over a size limit (an upload, a message); `fields` says which and what the limit is. */
export class TooLargeError extends DomainError {
  readonly code = 'too_large';
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Wrong email or password, or an account that may not sign in. */
export class AuthenticationError extends DomainError {
  readonly code: 'invalid_credentials' | 'account_locked' | 'account_deactivated' | 'sso_unavailable' | 'sso_refused' | 'no_account';
  constructor(code: AuthenticationError['code'], message: string, readonly lockedUntil?: Date) {
    super(message);
    this.code = code;
  }
}

/** The invite or reset link is unknown, used or expired. */
export class InvalidTokenError extends DomainError {
  readonly code = 'invalid_token';
}

/** Something Baton depends on (SMTP, a search server) did not answer. */
export class UnavailableError extends DomainError {
  readonly code = 'unavailable';
}

/** A missing, forged or unknown credential on the public API (a visitor token). */
export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
}

/** Too many requests; try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
