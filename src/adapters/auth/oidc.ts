import type { Clock, IdentityClaims, IdentityProvider, SsoPending } from '../../services/ports.js';
import { AuthenticationError } from '../../services/errors.js';

import type * as OpenIdClientModule from 'openid-client';

type OpenIdClient = typeof OpenIdClientModule;
type Configuration = OpenIdClientModule.Configuration;

/** Loopback issuers (a provider on this machine, in development and tests) may speak plain HTTP. */
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * An OpenID Connect provider through openid-client: discovery at first use (again after a
 * failure, so a provider that was down is found later), the authorization code flow with PKCE,
 * state and nonce, and the ID token checked against the issuer, the client, its signature and
 * times. Times are judged by Baton's clock, so the check is the same one the rest of Baton uses.
 */
export function createOidcProvider(opts: { issuer: string; clientId: string; clientSecret: string; clock: Clock; timeoutMs?: number }): IdentityProvider {
  let config: Promise<{ client: OpenIdClient; config: Configuration }> | undefined;
  const issuer = new URL(opts.issuer);

  const configuration = () => {
    config ??= (async () => {
      const client = await import('openid-client');
      const skew = Math.round((opts.clock.now().getTime() - Date.now()) / 1000);
      const found = await client.discovery(
        issuer,
        opts.clientId,
        { client_secret: opts.clientSecret, [client.clockSkew]: skew },
        client.ClientSecretBasic(opts.clientSecret),
        { execute: isLoopback(issuer) ? [client.allowInsecureRequests] : [], timeout: (opts.timeoutMs ?? 10_000) / 1000 },
      );
      return { client, config: found };
    })().catch((err: unknown) => {
      config = undefined;
      throw new AuthenticationError('sso_unavailable', `Single sign-on is not available: the provider at ${issuer.origin} could not be read (${describe(err)}).`);
    });
    return config;
  };

  return {
    async start(redirectUri) {
      const { client, config: c } = await configuration();
      const pending: SsoPending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), redirectUri };
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },

    async finish(callbackQuery, pending) {
      const { client, config: c } = await configuration();
      try {
        const current = new URL(pending.redirectUri);
        current.search = callbackQuery;
        const tokens = await client.authorizationCodeGrant(c, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
        const claims = tokens.claims();
        if (!claims) throw new Error('no ID token');
        let email = typeof claims.email === 'string' ? claims.email : null;
        let name = typeof claims.name === 'string' ? claims.name : null;
        let verified = claims.email_verified === true;
        // Some providers put only the subject in the ID token; the rest is at the userinfo endpoint.
        if (!email && tokens.access_token) {
          const info = await client.fetchUserInfo(c, tokens.access_token, claims.sub);
          email = typeof info.email === 'string' ? info.email : null;
          name ??= typeof info.name === 'string' ? info.name : null;
          verified = info.email_verified === true;
        }
        return { issuer: c.serverMetadata().issuer, subject: claims.sub, email: email?.trim().toLowerCase() ?? null, emailVerified: verified, name } satisfies IdentityClaims;
      } catch (err) {
        if (err instanceof AuthenticationError) throw err;
        throw new AuthenticationError('sso_refused', `Single sign-on did not complete: ${describe(err)}. Start again.`);
      }
    },
  };
}

/**
 * openid-client's error, in a line: the provider's error code when it sent one, else the most
 * precise message in the chain (openid-client wraps oauth4webapi's, which names the claim).
 */
function describe(err: unknown): string {
  const e = err as { message?: string; error?: string; error_description?: string; code?: string; cause?: unknown };
  if (e.error) return `${e.error}${e.error_description ? `: ${e.error_description}` : ''}`.slice(0, 300);
  let deepest = e;
  for (let c = e.cause as typeof e | undefined, i = 0; c && typeof c === 'object' && i < 5; c = c.cause as typeof e | undefined, i++) if (c.message) deepest = c;
  const clock = [e.code, deepest.code].includes('OAUTH_JWT_TIMESTAMP_CHECK_FAILED') ? ' (judged by this server’s clock: check its time)' : '';
  return `${(deepest.message ?? String(err)).replace(/\s+/g, ' ').slice(0, 300)}${clock}`;
}
