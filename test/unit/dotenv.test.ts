import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from '../../src/lib/dotenv.js';

const keys = ['BATON_DOTENV_TEST_A', 'BATON_DOTENV_TEST_B'];
afterEach(() => {
  for (const k of keys) Reflect.deleteProperty(process.env, k);
});

describe('loadDotEnv', () => {
  it('reads .env when there is one, and a variable already set wins', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-env-')), '.env');
    fs.writeFileSync(file, 'BATON_DOTENV_TEST_A=from-file\nBATON_DOTENV_TEST_B=from-file\n');
    process.env.BATON_DOTENV_TEST_A = 'from-shell';
    loadDotEnv(file);
    expect([process.env.BATON_DOTENV_TEST_A, process.env.BATON_DOTENV_TEST_B]).toEqual(['from-shell', 'from-file']);
  });

  it('does nothing without one', () => {
    expect(() => loadDotEnv('/nonexistent/.env')).not.toThrow();
    expect(process.env.BATON_DOTENV_TEST_B).toBeUndefined();
  });
});
