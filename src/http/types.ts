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
  }
}

export {};
