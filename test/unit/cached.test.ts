import { describe, expect, it, vi } from 'vitest';
import { cachedFor } from '../../src/lib/cached.js';

describe('cachedFor', () => {
  it('reads once within the window, shares a read in flight, reads again after it, and keeps no failure', async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      let fail = false;
      const get = cachedFor(1000, async () => {
        reads++;
        if (fail) throw new Error('down');
        return reads;
      });
      expect(await Promise.all([get(), get()])).toEqual([1, 1]);
      vi.advanceTimersByTime(500);
      expect(await get()).toBe(1);
      vi.advanceTimersByTime(600);
      fail = true;
      await expect(get()).rejects.toThrow('down');
      fail = false;
      expect(await get()).toBe(3);
      expect(reads).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
