import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { replyObject } from '../../services/conversations/reply.js';
import { DomainError } from '../../services/errors.js';
import { parseForm } from '../forms.js';
import { conversationJson, messageJson } from './json.js';
import { holdOpen, openEventStream, visitorStreamKeys, visitorStreams } from '../sse.js';
import { byIp, checkOrigin, conversationLimits, emailLimits, handoffLimits, messageLimits, rateLimit, requireVisitor, typingAllowed, visitorOf, visitorPresence } from './visitor.js';

const VisitorBody = z.object({ language: z.string().max(20).optional() });
const IdentifyBody = z.object({ email: z.string().max(320).optional(), name: z.string().max(500).optional(), timeZone: z.string().max(64).optional(), hash: z.string().max(128).optional() });
const EmailBody = z.object({ email: z.string({ error: 'Give an email address.' }).max(320) });
const RatingBody = z.object({ helpful: z.boolean({ error: 'helpful must be true or false.' }) });
const CsatBody = z.object({ score: z.number({ error: 'score must be a whole number from 1 to 5.' }), comment: z.string().max(4000).optional() });
const ConversationBody = z.object({ language: z.string().max(20).optional(), pageUrl: z.string().max(4000).optional() });
const MessageBody = z.object({
  text: z.string({ error: 'text is required.' }),
  clientId: z.string().max(1000).optional(),
});

// Asked for explicitly with `Accept: text/event-stream`; a wildcard Accept gets JSON.
export const wantsEventStream = (req: Request) => /\btext\/event-stream\b/.test(req.get('Accept') ?? '');

/**
 * The public visitor API (docs/api.md): JSON, bearer visitor tokens, no cookies. Replies stream
 * as server-sent events when asked.
 */
export function widgetApiRoutes(c: Pick<Container, 'config' | 'rateLimits' | 'logger' | 'publicAddress'> & { services: Pick<Container['services'], 'conversations' | 'visitors' | 'widget'> }): Router {
  const { conversations, visitors, widget } = c.services;
  const r = Router();
  const auth = requireVisitor(visitors);

  r.use('/api/v1', checkOrigin(widget, () => c.publicAddress.get(), { cors: true }));

  r.post('/api/v1/visitors', rateLimit(c.rateLimits.newVisitors, byIp, 'Too many new visitors from your network.'), async (req, res) => {
    const body = parseForm(VisitorBody, req.body);
    const { visitor, token } = await visitors.createVisitor({ language: body.language });
    res.status(201).json({ token, visitor: { id: visitor.id } });
  });

  r.patch('/api/v1/visitors/me', auth, async (req, res) => {
    const body = parseForm(IdentifyBody, req.body);
    const visitor = await visitors.identify(visitorOf(req), body);
    res.json({ id: visitor.id, email: visitor.email, name: visitor.name, timeZone: visitor.timeZone, verified: !!visitor.emailVerifiedAt });
  });

  /**
   * The visitor leaves an email for the team's reply (after seeing a consent line). A verified
   * address is acknowledged by email while the conversation waits; any other gets a confirmation
   * first (`confirmation: "sent"`, or `"limited"` when the mailbox had its three today).
   */
  r.post('/api/v1/visitors/me/email', ...emailLimits(c.rateLimits, auth), async (req, res) => {
    const body = parseForm(EmailBody, req.body);
    const { visitor, acknowledged, confirmation } = await visitors.leaveEmail(visitorOf(req), body);
    res.json({ id: visitor.id, email: visitor.email, verified: !!visitor.emailVerifiedAt, acknowledged, confirmation });
  });

  r.post('/api/v1/conversations', ...conversationLimits(c.rateLimits, auth), async (req, res) => {
    const body = parseForm(ConversationBody, req.body);
    const conversation = await conversations.start(visitorOf(req), { language: body.language, pageUrl: body.pageUrl });
    res.status(201).json(conversationJson(conversation));
  });

  r.get('/api/v1/conversations/:id', auth, async (req, res) => {
    const { conversation, messages } = await conversations.get(visitorOf(req), String(req.params.id));
    res.set('Cache-Control', 'no-store').json({ ...conversationJson(conversation), messages: messages.map(messageJson) });
  });

  r.post('/api/v1/conversations/:id/messages', ...messageLimits(c.rateLimits, auth), async (req, res) => {
    const body = parseForm(MessageBody, req.body);
    const streaming = wantsEventStream(req);
    let stream: ReturnType<typeof openEventStream> | undefined;
    try {
      const sent = await conversations.send(
        visitorOf(req),
        { ...body, conversationId: String(req.params.id), ip: req.ip },
        {
          stored: ({ message, duplicate }) => {
            if (duplicate) res.set('Idempotent-Replayed', 'true');
            if (!streaming) return;
            // From here on the status is sent: failures become an `error` event.
            stream = openEventStream(res, 201);
            stream.send(JSON.stringify(messageJson(message)), 'message');
          },
          token: streaming ? (text) => stream?.send(JSON.stringify({ text }), 'token') : undefined,
        },
      );
      // `reply` is null while a teammate has the conversation: their reply comes on the events stream.
      if (!stream) {
        res.status(201).json({ message: messageJson(sent.message), reply: sent.reply && replyObject(sent.reply) });
        return;
      }
      stream.send(JSON.stringify(sent.reply && replyObject(sent.reply)), 'reply');
    } catch (err) {
      if (!stream) throw err;
      req.log.error({ err }, 'streamed reply failed');
      const known = err instanceof DomainError;
      stream.send(JSON.stringify({ error: { code: known ? err.code : 'internal', message: known ? err.message : 'The reply could not be finished. Send the message again with the same clientId to get it.' } }), 'error');
    }
    stream.end();
  });

  r.post('/api/v1/conversations/:id/typing', auth, async (req, res) => {
    if (typingAllowed(visitorOf(req).id)) await conversations.typing(visitorOf(req), String(req.params.id));
    res.status(204).end();
  });

  /** What happens in the conversation from now on: agent replies, status changes, an agent typing. */
  r.get('/api/v1/conversations/:id/events', auth, async (req, res) => {
    const visitor = visitorOf(req);
    const id = String(req.params.id);
    await conversations.get(visitor, id);
    const stream = openEventStream(res);
    visitorStreams.admit(res, visitorStreamKeys(visitor.id, req.ip));
    const open = await holdOpen(res, stream, () =>
      conversations.watch(visitor, id, (update) => {
        if (update.type === 'message') stream.send(JSON.stringify(messageJson(update.message)), 'message');
        else if (update.type === 'status') stream.send(JSON.stringify({ status: update.status, agentName: update.agentName }), 'status');
        else stream.send(JSON.stringify({ who: 'agent', name: update.name }), 'typing');
      }),
      visitorPresence(visitors, visitor, (err) => req.log.warn({ err }, 'could not note that the visitor is connected')),
    );
    if (open) stream.send('{}', 'ready');
  });

  /** The visitor rates one of the AI's answers: helpful or not (again: replaces the rating). */
  r.put('/api/v1/conversations/:id/messages/:messageId/rating', auth, async (req, res) => {
    const body = parseForm(RatingBody, req.body);
    const message = await conversations.rateAnswer(visitorOf(req), String(req.params.messageId), body.helpful, { conversationId: String(req.params.id) });
    res.json({ messageId: message.id, helpful: body.helpful });
  });

  /** The visitor rates the team's help once the conversation is resolved (CSAT, 1–5). */
  r.put('/api/v1/conversations/:id/rating', auth, async (req, res) => {
    const body = parseForm(CsatBody, req.body);
    const rating = await conversations.rateConversation(visitorOf(req), String(req.params.id), body);
    res.json(rating);
  });

  r.post('/api/v1/conversations/:id/handoff', ...handoffLimits(c.rateLimits, auth), async (req, res) => {
    const { conversation, notice, askedFirst } = await conversations.requestTeam(visitorOf(req), String(req.params.id));
    res.json({ conversation: conversationJson(conversation), notice: messageJson(notice), askedFirst });
  });

  return r;
}
