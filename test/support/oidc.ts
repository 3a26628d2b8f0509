import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  verified: boolean;
  name: string;
}

/**
 * A real OpenID Connect provider on loopback (panva's oidc-provider, the certified one), with
 * Baton registered as a confidential client and its development sign-in pages: any login name
 * listed in `accounts` signs in with any password.
 */
export async function startOidcProvider(opts: { redirectUri: string; accounts: Record<string, TestAccount> }) {
  // The issuer must be known before the provider is made: take a port first.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'baton', client_secret: 'baton-test-secret-0123456789', redirect_uris: [opts.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = opts.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.verified, name: account.name }) };
    },
  });
  const server = provider.listen(port, '127.0.0.1') as Server;
  await new Promise<void>((r) => server.once('listening', () => r()));
  return {
    issuer,
    clientId: 'baton',
    clientSecret: 'baton-test-secret-0123456789',
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
