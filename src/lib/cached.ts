/**
 * What `read` gives, read again at most every `ttlMs`: for values many requests need and that
 * may be a few seconds old (the organisation's website hosts). Concurrent callers share a read.
 */
export function cachedFor<T>(ttlMs: number, read: () => Promise<T>): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const value = read();
      cached = { at: Date.now(), value };
      // A failed read is not kept: the next caller tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
