import { createRequire } from 'node:module';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Container } from '../container.js';
import { formatDateTime } from '../lib/format.js';
import { redactUrl } from '../lib/logger.js';
import { refuseNulBytes } from './middleware/input.js';
import { ASSETS_DIR, VERSION } from '../lib/paths.js';
import { networkKey } from '../lib/network-key.js';
import { knowledgeRoutes } from './admin/knowledge.js';
import { organisationRoutes } from './admin/organisation.js';
import { teamRoutes } from './admin/team.js';
import { profileRoutes } from './account/profile.js';
import { accessTokenRoutes } from './account/tokens.js';
import { authRoutes } from './auth/auth.js';
import { errorHandler, notFound } from './errors.js';
import { healthRoutes } from './health.js';
import { homeRoutes } from './home.js';
import { inboxRoutes } from './inbox/inbox.js';
import { widgetApiRoutes } from './widget/api.js';
import { widgetFrameRoutes } from './widget/frame.js';
import { twoFactorRoutes } from './account/two-factor.js';
import { twoFactorGate } from './middleware/two-factor-gate.js';
import { widgetLoaderRoutes } from './widget/loader.js';
import { widgetRoutes } from './admin/widget.js';
import { handoffRoutes } from './admin/handoff.js';
import { insightsRoutes } from './admin/insights.js';
import { availabilityRoutes } from './admin/availability.js';
import { privacyRoutes } from './admin/privacy.js';
import { csrfProtection, csrfToken } from './middleware/csrf.js';
import { genReqId } from './middleware/request-id.js';
import { render } from './render.js';
import { openStreams, setStreamsPerAddress } from './sse.js';
import { createPassport, sessionMiddleware } from './session.js';
import { setupGate, setupRoutes } from './setup/setup.js';
import './types.js';
import { integrationRoutes } from './admin/integrations.js';
import { teamApiRoutes } from './api/team.js';
import { openApiRoutes } from './api/openapi.js';
import { runWithRequestContext } from '../lib/request-context.js';

const htmxDist = path.join(path.dirname(createRequire(import.meta.url).resolve('htmx.org/package.json')), 'dist');

function securityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline scripts or eval: every script is a file we serve.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        // Only over https: on a plain-http LAN address it would break every asset.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 180 * 86_400 } : false,
    // No page sends its address anywhere, not even to Baton itself: pages opened from emailed
    // links held the link's token in their URL, and Referer took it into logs.
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Middleware order matters: cheap public routes first, then session, auth, CSRF, routes, errors. */
export function createApp(c: Container): Express {
  const { config, services } = c;
  const app = express();
  app.locals.views = c.views;
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Each request's address reaches the audit log of whatever it changes (lib/request-context.ts).
  app.use((req, _res, next) => runWithRequestContext({ ip: req.ip ?? null }, next));

  app.use(
    pinoHttp({
      logger: c.logger,
      genReqId,
      // Only what operations need, never headers (a Referer or a cookie is a credential as often
      // as not); links in emails carry their token in the path, and the log gets it redacted.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // The client's address as Express sees it (behind a proxy: from X-Forwarded-For, if trusted).
      customProps: (req) => ({ ip: (req as express.Request).ip }),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' || (req.url?.startsWith('/assets/') ?? false) },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  app.use(securityHeaders(config.baseUrl.startsWith('https://')));
  app.use(compression());

  const staticOpts = config.isProduction ? { maxAge: '1d' } : {};
  app.use('/assets', express.static(ASSETS_DIR, { ...staticOpts, fallthrough: false }));
  app.use('/vendor/htmx', express.static(htmxDist, { maxAge: '1y', immutable: true, fallthrough: false }));
  c.metrics.countStreamsWith(openStreams);
  setStreamsPerAddress(config.widget.streamsPerIp);
  app.use(healthRoutes(c.health, { detailsToken: config.healthToken, metricsToken: config.metricsToken, metrics: () => c.metrics.render() }));
  app.use(widgetLoaderRoutes(services.widget, { ownOrigin: () => new URL(c.publicAddress.get()).origin, onError: (err) => c.logger.warn({ err }, 'a site that loaded the widget could not be noted') }));

  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(express.json({ limit: '64kb' }));
  app.use(refuseNulBytes);
  // The APIs: bearer tokens, never a cookie, so before the session (and CSRF, which guards
  // cookies). The team's first: the visitor API's origin check covers all of /api/v1.
  app.use(openApiRoutes());
  app.use(teamApiRoutes(c));
  app.use(widgetApiRoutes(c));
  app.use(widgetFrameRoutes(c));
  app.use(
    sessionMiddleware({
      pool: c.sessionPool,
      secret: c.sessionSecret,
      secure: config.cookieSecure,
      // The expired-session cleanup is a scheduled job (src/jobs), run on one replica.
      pruneExpired: false,
      onError: (message, err) => c.logger.error({ err }, `session store: ${message}`),
    }),
  );
  const passport = createPassport(services.auth);
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(csrfProtection);
  app.use(csrfToken);
  app.use((req, res, next) => {
    res.locals.user = req.user;
    res.locals.currentPath = req.path;
    // In every page's footer, for whoever reports a problem.
    res.locals.version = VERSION;
    res.locals.flash = req.session.flash;
    if (req.session.flash) delete req.session.flash;
    next();
  });
  app.use(async (_req, res, next) => {
    const organisation = await services.team.organisation();
    res.locals.organisation = organisation;
    res.locals.timeZone = organisation?.timeZone ?? 'UTC';
    res.locals.formatDateTime = (d: Date) => formatDateTime(d, organisation?.timeZone);
    next();
  });

  // Per network, in Postgres: every replica counts against the same limit.
  const loginLimiter: express.RequestHandler = async (req, res, next) => {
    const result = await c.rateLimits.ipSignIns.consume(networkKey(req.ip));
    if (result.allowed) return next();
    const { retryAfterSeconds } = result;
    res.set('Retry-After', String(retryAfterSeconds));
    render(res, req.path.startsWith('/password') ? 'pages/auth/forgot' : 'pages/auth/login', {
      values: {},
      returnTo: '/',
      error: `Too many attempts from your network. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes, then try again.`,
    }, 429);
  };

  app.use(setupRoutes(services.team, services.availability, c.publicAddress));
  app.use(setupGate(services.team));
  app.use(authRoutes({ auth: services.auth, team: services.team, twoFactor: services.twoFactor, sso: services.sso, publicAddress: () => c.publicAddress.get(), passport, loginLimiter }));
  app.use(twoFactorGate({ ssoIssuer: config.oidc?.issuer }));
  app.use(twoFactorRoutes(services.twoFactor));
  app.use(homeRoutes(services.onboarding));
  app.use(profileRoutes(services.team));
  app.use(accessTokenRoutes(services.accessTokens));
  app.use(inboxRoutes(services.inbox, services.presence, c.views, c.siteHosts));
  app.use(teamRoutes(services.team, services.twoFactor, config.oidc ? { label: config.oidc.label, issuer: config.oidc.issuer, allowedDomains: config.oidc.allowedDomains, defaultRole: config.oidc.defaultRole, only: config.oidc.only } : undefined));
  app.use(organisationRoutes(services.team, c.publicAddress));
  app.use(knowledgeRoutes(services.knowledge, { uploadMaxBytes: config.uploadMaxBytes, triedQuestion: () => services.team.noteTriedQuestion() }));
  app.use(widgetRoutes(services.widget, { publicAddress: c.publicAddress, identityKey: c.identityKey }));
  app.use(handoffRoutes(services.handoff));
  app.use(availabilityRoutes(c));
  app.use(insightsRoutes(c));
  app.use(privacyRoutes(c));
  app.use(integrationRoutes(services.integrations));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
