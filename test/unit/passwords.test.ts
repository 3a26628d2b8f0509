import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../../src/services/team/passwords.js';

describe('password hashing', () => {
  it('hashes with Argon2id at OWASP parameters, and verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('still verifies a hash made with the old scrypt parameters, and says to replace it', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old password here', salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('old password here', old)).toBe(true);
    expect(await verifyPassword('old password there', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toEqual(await hashPassword('same password'));
  });

  it('treats a malformed stored hash as a mismatch, not a crash', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'argon2id$v=19$m=19456,t=2,p=1$')).toBe(false);
  });

  it('applies the password rules: length, not the email, and not easy to guess', () => {
    expect(passwordProblem('short')).toBe('Use at least 10 characters.');
    expect(passwordProblem('x'.repeat(257))).toBe('Use at most 256 characters.');
    expect(passwordProblem('Ann@Example.com', 'ann@example.com')).toBe('Your password cannot be your email address.');
    for (const weak of ['password12', 'qwertyuiop123', '1234567890', 'iloveyou123']) expect(passwordProblem(weak, 'ann@example.com'), weak).toMatch(/too easy to guess/);
    expect(passwordProblem('a fine long password', 'ann@example.com')).toBeUndefined();
  });
});
