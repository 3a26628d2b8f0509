import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/lib/circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one trial through after the cooldown, and closes on success', () => {
    let now = 0;
    const b = new CircuitBreaker({ threshold: 3, cooldownMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(b.allow()).toBe(true);
      b.failure();
    }
    expect(b.open).toBe(true);
    expect(b.allow()).toBe(false);
    now = 1001;
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false); // only one trial at a time
    b.failure();
    expect(b.allow()).toBe(false);
    now = 2002;
    expect(b.allow()).toBe(true);
    b.success();
    expect(b.open).toBe(false);
    expect(b.allow()).toBe(true);
  });

  it('forgets failures after a success', () => {
    const b = new CircuitBreaker({ threshold: 2, cooldownMs: 1000 });
    b.failure();
    b.success();
    b.failure();
    expect(b.allow()).toBe(true);
  });
});
