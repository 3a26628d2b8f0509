import type { Visitor } from '../services/conversations/types.js';
import type { User as DomainUser } from '../services/team/types.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport puts the signed-in domain user on req.user.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends DomainUser {}
    interface Request {
      /** The widget visitor a valid bearer token names (set by requireVisitor). */
      visitor?: Visitor;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    flash?: { kind: 'success' | 'error' | 'info'; message: string };
    /** An emailed link's token, traded for the session on first use so no URL holds it after. */
    linkToken?: { kind: 'reset' | 'invite'; token: string };
    /** Password checked, second factor still to come: whose, where to go after, until when. */
    pendingSignIn?: { userId: string; returnTo: string; until: number };
    /** A single sign-on round trip under way: what the provider's answer must match, where to go after. */
    sso?: Record<string, { state: string; nonce: string; codeVerifier: string; redirectUri: string; returnTo: string; until: number }>;
    /** How this session signed in, when not with a password: the provider's own policy then covers a second factor. */
    signedInWith?: `sso ${string}`;
    /** The secret being set up on /account/two-factor, until a code from it is confirmed. */
    twoFactorSetup?: string;
  }
}

export {};
