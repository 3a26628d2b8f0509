import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { twoFactorGate } from '../../src/http/middleware/two-factor-gate.js';

/** The gate's decision for a teammate without a second factor, in an organisation that requires one. */
function decide(opts: { ssoIssuer?: string }, signedInWith?: string): 'next' | string {
  let outcome: 'next' | string = 'none';
  const req = { user: { twoFactorAt: null }, session: { signedInWith }, path: '/inbox', method: 'GET', get: () => undefined } as unknown as Request;
  const res = { locals: { organisation: { requireTwoFactor: true } }, redirect: (_status: number, to: string) => void (outcome = to) } as unknown as Response;
  twoFactorGate(opts)(req, res, (() => void (outcome = 'next')) as NextFunction);
  return outcome;
}

describe('the two-factor requirement', () => {
  it('leaves to the identity provider a session signed in through it, while that provider is the one set up', () => {
    expect(decide({ ssoIssuer: 'https://id.example' }, 'sso https://id.example')).toBe('next');
    // Single sign-on turned off, or moved to another provider: the session is held to Baton's rule.
    expect(decide({}, 'sso https://id.example')).toBe('/account/two-factor');
    expect(decide({ ssoIssuer: 'https://other.example' }, 'sso https://id.example')).toBe('/account/two-factor');
    expect(decide({ ssoIssuer: 'https://id.example' })).toBe('/account/two-factor');
  });
});
