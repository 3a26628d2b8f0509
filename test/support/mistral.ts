import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../fakes/mistral.js';

/**
 * One fake Mistral server for a test file: started before its tests, reset before each, closed
 * after. The returned object forwards to the server once it runs, so tests use `fake.reply`,
 * `fake.url` and `fake.requests` as if they held the server itself.
 */
export function useFakeMistral(): FakeMistral {
  let server: FakeMistral | undefined;
  beforeAll(async () => {
    server = await startFakeMistral();
  });
  beforeEach(() => server!.reset());
  afterAll(async () => {
    await server?.close();
  });
  return new Proxy({} as FakeMistral, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(server!, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(server) : value;
    },
    set: (_target, key, value) => Reflect.set(server!, key, value),
  });
}
