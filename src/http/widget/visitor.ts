import type { Request, RequestHandler } from 'express';
import { networkKey } from '../../lib/network-key.js';
import type { VisitorService } from '../../services/conversations/visitor-service.js';
import type { Visitor } from '../../services/conversations/types.js';
import { ForbiddenError, RateLimitedError } from '../../services/errors.js';
import type { RateLimiter } from '../../services/ports.js';
import { originOf, type WidgetService } from '../../services/widget/widget-service.js';

/**
 * What every visitor-facing route shares: the bearer token, the Origin check, CORS for the
 * sites allowed to call the API, and rate limits.
 */

export function bearerToken(req: Request): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('Authorization') ?? '');
  return m?.[1];
}

export function requireVisitor(visitors: Pick<VisitorService, 'authenticate'>): RequestHandler {
  return async (req, _res, next) => {
    req.visitor = await visitors.authenticate(bearerToken(req));
    next();
  };
}

/** The visitor set by requireVisitor (a route without it is a programming error). */
export function visitorOf(req: Request): Visitor {
  if (!req.visitor) throw new Error('requireVisitor must run before this handler');
  return req.visitor;
}

/** Baton's own origins: the configured public URL, and the one this request came in on. */
function ownOrigins(req: Request, baseUrl: () => string): string[] {
  return [originOf(baseUrl()), `${req.protocol}://${req.get('host')}`].filter((o): o is string => !!o);
}

/**
 * Browsers name the page that made a request in Origin. Only Baton's own pages (the chat frame)
 * and the sites the admin allowed may use the visitor routes; allowed sites also get CORS
 * headers so they can call the API themselves. Requests without Origin (servers, curl) pass:
 * they hold a token or they get nothing.
 */
export function checkOrigin(widget: WidgetService, baseUrl: () => string, opts: { cors: boolean }): RequestHandler {
  return async (req, res, next) => {
    const origin = req.get('Origin');
    if (!origin) return next();
    const own = ownOrigins(req, baseUrl);
    if (!(await widget.allowsOrigin(origin, own))) {
      throw new ForbiddenError(`Requests from ${origin} are not allowed. An admin can add this site under Settings › Widget › Allowed sites.`);
    }
    if (opts.cors && !own.includes(origin)) {
      res.vary('Origin');
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
      if (req.method === 'OPTIONS') {
        res.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, OPTIONS');
        res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
        res.set('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/** Refuses with 429 and Retry-After once `limiter` is spent for the key this request maps to. */
export function rateLimit(limiter: RateLimiter, key: (req: Request) => string, message: string): RequestHandler {
  return async (req, _res, next) => {
    const result = await limiter.consume(key(req));
    if (!result.allowed) throw new RateLimitedError(`${message} Try again in ${result.retryAfterSeconds} s.`, result.retryAfterSeconds);
    next();
  };
}

/** Per network: an IPv4 address, or an IPv6 /56 (see lib/network-key.ts). */
export const byIp = (req: Request) => networkKey(req.ip);

/**
 * What sending a message goes through, for the API and the chat frame alike: the per-IP limit
 * (before any database lookup), the visitor's token, then the per-visitor limit.
 */
export function messageLimits(limits: { ipMessages: RateLimiter; visitorMessages: RateLimiter }, auth: RequestHandler): RequestHandler[] {
  return [
    rateLimit(limits.ipMessages, byIp, 'Too many messages from your network.'),
    auth,
    rateLimit(limits.visitorMessages, (req) => `visitor:${visitorOf(req).id}`, 'You are sending messages too quickly.'),
  ];
}

/** Starting a conversation: per address, then per visitor (each can bring emails). */
export function conversationLimits(limits: { ipConversations: RateLimiter; visitorConversations: RateLimiter }, auth: RequestHandler): RequestHandler[] {
  return [
    rateLimit(limits.ipConversations, byIp, 'Too many new conversations from your network.'),
    auth,
    rateLimit(limits.visitorConversations, (req) => `visitor:${visitorOf(req).id}`, 'You are starting conversations too quickly.'),
  ];
}

/** Asking for the team: per address, then per visitor (each handoff notifies people). */
export function handoffLimits(limits: { ipHandoffs: RateLimiter; visitorHandoffs: RateLimiter }, auth: RequestHandler): RequestHandler[] {
  return [
    rateLimit(limits.ipHandoffs, byIp, 'Too many requests for the team from your network.'),
    auth,
    rateLimit(limits.visitorHandoffs, (req) => `visitor:${visitorOf(req).id}`, 'You have asked for the team many times already; they will reply.'),
  ];
}

/** Leaving an email (each can send a confirmation): per address, then per visitor. */
export function emailLimits(limits: { ipEmails: RateLimiter; visitorEmails: RateLimiter }, auth: RequestHandler): RequestHandler[] {
  return [
    rateLimit(limits.ipEmails, byIp, 'Too many email addresses from your network.'),
    auth,
    rateLimit(limits.visitorEmails, (req) => `visitor:${visitorOf(req).id}`, 'You have left an email several times already.'),
  ];
}

const TYPING_EVERY_MS = 1000;
const TYPING_MEMORY = 10_000;
const lastTyping = new Map<string, number>();

/**
 * Whether this visitor's "typing" should be passed on: at most one a second (the widget sends
 * one every three), so a client that sends one per keystroke costs little more than one that
 * behaves. Kept per process: it only thins out hints, so replicas need not agree.
 */
export function typingAllowed(visitorId: string, now = Date.now()): boolean {
  const last = lastTyping.get(visitorId);
  if (last !== undefined && now - last < TYPING_EVERY_MS) return false;
  if (lastTyping.size >= TYPING_MEMORY) lastTyping.clear();
  lastTyping.set(visitorId, now);
  return true;
}

/**
 * Marks the visitor as in the chat while their stream is open (at once, with every keepalive,
 * and as it closes): an agent's reply they see there is not emailed to them as well.
 */
export function visitorPresence(visitors: Pick<VisitorService, 'seen'>, visitor: Visitor, onError: (err: unknown) => void): { onBeat: () => void; onClose: () => void } {
  const seen = () => void visitors.seen(visitor).catch(onError);
  seen();
  return { onBeat: seen, onClose: seen };
}
