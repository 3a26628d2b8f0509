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

/**
 * A grounded fake model, as the real one is told to behave: it answers from source 1 when the
 * search gave it any passage (citing it), and says it is not sure, citing nothing, when it got none.
 */
export function groundedModel(answer = (firstTitle: string) => `Here is how: ${firstTitle}.`) {
  return (body: Record<string, unknown>): string => {
    const system = String((body.messages as { content: string }[])[0]?.content ?? '');
    if (system.includes('(none found)')) return JSON.stringify({ answer: 'I am not sure about that.', sources: [], confidence: 'low', handoff: null, person: false });
    const title = /<source id="1">\n([^\n—]*)/.exec(system)?.[1]?.trim() ?? '';
    return JSON.stringify({ answer: answer(title), sources: [1], confidence: 'high', handoff: null, person: false });
  };
}
