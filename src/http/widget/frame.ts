import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { renderMarkdown, safeHref } from '../../lib/markdown.js';
import type { Conversation, Message } from '../../services/conversations/types.js';
import type { WidgetSettings } from '../../services/widget/types.js';
import { parseForm } from '../forms.js';
import { render } from '../render.js';
import { openEventStream } from './sse.js';
import { pickLanguage, WIDGET_STRINGS, type WidgetStrings } from './strings.js';
import { checkOrigin, rateLimit, requireVisitor, visitorOf } from './visitor.js';
import type { Views } from '../../lib/views.js';

const FrameQuery = z.object({
  lang: z.string().max(20).optional(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional().catch(undefined),
  greeting: z.string().max(300).optional().catch(undefined),
  page: z.string().max(2000).optional().catch(undefined),
});
const MessageForm = z.object({ text: z.string({ error: 'Write a message.' }), clientId: z.string().max(1000).optional(), page: z.string().max(4000).optional(), lang: z.string().max(20).optional() });
const ContextForm = z.object({ page: z.string().max(4000).optional(), lang: z.string().max(20).optional() });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The frame is the one Baton page other sites may embed: only the sites the admin allowed. */
function allowEmbedding(res: Response, settings: WidgetSettings): void {
  const csp = res.get('Content-Security-Policy');
  const ancestors = ["'self'", ...settings.allowedOrigins].join(' ');
  if (csp) res.set('Content-Security-Policy', csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${ancestors}`));
  res.removeHeader('X-Frame-Options');
}

/**
 * The chat frame: a server-rendered page inside the widget's iframe, and the fragments it
 * swaps in. The visitor token comes from the frame's own storage as a bearer header, so no
 * cookie is ever set. Replies stream as server-sent events carrying HTML.
 */
export function widgetFrameRoutes(c: Pick<Container, 'config' | 'rateLimits' | 'views'> & { services: Pick<Container['services'], 'conversations' | 'widget' | 'team'> }): Router {
  const { conversations, widget, team } = c.services;
  const r = Router();
  const auth = requireVisitor(conversations);
  const sameSite = checkOrigin(widget, c.config.baseUrl, { cors: false });
  const byIp = (req: Request) => `ip:${req.ip}`;

  /** What every frame template needs: the language's strings and the safe renderers. */
  async function frameContext(req: Request, language?: string) {
    const settings = await widget.settings();
    const lang = pickLanguage(language ?? (settings.language === 'auto' ? undefined : settings.language), req.acceptsLanguages());
    const t: WidgetStrings = WIDGET_STRINGS[lang];
    const orgName = (await team.organisation())?.name ?? '';
    return { settings, lang, t, orgName, md: renderMarkdown, href: safeHref, greeting: settings.greeting || t.greeting.replace('{org}', orgName || 'us') };
  }
  const messageHtml = (views: Views, m: Message, t: WidgetStrings) => views.render('partials/widget/message', { m, t, md: renderMarkdown, href: safeHref });

  r.get('/widget/frame', async (req, res) => {
    const q = FrameQuery.parse(req.query);
    const ctx = await frameContext(req, q.lang);
    allowEmbedding(res, ctx.settings);
    res.set('Cache-Control', 'no-store');
    render(res, 'pages/widget/frame', {
      ...ctx,
      colour: q.colour ?? ctx.settings.colour,
      greeting: q.greeting?.trim() || ctx.greeting,
      page: q.page ?? '',
      maxChars: c.config.widget.messageMaxChars,
    });
  });

  r.get('/widget/thread', sameSite, auth, async (req, res) => {
    const visitor = visitorOf(req);
    const conversation = await conversations.current(visitor);
    const messages = conversation ? (await conversations.get(visitor, conversation.id)).messages : [];
    const ctx = await frameContext(req, typeof req.query.lang === 'string' ? req.query.lang : undefined);
    res.set('Cache-Control', 'no-store');
    render(res, 'partials/widget/thread', { ...ctx, greeting: typeof req.query.greeting === 'string' && req.query.greeting.trim() ? req.query.greeting.trim().slice(0, 300) : ctx.greeting, messages, requested: !!conversation && conversation.status !== 'bot' });
  });

  r.post(
    '/widget/messages',
    sameSite,
    rateLimit(c.rateLimits.ipMessages, byIp, 'Too many messages from your network.'),
    auth,
    rateLimit(c.rateLimits.visitorMessages, (req) => `visitor:${visitorOf(req).id}`, 'You are sending messages too quickly.'),
    async (req, res) => {
      const form = parseForm(MessageForm, req.body);
      const visitor = visitorOf(req);
      const ctx = await frameContext(req, form.lang);
      const conversation: Conversation = await conversations.currentOrStart(visitor, { language: ctx.lang, pageUrl: form.page });
      const received = await conversations.receive(visitor, conversation.id, { text: form.text, clientId: form.clientId });
      const pendingId = received.message.id;

      // The first event is swapped in at the end of the list: the visitor's message and a reply
      // being written. Later events target that reply by id.
      const stream = openEventStream(res);
      stream.send(messageHtml(c.views, received.message, ctx.t) + c.views.render('partials/widget/pending', { id: pendingId, t: ctx.t }));
      try {
        const { reply, notice } = received.reply
          ? { reply: received.reply, notice: null }
          : await conversations.respond(received.conversation, received.message, {
              onToken: (text) => stream.send(`<hx-partial hx-target="#r-${pendingId}-text" hx-swap="beforeend">${escapeHtml(text)}</hx-partial>`),
            });
        const teamBar = reply.meta.handoff ? `<hx-partial hx-target="#team-bar" hx-swap="innerHTML">${c.views.render('partials/widget/team-bar', { t: ctx.t, requested: true })}</hx-partial>` : '';
        const shown = notice ? [reply, notice] : [reply];
        stream.send(`<hx-partial hx-target="#r-${pendingId}" hx-swap="outerHTML">${shown.map((m) => messageHtml(c.views, m, ctx.t)).join('')}</hx-partial>${teamBar}`);
      } catch (err) {
        req.log.error({ err }, 'streamed reply failed');
        stream.send(`<hx-partial hx-target="#r-${pendingId}" hx-swap="outerHTML"><div class="msg msg-system" role="alert"><div class="body"><p>${escapeHtml(ctx.t.failed)}</p></div></div></hx-partial>`);
      }
      stream.end();
    },
  );

  r.post('/widget/handoff', sameSite, auth, async (req, res) => {
    const form = parseForm(ContextForm, req.body);
    const visitor = visitorOf(req);
    const ctx = await frameContext(req, form.lang);
    const conversation = await conversations.currentOrStart(visitor, { language: ctx.lang, pageUrl: form.page });
    const { notice } = await conversations.requestTeam(visitor, conversation.id);
    res.set('Cache-Control', 'no-store').type('html').send(
      messageHtml(c.views, notice, ctx.t) + `<hx-partial hx-target="#team-bar" hx-swap="innerHTML">${c.views.render('partials/widget/team-bar', { t: ctx.t, requested: true })}</hx-partial>`,
    );
  });

  return r;
}
