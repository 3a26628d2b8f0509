import type { Mistral } from '@mistralai/mistralai';

export interface MistralConnection {
  apiKey: string;
  /** An origin only: the SDK's request paths are absolute (/v1/…). */
  serverUrl?: string;
  timeoutMs: number;
  /** How long retries of a failing request may go on in all. Default: 10 s. */
  retryBudgetMs?: number;
}

/**
 * One client setup for every Mistral adapter: retries are off by default in SDK 2, and 429 and
 * 5xx deserve a few quick ones. The SDK (about 28 MB, over a second to load) is imported here,
 * when a key is set, and not by every start-up and every `baton --help`.
 */
export async function createMistralClient(c: MistralConnection): Promise<Mistral> {
  const { Mistral } = await import('@mistralai/mistralai');
  return new Mistral({
    apiKey: c.apiKey,
    ...(c.serverUrl ? { serverURL: c.serverUrl } : {}),
    timeoutMs: c.timeoutMs,
    retryConfig: { strategy: 'backoff', backoff: { initialInterval: 200, maxInterval: 2000, exponent: 2, maxElapsedTime: c.retryBudgetMs ?? 10_000 }, retryConnectionErrors: true },
  });
}
