import { Router } from 'express';
import { VERSION } from '../../lib/paths.js';
import { TOKEN_SCOPES } from '../../services/team/access-tokens.js';

/**
 * The OpenAPI 3.1 description of both APIs, served at /api/openapi.json. A test compares its
 * operations with the routes the app serves and with the headings of docs/api.md, so none of
 * the three can drift from the others.
 */
type Schema = Record<string, unknown>;

const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const idParam = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
const errors = { default: { description: 'An error: see docs/api.md, Errors.', ...json(ref('Error')) } };

interface Op {
  summary: string;
  security: 'visitor' | 'none' | (typeof TOKEN_SCOPES)[number];
  params?: string[];
  query?: { name: string; schema: Schema; description?: string }[];
  body?: Schema;
  multipart?: boolean;
  status?: number;
  response?: Schema;
}

function operation(op: Op) {
  const security = op.security === 'none' ? [] : op.security === 'visitor' ? [{ visitorToken: [] }] : [{ personalAccessToken: [op.security] }];
  return {
    summary: op.summary,
    security,
    ...(op.security !== 'none' && op.security !== 'visitor' ? { 'x-baton-scope': op.security } : {}),
    parameters: [...(op.params ?? []).map((p) => idParam(p)), ...(op.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, schema: q.schema, ...(q.description ? { description: q.description } : {}) }))],
    ...(op.body ? { requestBody: { required: true, ...json(op.body) } } : {}),
    ...(op.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: obj({ file: { type: 'string', format: 'binary' } }, ['file']) } } } } : {}),
    responses: { [String(op.status ?? 200)]: { description: 'Done.', ...(op.response ? json(op.response) : {}) }, ...errors },
  };
}

/** Path → method → operation, in Express's notation (`:id`); turned into OpenAPI's below. */
const OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/v1/visitors': { post: { summary: 'Create a visitor and its token', security: 'none', body: obj({ language: str }), status: 201, response: obj({ token: str, visitor: obj({ id: str }) }) } },
  '/api/v1/visitors/me': { patch: { summary: 'Say who the visitor is (email, name, time zone, verifying hash)', security: 'visitor', body: obj({ email: str, name: str, timeZone: str, hash: str }) } },
  '/api/v1/visitors/me/email': { post: { summary: 'Leave an email for the team’s reply', security: 'visitor', body: obj({ email: str }, ['email']) } },
  '/api/v1/conversations': { post: { summary: 'Start a conversation', security: 'visitor', body: obj({ language: str, pageUrl: str }), status: 201, response: ref('VisitorConversation') } },
  '/api/v1/conversations/:id': { get: { summary: 'A conversation with its messages', security: 'visitor', params: ['id'], response: ref('VisitorConversation') } },
  '/api/v1/conversations/:id/messages': { post: { summary: 'Send a message; the reply as JSON or streamed (Accept: text/event-stream)', security: 'visitor', params: ['id'], body: obj({ text: str, clientId: str }, ['text']), status: 201 } },
  '/api/v1/conversations/:id/events': { get: { summary: 'Live updates (server-sent events)', security: 'visitor', params: ['id'] } },
  '/api/v1/conversations/:id/typing': { post: { summary: 'The visitor is typing', security: 'visitor', params: ['id'], status: 204 } },
  '/api/v1/conversations/:id/handoff': { post: { summary: 'Ask for the team', security: 'visitor', params: ['id'] } },
  '/api/v1/conversations/:id/messages/:messageId/rating': { put: { summary: 'Rate an AI answer', security: 'visitor', params: ['id', 'messageId'], body: obj({ helpful: bool }, ['helpful']) } },
  '/api/v1/conversations/:id/rating': { put: { summary: 'Rate the team’s help (1–5)', security: 'visitor', params: ['id'], body: obj({ score: int, comment: str }, ['score']) } },

  '/api/v1/team/conversations': {
    get: {
      summary: 'List or search conversations (50 a page)',
      security: 'read',
      query: [
        { name: 'queue', schema: { type: 'string', enum: ['waiting', 'mine', 'unassigned', 'open', 'resolved'] }, description: 'Absent: every conversation.' },
        { name: 'q', schema: str, description: 'Search the visitor’s name, email and messages.' },
        { name: 'page', schema: int },
      ],
      response: obj({ conversations: { type: 'array', items: ref('TeamConversation') }, more: bool }),
    },
  },
  '/api/v1/team/conversations/:id': { get: { summary: 'A conversation with its timeline (marks it read for the token’s owner)', security: 'read', params: ['id'], response: ref('TeamConversationDetail') } },
  '/api/v1/team/conversations/:id/replies': { post: { summary: 'Reply to the visitor (the assignee only)', security: 'write', params: ['id'], body: obj({ text: str, clientId: str }, ['text']), status: 201, response: ref('Message') } },
  '/api/v1/team/conversations/:id/notes': { post: { summary: 'Add an internal note', security: 'write', params: ['id'], body: obj({ text: str, clientId: str }, ['text']), status: 201, response: ref('Message') } },
  '/api/v1/team/conversations/:id/claim': { post: { summary: 'Claim it', security: 'write', params: ['id'], response: ref('TeamConversation') } },
  '/api/v1/team/conversations/:id/assign': { post: { summary: 'Assign it to a teammate', security: 'write', params: ['id'], body: obj({ assignee: str }, ['assignee']), response: ref('TeamConversation') } },
  '/api/v1/team/conversations/:id/resolve': { post: { summary: 'Resolve it', security: 'write', params: ['id'], response: ref('TeamConversation') } },
  '/api/v1/team/conversations/:id/reopen': { post: { summary: 'Reopen it', security: 'write', params: ['id'], response: ref('TeamConversation') } },
  '/api/v1/team/sources': { get: { summary: 'Knowledge: websites, documents and Q&A snippets (admins)', security: 'read', response: obj({ sources: { type: 'array', items: ref('Source') } }) } },
  '/api/v1/team/snippets': { post: { summary: 'Add a Q&A snippet', security: 'admin', body: obj({ question: str, answer: str }, ['question', 'answer']), status: 201, response: ref('Source') } },
  '/api/v1/team/snippets/:id': { put: { summary: 'Change a Q&A snippet', security: 'admin', params: ['id'], body: obj({ question: str, answer: str }, ['question', 'answer']), response: ref('Source') } },
  '/api/v1/team/sources/websites': {
    post: {
      summary: 'Add a website (its start page is read first) and start its sync',
      security: 'admin',
      body: obj({ startUrl: str, sitemapUrl: str, maxPages: int, maxDepth: int, include: { type: 'array', items: str }, exclude: { type: 'array', items: str }, saveAnyway: bool }, ['startUrl']),
      status: 201,
      response: ref('SourceWithSync'),
    },
  },
  '/api/v1/team/sources/files': { post: { summary: 'Upload a document (PDF, Word, HTML, Markdown, text) and start reading it', security: 'admin', multipart: true, status: 201, response: ref('SourceWithSync') } },
  '/api/v1/team/sources/:id/sync': { post: { summary: 'Sync a source now', security: 'admin', params: ['id'], status: 202, response: obj({ id: str, sourceId: str, status: str, trigger: str, createdAt: str }) } },
  '/api/v1/team/sources/:id': { delete: { summary: 'Delete a source and its passages', security: 'admin', params: ['id'], status: 204 } },
  '/api/v1/team/insights/metrics': {
    get: {
      summary: 'Insights metrics for a period',
      security: 'read',
      query: [
        { name: 'preset', schema: str, description: '7d, 30d, 90d…' },
        { name: 'from', schema: { type: 'string', format: 'date' } },
        { name: 'to', schema: { type: 'string', format: 'date' } },
        { name: 'interval', schema: { type: 'string', enum: ['day', 'week', 'month'] } },
      ],
      response: obj({ period: obj({ from: str, to: str, interval: str, timeZone: str }), totals: { type: 'object' }, buckets: { type: 'array', items: { type: 'object' } } }),
    },
  },
  '/api/openapi.json': { get: { summary: 'This document', security: 'none' } },
};

const conversationProps = { id: str, status: { type: 'string', enum: ['bot', 'queued', 'assigned', 'resolved'] }, episode: int, language: { type: ['string', 'null'] }, pageUrl: { type: ['string', 'null'] }, assignedTo: { type: ['string', 'null'] }, handoff: { type: ['object', 'null'] }, summary: { type: ['string', 'null'] }, createdAt: str, lastMessageAt: str, queuedAt: { type: ['string', 'null'] }, resolvedAt: { type: ['string', 'null'] } };

/** OpenAPI writes path parameters as {id}. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

export const OPENAPI_OPERATIONS: { method: string; path: string }[] = Object.entries(OPERATIONS).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Baton', version: VERSION, description: 'The visitor API (what the widget uses) and the team API (personal access tokens). See docs/api.md.' },
    paths: Object.fromEntries(Object.entries(OPERATIONS).map(([path, methods]) => [openApiPath(path), Object.fromEntries(Object.entries(methods).map(([m, op]) => [m, operation(op)]))])),
    components: {
      securitySchemes: {
        visitorToken: { type: 'http', scheme: 'bearer', description: 'The token POST /api/v1/visitors returns.' },
        personalAccessToken: { type: 'http', scheme: 'bearer', description: `A personal access token (baton_pat_…) made on the account page, with the scope ${TOKEN_SCOPES.join(', ')}; each scope includes the ones before it.` },
      },
      schemas: {
        Error: obj({ error: obj({ code: str, message: str, fields: { type: 'object', additionalProperties: str } }, ['code', 'message']) }, ['error']),
        VisitorConversation: obj({ id: str, status: str, messages: { type: 'array', items: { type: 'object' } } }),
        Message: obj({ id: str, author: { type: 'string', enum: ['visitor', 'assistant', 'agent', 'system'] }, authorName: { type: ['string', 'null'] }, text: str, internal: bool, draft: bool, citations: { type: 'array', items: obj({ title: str, url: str }) }, createdAt: str }),
        TeamConversation: obj({ ...conversationProps, visitor: obj({ name: { type: ['string', 'null'] }, email: { type: ['string', 'null'] } }), assigneeName: { type: ['string', 'null'] }, preview: { type: ['string', 'null'] }, unread: bool }),
        TeamConversationDetail: obj({ ...conversationProps, visitor: { type: ['object', 'null'] }, assignee: { type: ['object', 'null'] }, csat: { type: ['object', 'null'] }, can: { type: 'object' }, messages: { type: 'array', items: ref('Message') }, events: { type: 'array', items: { type: 'object' } } }),
        SourceWithSync: { allOf: [ref('Source'), obj({ sync: obj({ id: str, sourceId: str, status: str, trigger: str, createdAt: str }) })] },
        Source: obj({ id: str, kind: { type: 'string', enum: ['website', 'file', 'snippet'] }, name: str, status: str, settings: { type: 'object' }, chunks: int, lastSyncedAt: { type: ['string', 'null'] }, lastError: { type: ['string', 'null'] }, createdAt: str }),
      },
    },
  };
}

export function openApiRoutes(): Router {
  const r = Router();
  const body = JSON.stringify(openApiDocument(), null, 2);
  r.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').set('Cache-Control', 'public, max-age=300').send(body);
  });
  return r;
}
