import * as crypto from 'node:crypto';
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';

/**
 * Password hashing with Argon2id (node:crypto, Node 24.7+; no native add-on) at OWASP's
 * parameters: 19 MiB, two passes, one lane. Stored as `argon2id$v=19$m=…,t=…,p=…$salt$hash`, so
 * the cost can be raised later; older scrypt hashes still verify and are replaced at the next
 * sign-in (needsRehash). Where Node has no Argon2, scrypt at OWASP's parameters is used instead.
 */
const ARGON2 = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 } as const;
// scrypt at N=2^17, r=8 needs 128 MiB; give it headroom over Node's 32 MiB default ceiling.
const MAX_MEMORY = 256 * 1024 * 1024;

export const PASSWORD_MIN = 10;
// Hashing cost does not depend on length, but an unbounded body still costs parsing and memory.
export const PASSWORD_MAX = 256;

// Node 24.7's crypto.argon2, typed here until @types/node has it.
type Argon2Params = { message: string; nonce: Buffer; memory: number; passes: number; parallelism: number; tagLength: number };
const argon2Cb = (crypto as unknown as { argon2?: (algorithm: 'argon2id', params: Argon2Params, cb: (err: Error | null, key: Buffer) => void) => void }).argon2;
const hasArgon2 = typeof argon2Cb === 'function';

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function argon2(password: string, salt: Buffer, p: { memory: number; passes: number; parallelism: number; tagLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2Cb!('argon2id', { message: password.normalize('NFKC'), nonce: salt, ...p }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  if (!hasArgon2) {
    const key = await scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: MAX_MEMORY });
    return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
  }
  const key = await argon2(password, salt, ARGON2);
  return ['argon2id', 'v=19', `m=${ARGON2.memory},t=${ARGON2.passes},p=${ARGON2.parallelism}`, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  let key: Buffer;
  let expected: Buffer;
  if (parts[0] === 'argon2id' && parts.length === 5 && hasArgon2) {
    const params = Object.fromEntries(parts[2]!.split(',').map((kv) => kv.split('=') as [string, string]));
    expected = Buffer.from(parts[4]!, 'base64');
    key = await argon2(password, Buffer.from(parts[3]!, 'base64'), { memory: Number(params.m), passes: Number(params.t), parallelism: Number(params.p), tagLength: expected.length });
  } else if (parts[0] === 'scrypt' && parts.length === 6) {
    const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
    expected = Buffer.from(hash, 'base64');
    key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY });
  } else return false;
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash is weaker than what hashPassword makes now (replace it at sign-in). */
export function needsRehash(stored: string): boolean {
  if (!hasArgon2) return !stored.startsWith(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$`);
  return !stored.startsWith(`argon2id$v=19$m=${ARGON2.memory},t=${ARGON2.passes},p=${ARGON2.parallelism}$`);
}

// zxcvbn with its common-password list (about 50,000 leaked and common passwords) and keyboard
// patterns. Loaded on first use: reading its dictionaries takes a quarter of a second, which
// every start (the app, the CLI) would pay for a check made only when a password is chosen.
let estimator: InstanceType<typeof ZxcvbnCore.ZxcvbnFactory> | undefined;
function guessability(password: string, userInputs: string[]): number {
  if (!estimator) {
    const load = createRequire(import.meta.url);
    const { ZxcvbnFactory } = load('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const common = load('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  }
  return estimator.check(password.slice(0, 100), userInputs).score;
}

/** Rules a new password must meet; returns what is wrong, or undefined when it is fine. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Your password cannot be your email address.';
  // Score 3 of 4: about 10^8 guesses or more. Common and leaked passwords, keyboard walks,
  // dates and the account's own email score lower.
  if (guessability(password, email ? [email, ...email.split(/[@.]/)] : []) < 3) return 'This password is too easy to guess (it is common, or close to a common one). Try a few unrelated words.';
  return undefined;
}
