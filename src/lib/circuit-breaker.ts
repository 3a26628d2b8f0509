/**
 * Stops calling a failing dependency for a while: after `threshold` failures in a row the
 * breaker opens for `cooldownMs`; then one trial call is let through, and its outcome closes or
 * re-opens it. Callers skip straight to their fallback while it is open.
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;
  #trialInFlight = false;

  constructor(private readonly opts: { threshold: number; cooldownMs: number; now?: () => number }) {}

  #now() {
    return this.opts.now?.() ?? Date.now();
  }

  /** Whether a call may be made now (claims the one trial when the cooldown has passed). */
  allow(): boolean {
    if (this.#failures < this.opts.threshold) return true;
    if (this.#now() < this.#openUntil || this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  success(): void {
    this.#failures = 0;
    this.#trialInFlight = false;
  }

  failure(): void {
    this.#failures++;
    this.#trialInFlight = false;
    if (this.#failures >= this.opts.threshold) this.#openUntil = this.#now() + this.opts.cooldownMs;
  }

  get open(): boolean {
    return this.#failures >= this.opts.threshold && this.#now() < this.#openUntil;
  }
}
