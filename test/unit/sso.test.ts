import { describe, expect, it } from 'vitest';
import type { IdentityClaims, IdentityProvider } from '../../src/services/ports.js';
import { SsoService, type SsoOptions } from '../../src/services/team/sso.js';
import { FakeClock, MemoryStore } from '../fakes/memory-store.js';

/** A provider whose answer the test sets: SsoService decides who that is, which is what is tested here. */
function setup(options: Partial<SsoOptions> = {}) {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const audit: { action: string; details?: Record<string, unknown> }[] = [];
  let claims: IdentityClaims = { issuer: 'https://id.example', subject: 's1', email: 'ann@acme.test', emailVerified: true, name: 'Ann' };
  const provider: IdentityProvider = {
    start: async (redirectUri) => ({ url: 'https://id.example/auth', pending: { state: 's', nonce: 'n', codeVerifier: 'v', redirectUri } }),
    finish: async () => claims,
  };
  const sso = new SsoService({ provider, store, audit: { record: async (e) => void audit.push(e as never) }, clock, options: { label: 'Acme ID', only: false, allowedDomains: [], defaultRole: 'agent', issuer: 'https://id.example', ...options } });
  const signIn = (c: Partial<IdentityClaims> = {}) => {
    claims = { ...claims, ...c };
    return sso.complete('?code=x&state=s', { state: 's', nonce: 'n', codeVerifier: 'v', redirectUri: 'https://baton/login/sso/callback' });
  };
  const addUser = (email: string, active = true) => store.users.insert({ email, name: email, role: 'agent', passwordHash: 'x' }).then((u) => (active ? u : store.users.update(u.id, { active: false }).then((x) => x!)));
  const invite = (email: string, role: 'agent' | 'admin' = 'agent') => store.tokens.insert({ purpose: 'invite', tokenHash: `h-${email}`, email, role, expiresAt: new Date(clock.now().getTime() + 86_400_000) });
  return { store, clock, audit, signIn, addUser, invite };
}

describe('single sign-on decides who signs in', () => {
  it('links a teammate by verified email at the first sign-in, then by the identity alone', async () => {
    const s = setup();
    const ann = await s.addUser('ann@acme.test');
    expect((await s.signIn()).id).toBe(ann.id);
    // The address changed at the provider: the link holds.
    expect((await s.signIn({ email: 'ann.new@acme.test' })).id).toBe(ann.id);
    expect(s.audit.filter((e) => e.action === 'login.succeeded').map((e) => e.details?.method)).toEqual(['sso', 'sso']);
  });

  it('refuses an address the provider has not verified, and one already linked to another identity', async () => {
    const s = setup();
    await s.addUser('ann@acme.test');
    await expect(s.signIn({ emailVerified: false })).rejects.toThrow(/has not verified ann@acme\.test/);
    await s.signIn({ emailVerified: true });
    await expect(s.signIn({ subject: 'someone-else' })).rejects.toThrow(/already linked to another single sign-on identity/);
    await expect(s.signIn({ subject: 's3', email: null })).rejects.toThrow(/did not say your email address/);
  });

  it('makes an account only for someone invited or from an allowed domain', async () => {
    const s = setup({ allowedDomains: ['acme.test'], defaultRole: 'agent' });
    await expect(s.signIn({ subject: 'b', email: 'bob@other.test' })).rejects.toThrow(/no Baton account for bob@other\.test\. Ask an admin to invite you/);
    await s.invite('bob@other.test', 'admin');
    const bob = await s.signIn({ subject: 'b', email: 'bob@other.test', name: 'Bob' });
    expect(bob).toMatchObject({ email: 'bob@other.test', role: 'admin', name: 'Bob' });
    expect(await s.store.tokens.pendingInvites()).toEqual([]);
    const cy = await s.signIn({ subject: 'c', email: 'cy@acme.test', name: null });
    expect(cy).toMatchObject({ role: 'agent', name: 'cy' });
    expect(s.audit.filter((e) => e.action === 'team.joined').map((e) => e.details?.via)).toEqual(['sso invitation', 'sso allowed domain']);
  });

  it('refuses a deactivated teammate', async () => {
    const s = setup();
    await s.addUser('ann@acme.test', false);
    await expect(s.signIn()).rejects.toThrow(/deactivated/);
  });
});
