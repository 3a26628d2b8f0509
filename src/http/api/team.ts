import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Container } from '../../container.js';
import type { ConversationView } from '../../services/conversations/inbox-service.js';
import { INBOX_QUEUES, type Conversation, type InboxItem } from '../../services/conversations/types.js';
import { messageForTeam } from '../../services/conversations/team-message.js';
import { ForbiddenError, NotFoundError, RateLimitedError, TooLargeError, ValidationError } from '../../services/errors.js';
import { networkKey } from '../../lib/network-key.js';
import { requestContext } from '../../lib/request-context.js';
import type { Source, SyncRun } from '../../services/knowledge/types.js';
import { scopeAllows, type TokenHolder, type TokenScope } from '../../services/team/access-tokens.js';
import { parseForm } from '../forms.js';
import { bearerToken } from '../widget/visitor.js';

const ListQuery = z.object({
  queue: z.enum(INBOX_QUEUES, { error: `queue must be one of ${INBOX_QUEUES.join(', ')}.` }).optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number({ error: 'page must be a whole number.' }).int().min(1).max(1000).optional(),
});
const TextBody = z.object({ text: z.string({ error: 'text is required.' }).max(20_000), clientId: z.string().max(100).optional() });
const AssignBody = z.object({ assignee: z.string({ error: 'assignee (a teammate’s id) is required.' }).max(100) });
const SnippetBody = z.object({ question: z.string({ error: 'question is required.' }).max(2000), answer: z.string({ error: 'answer is required.' }).max(50_000) });
const WebsiteBody = z.object({
  startUrl: z.string({ error: 'startUrl is required.' }).max(2000),
  sitemapUrl: z.string().max(2000).optional(),
  maxPages: z.number({ error: 'maxPages must be a whole number.' }).int().optional(),
  maxDepth: z.number({ error: 'maxDepth must be a whole number.' }).int().optional(),
  include: z.array(z.string().max(500)).max(100).optional(),
  exclude: z.array(z.string().max(500)).max(100).optional(),
  saveAnyway: z.boolean().optional(),
});
const MetricsQuery = z.object({ preset: z.string().max(20).optional(), from: z.string().max(40).optional(), to: z.string().max(40).optional(), interval: z.string().max(10).optional() });

declare module 'express-serve-static-core' {
  interface Request {
    holder?: TokenHolder;
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function conversationJson(c: Conversation) {
  return {
    id: c.id,
    status: c.status,
    episode: c.episode,
    language: c.language,
    pageUrl: c.pageUrl,
    assignedTo: c.assignedTo,
    handoff: c.handoff,
    summary: c.summary,
    createdAt: iso(c.createdAt),
    lastMessageAt: iso(c.lastMessageAt),
    queuedAt: iso(c.queuedAt),
    resolvedAt: iso(c.resolvedAt),
  };
}

const itemJson = (i: InboxItem) => ({ ...conversationJson(i.conversation), visitor: { name: i.visitorName, email: i.visitorEmail }, assigneeName: i.assigneeName, preview: i.conversation.lastMessagePreview, unread: i.unread });


function viewJson(v: ConversationView) {
  return {
    ...conversationJson(v.conversation),
    visitor: v.visitor ? { id: v.visitor.id, name: v.visitor.name, email: v.visitor.email, emailVerified: !!v.visitor.emailVerifiedAt } : null,
    assignee: v.assignee,
    csat: v.csat ?? null,
    can: v.can,
    messages: v.messages.map(messageForTeam),
    events: v.events.map((e) => ({ id: e.id, type: e.type, from: e.from, to: e.to, actor: e.actorId ? { id: e.actorId, name: e.actorName } : null, data: e.data, createdAt: iso(e.createdAt) })),
  };
}

const sourceJson = (s: Source) => ({ id: s.id, kind: s.kind, name: s.name, status: s.status, settings: s.settings, chunks: s.chunkCount, lastSyncedAt: iso(s.lastSyncedAt), lastError: s.lastError, createdAt: iso(s.createdAt) });
const runJson = (r: SyncRun) => ({ id: r.id, sourceId: r.sourceId, status: r.status, trigger: r.trigger, createdAt: iso(r.createdAt) });

/**
 * The team API (docs/api.md, /api/openapi.json): what the inbox and Knowledge do, for a team's
 * own scripts. Bearer personal access tokens only: no cookie is read, so no CSRF token either.
 * Each route names the scope it needs, and the services apply the same rules as the inbox.
 */
export function teamApiRoutes(c: Pick<Container, 'rateLimits' | 'config'> & { services: Pick<Container['services'], 'accessTokens' | 'inbox' | 'knowledge' | 'insights'> }): Router {
  const { accessTokens, inbox, knowledge, insights } = c.services;
  const r = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: c.config.uploadMaxBytes, files: 1, fields: 5 } }).single('file');

  // The token first, then its own limit: a stranger's guesses are refused before any counting.
  r.use('/api/v1/team', async (req, _res, next) => {
    try {
      req.holder = await accessTokens.authenticate(bearerToken(req));
    } catch (e) {
      // Wrong tokens count against the caller's network, as wrong passwords do.
      const counted = await c.rateLimits.ipSignIns.consume(networkKey(req.ip));
      if (!counted.allowed) throw new RateLimitedError(`Too many calls with a wrong token from your network. Try again in ${counted.retryAfterSeconds} s.`, counted.retryAfterSeconds);
      throw e;
    }
    // What it does is audited as the owner's, via this token.
    const context = requestContext();
    if (context) context.via = `“${req.holder.token.name}” (${req.holder.token.prefix}…)`;
    const allowed = await c.rateLimits.teamApi.consume(`token:${req.holder.token.id}`);
    if (!allowed.allowed) {
      throw new RateLimitedError(`This token made more than ${c.config.teamApiPerMinute} calls this minute. Try again in ${allowed.retryAfterSeconds} s.`, allowed.retryAfterSeconds);
    }
    next();
  });

  const need = (scope: TokenScope): RequestHandler => (req, _res, next) => {
    if (!scopeAllows(req.holder!.token.scope, scope)) throw new ForbiddenError(`This token’s scope is ${req.holder!.token.scope}; this needs ${scope}.`);
    next();
  };
  const user = (req: Request) => req.holder!.user;
  const id = (req: Request) => String(req.params.id);

  r.get('/api/v1/team/conversations', need('read'), async (req, res) => {
    const q = parseForm(ListQuery, req.query);
    const items = await inbox.list(user(req), { queue: q.queue, search: q.q, page: q.page });
    // The service reads one more than a page, to say whether there is a next.
    res.json({ conversations: items.slice(0, 50).map(itemJson), more: items.length > 50 });
  });
  r.get('/api/v1/team/conversations/:id', need('read'), async (req, res) => {
    res.json(viewJson(await inbox.open(user(req), id(req))));
  });
  r.post('/api/v1/team/conversations/:id/replies', need('write'), async (req, res) => {
    res.status(201).json(messageForTeam(await inbox.reply(user(req), id(req), parseForm(TextBody, req.body))));
  });
  r.post('/api/v1/team/conversations/:id/notes', need('write'), async (req, res) => {
    res.status(201).json(messageForTeam(await inbox.note(user(req), id(req), parseForm(TextBody, req.body))));
  });
  r.post('/api/v1/team/conversations/:id/claim', need('write'), async (req, res) => {
    res.json(conversationJson(await inbox.claim(user(req), id(req))));
  });
  r.post('/api/v1/team/conversations/:id/assign', need('write'), async (req, res) => {
    res.json(conversationJson(await inbox.assign(user(req), id(req), parseForm(AssignBody, req.body).assignee)));
  });
  r.post('/api/v1/team/conversations/:id/resolve', need('write'), async (req, res) => {
    res.json(conversationJson(await inbox.resolve(user(req), id(req))));
  });
  r.post('/api/v1/team/conversations/:id/reopen', need('write'), async (req, res) => {
    res.json(conversationJson(await inbox.reopen(user(req), id(req))));
  });

  r.get('/api/v1/team/sources', need('read'), async (req, res) => {
    res.json({ sources: (await knowledge.listSourcesFor(user(req))).map(sourceJson) });
  });
  r.post('/api/v1/team/snippets', need('admin'), async (req, res) => {
    res.status(201).json(sourceJson(await knowledge.createSnippet(user(req), parseForm(SnippetBody, req.body))));
  });
  r.put('/api/v1/team/snippets/:id', need('admin'), async (req, res) => {
    res.json(sourceJson(await knowledge.updateSnippet(user(req), id(req), parseForm(SnippetBody, req.body))));
  });
  r.post('/api/v1/team/sources/websites', need('admin'), async (req, res) => {
    const { source, run } = await knowledge.createWebsite(user(req), parseForm(WebsiteBody, req.body));
    res.status(201).json({ ...sourceJson(source), sync: runJson(run) });
  });
  r.post('/api/v1/team/sources/files', need('admin'), receiveFile(upload, c.config.uploadMaxBytes), async (req, res) => {
    const file = req.file;
    if (!file) throw new ValidationError('Send the document as multipart/form-data in a field named file.', { file: 'required' });
    const { source, run } = await knowledge.createFile(user(req), { filename: Buffer.from(file.originalname, 'latin1').toString('utf8'), contentType: file.mimetype, data: file.buffer });
    res.status(201).json({ ...sourceJson(source), sync: runJson(run) });
  });
  r.post('/api/v1/team/sources/:id/sync', need('admin'), async (req, res) => {
    res.status(202).json(runJson(await knowledge.requestSync(user(req), id(req))));
  });
  r.delete('/api/v1/team/sources/:id', need('admin'), async (req, res) => {
    await knowledge.deleteSource(user(req), id(req));
    res.status(204).end();
  });

  r.get('/api/v1/team/insights/metrics', need('read'), async (req, res) => {
    const period = await insights.period(parseForm(MetricsQuery, req.query));
    const metrics = await insights.metrics(period);
    res.json({ period: { from: period.fromDate, to: period.toDate, interval: period.interval, timeZone: period.timeZone }, totals: metrics.totals, buckets: metrics.buckets });
  });

  // A route the team API does not have: 404 here, not the session's CSRF check further on.
  r.use('/api/v1/team', () => {
    throw new NotFoundError('The team API has no such route: see /api/openapi.json.');
  });

  return r;
}

/** A multipart upload, its size capped; a parse failure is the sender's mistake, in words. */
function receiveFile(upload: RequestHandler, maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return next(new TooLargeError('The file is too large.', { file: `larger than the ${Math.round(maxBytes / 1048576)} MB upload limit` }));
      if (err) return next(new ValidationError('The upload could not be read.', { file: err instanceof multer.MulterError ? err.message : 'send multipart/form-data with a field named file' }));
      next();
    });
}
