import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a secret kept in the data directory, creating it on first use. Lets `npm start` run
 * with no configuration while keeping sessions valid across restarts.
 */
export async function persistentSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  await fs.mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await fs.writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}
