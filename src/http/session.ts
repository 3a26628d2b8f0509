import connectPgSimple from 'connect-pg-simple';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type pg from 'pg';
import { AuthenticationError } from '../services/errors.js';
import type { AuthService } from '../services/team/auth-service.js';
import type { User } from '../services/team/types.js';

export const SESSION_COOKIE = 'baton.sid';
const SESSION_DAYS = 14;

export function sessionMiddleware(opts: { pool: pg.Pool; secret: string; secure: boolean; pruneExpired: boolean; onError: (message: string, err: unknown) => void }): RequestHandler {
  const PgStore = connectPgSimple(session);
  return session({
    store: new PgStore({ pool: opts.pool, tableName: 'session', pruneSessionInterval: opts.pruneExpired ? 15 * 60 : false, errorLog: (message: string, err: unknown) => opts.onError(message, err) }),
    name: SESSION_COOKIE,
    secret: opts.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: opts.secure, maxAge: SESSION_DAYS * 86_400_000 },
  });
}

/** A passport instance of our own (not the global one), so two apps in one process never share strategies. */
export function createPassport(auth: AuthService): passport.PassportStatic {
  const p = new passport.Passport() as passport.PassportStatic;
  p.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      auth.authenticate(email, password, { ip: req.ip }).then(
        (user) => done(null, user),
        (e: unknown) => (e instanceof AuthenticationError ? done(null, false, e) : done(e)),
      );
    }),
  );
  p.serializeUser((user, done) => done(null, user.id));
  // A deactivated or deleted user's session stops working on their next request.
  p.deserializeUser((id: string, done) => {
    auth.userForSession(id).then((user) => done(null, user ?? false), done);
  });
  return p;
}

/** Runs the local strategy; resolves with the user, or with the reason sign-in was refused. */
export function authenticateLocal(p: passport.PassportStatic, req: Request): Promise<{ user: User } | { refused: AuthenticationError | { message: string } }> {
  return new Promise((resolve, reject) => {
    p.authenticate('local', { session: false }, (err: unknown, user: User | false, info: AuthenticationError | { message: string } | undefined) => {
      if (err) return reject(err);
      resolve(user ? { user } : { refused: info ?? { message: 'Enter your email and password.' } });
    })(req, undefined as never, reject);
  });
}

/** Signs in and regenerates the session id (passport ≥0.6 does so in req.login). */
export function logIn(req: Request, user: User): Promise<void> {
  return new Promise((resolve, reject) => req.login(user, (e) => (e ? reject(e) : resolve())));
}

export function logOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.logout((e) => (e ? reject(e) : resolve())));
}
