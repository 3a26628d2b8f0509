import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { fill } from '../../lib/format.js';
import { safeHref } from '../../lib/markdown.js';
import { messageMarkdown } from '../links.js';
import type { Conversation, Message, Visitor } from '../../services/conversations/types.js';
import type { EmailFallback } from '../../services/conversations/visitor-service.js';
import { isWidgetLanguage, type WidgetSettings } from '../../services/widget/types.js';
import { parseForm } from '../forms.js';
import { render } from '../render.js';
import { holdOpen, openEventStream, visitorStreamKeys, visitorStreams } from '../sse.js';
import { pickLanguage, type WidgetStrings } from './strings.js';
import { locale } from '../../locales/index.js';
import { checkOrigin, emailLimits, handoffLimits, messageLimits, requireVisitor, typingAllowed, visitorOf, visitorPresence } from './visitor.js';
import { InvalidTokenError, NotFoundError, ValidationError } from '../../services/errors.js';
import type { Views } from '../../lib/views.js';

const FrameQuery = z.object({
  lang: z.string().max(20).optional(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional().catch(undefined),
  page: z.string().max(2000).optional().catch(undefined),
});
const MessageForm = z.object({ text: z.string({ error: 'Write a message.' }), clientId: z.string().max(1000).optional(), page: z.string().max(4000).optional(), lang: z.string().max(20).optional(), tz: z.string().max(64).optional() });
const ContextForm = z.object({ page: z.string().max(4000).optional(), lang: z.string().max(20).optional(), tz: z.string().max(64).optional() });
const RatingForm = z.object({ rating: z.enum(['helpful', 'not_helpful'], { error: 'Choose helpful or not helpful.' }), lang: z.string().max(20).optional() });
const CsatForm = z.object({ score: z.coerce.number({ error: 'Choose a rating.' }).optional(), comment: z.string().max(4000).optional(), lang: z.string().max(20).optional() });
const EmailForm = z.object({ email: z.string().max(320).default(''), lang: z.string().max(20).optional() });

/** What the email fallback shows in the chat (partials/widget/followup). */
type Followup =
  | { state: 'none' }
  | { state: 'saved'; email: string }
  | { state: 'confirming'; email: string; limited?: boolean }
  | { state: 'offer'; intro: string; showAt: number | null; privacyUrl: string; error?: string; value?: string }
  | { state: 'early'; privacyUrl: string; error?: string; value?: string };

// The emailed conversation link's token, kept for the page at /c (an hour: enough to reload it).
const LINK_COOKIE = 'baton_link';
const LINK_COOKIE_MS = 3_600_000;
// The same for an address confirmation's token, read by /email/confirm only.
const CONFIRM_COOKIE = 'baton_confirm';

/** One cookie's value from a Cookie header (the visitor side reads no other cookie). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

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
export function widgetFrameRoutes(c: Pick<Container, 'config' | 'rateLimits' | 'views' | 'clock' | 'siteHosts' | 'publicAddress'> & { services: Pick<Container['services'], 'conversations' | 'visitors' | 'widget' | 'team' | 'availability' | 'followups'> }): Router {
  const { conversations, visitors, widget, team, availability, followups } = c.services;
  const r = Router();
  const auth = requireVisitor(visitors);
  const sameSite = checkOrigin(widget, () => c.publicAddress.get(), { cors: false });

  /** The frame's language and its strings: the site's choice, else the admin's default, else the browser's. */
  const stringsFor = (req: Request, requested: string | undefined, adminDefault: WidgetSettings['language']) => {
    const lang = pickLanguage(isWidgetLanguage(requested) ? requested : adminDefault === 'auto' ? undefined : adminDefault, req.acceptsLanguages());
    return { lang, t: locale(lang).widget };
  };
  // The frame always sends its language, so a message needs no settings read to find it.
  // The organisation's sites as last read (each request that shows replies reads them first).
  const siteHosts = c.siteHosts;
  let sites: ReadonlySet<string> = new Set();
  const freshSites = async () => void (sites = await siteHosts());
  const language = async (req: Request, requested?: string) => {
    await freshSites();
    return stringsFor(req, requested, isWidgetLanguage(requested) ? 'auto' : (await widget.settings()).language);
  };

  /** What the whole frame and its thread need besides the language: settings and the greeting. */
  async function frameContext(req: Request, q: z.infer<typeof FrameQuery>) {
    const settings = await widget.settings();
    const { lang, t } = stringsFor(req, q.lang, settings.language);
    const orgName = (await team.organisation())?.name ?? '';
    // Only the admin's greeting (or the default): a greeting from the address would let anyone's
    // link show their text on Baton's own page. A site's data-greeting arrives by postMessage.
    const greeting = settings.greeting || fill(t.greeting, { org: orgName || 'us' });
    await freshSites();
    return { settings, lang, t, orgName, greeting, md: messageMarkdown(sites), href: safeHref };
  }

  /** The email fallback as the partial shows it, in the visitor's language. */
  async function followupOf(conversation: Conversation | undefined, visitor: Visitor, t: WidgetStrings, known?: EmailFallback): Promise<Followup> {
    const fallback = known ?? visitors.emailFallback(visitor, conversation);
    if (fallback.state === 'none' || fallback.state === 'saved' || fallback.state === 'confirming') return fallback;
    const privacyUrl = (await availability.settings()).promises.privacyPolicyUrl;
    // An address the site passed without signing it is filled in, for the visitor to send (and confirm).
    const value = visitor.email ?? undefined;
    if (fallback.state === 'early') return { state: 'early', privacyUrl, value };
    const later = fallback.at.getTime() > c.clock.now().getTime();
    return { state: 'offer', intro: fallback.nobodyAvailable ? t.emailAsk : t.emailOffer, showAt: later ? fallback.at.getTime() : null, privacyUrl, value };
  }

  /** An out-of-band swap of rendered HTML (or escaped text) into `target`. */
  const oob = (target: string, swap: string, content: { html: string } | { text: string }) => c.views.render('partials/widget/oob', { target, swap, ...content });
  const live = (lang: string) => oob('#live', 'innerHTML', { html: c.views.render('partials/widget/live', { lang }) });
  const systemLine = (text: string, alert = false) => c.views.render('partials/widget/system-line', { text, alert });
  const teamBarHtml = (t: WidgetStrings, requested: boolean, agentName: string | null = null) => oob('#team-bar', 'innerHTML', { html: c.views.render('partials/widget/team-bar', { t, requested, agentName }) });
  const followupHtml = (followup: Followup, ctx: { t: WidgetStrings; lang: string }) => oob('#followup', 'innerHTML', { html: c.views.render('partials/widget/followup', { followup, t: ctx.t, lang: ctx.lang }) });

  /** The followup as it stands now, re-read (after a handoff or a status change). */
  const currentFollowup = async (visitor: Visitor, ctx: { t: WidgetStrings; lang: string }) => {
    const fresh = await visitors.reload(visitor);
    return followupHtml(await followupOf(await conversations.current(fresh), fresh, ctx.t), ctx);
  };

  const messageHtml = (views: Views, m: Message, ctx: { t: WidgetStrings; lang: string }, rated?: boolean) => views.render('partials/widget/message', { m, t: ctx.t, lang: ctx.lang, rated, md: messageMarkdown(sites), href: safeHref });
  const csatHtml = (ctx: { t: WidgetStrings; lang: string }, rating?: { score: number }, error?: string) => c.views.render('partials/widget/csat', { t: ctx.t, lang: ctx.lang, rating, error });

  r.get('/widget/frame', async (req, res) => {
    const q = FrameQuery.parse(req.query);
    const ctx = await frameContext(req, q);
    allowEmbedding(res, ctx.settings);
    res.set('Cache-Control', 'no-store');
    render(res, 'pages/widget/frame', {
      ...ctx,
      colour: q.colour ?? ctx.settings.colour,
      page: q.page ?? '',
      maxChars: c.config.widget.messageMaxChars,
    });
  });

  /**
   * The conversation opened from a link in an email: the same chat, full page, signed in as the
   * visitor the link was for. The link's token is traded at once for a short-lived cookie that
   * only this page reads (path /c, HttpOnly, SameSite=Lax) and the browser sent on to /c, so no
   * URL (address bar, history, Referer) holds it after. An expired or forged link gets a page
   * saying so, and nothing else.
   */
  /** Trades an emailed link's token for a cookie that only `path` reads, and goes on to `path`. */
  const tradeForCookie = (cookie: string, path: string) => (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    res.cookie(cookie, String(req.params.token), { path, httpOnly: true, sameSite: 'lax', secure: c.config.cookieSecure, maxAge: LINK_COOKIE_MS });
    res.redirect(303, path);
  };
  r.get('/c/:token', tradeForCookie(LINK_COOKIE, '/c'));

  r.get('/c', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    let opened;
    try {
      const token = cookieValue(req.headers.cookie, LINK_COOKIE);
      if (!token) throw new NotFoundError('This page opens from the link in our email. Open that link again, or the chat on our website.');
      opened = await followups.openLink(token);
    } catch (err) {
      if (!(err instanceof InvalidTokenError || err instanceof NotFoundError)) throw err;
      res.clearCookie(LINK_COOKIE, { path: '/c' });
      const ctx = await frameContext(req, {});
      render(res, 'pages/widget/link', { ...ctx, colour: ctx.settings.colour, expired: err instanceof InvalidTokenError, message: err.message }, err instanceof InvalidTokenError ? 410 : 404);
      return;
    }
    const ctx = await frameContext(req, { lang: opened.conversation.language ?? undefined });
    render(res, 'pages/widget/frame', { ...ctx, colour: ctx.settings.colour, page: '', maxChars: c.config.widget.messageMaxChars, hosted: { token: opened.visitorToken } });
  });

  /**
   * The address confirmation from an email. As with /c, the token is traded at once for a
   * cookie only these pages read, so no URL holds it after. The page asks before confirming:
   * mail scanners open links, and an address must not confirm itself that way. The cookie is
   * SameSite=Lax, so another site cannot post the form for the visitor.
   */
  r.get('/email/confirm/:token', tradeForCookie(CONFIRM_COOKIE, '/email/confirm'));

  const confirmPage = async (req: Request, res: Response, confirm: (token: string) => Promise<{ visitor: Visitor; done: boolean }>) => {
    res.set('Cache-Control', 'no-store');
    const ctx = await frameContext(req, {});
    try {
      const token = cookieValue(req.headers.cookie, CONFIRM_COOKIE);
      if (!token) throw new NotFoundError('This page opens from the link in our email. Open that link again.');
      const { visitor, done } = await confirm(token);
      const t = stringsFor(req, visitor.language ?? undefined, ctx.settings.language).t;
      if (done) res.clearCookie(CONFIRM_COOKIE, { path: '/email/confirm' });
      render(res, 'pages/widget/confirm-email', { ...ctx, t, colour: ctx.settings.colour, email: visitor.email, done });
    } catch (err) {
      if (!(err instanceof InvalidTokenError || err instanceof NotFoundError)) throw err;
      res.clearCookie(CONFIRM_COOKIE, { path: '/email/confirm' });
      render(res, 'pages/widget/link', { ...ctx, colour: ctx.settings.colour, expired: err instanceof InvalidTokenError, message: err.message }, err instanceof InvalidTokenError ? 410 : 404);
    }
  };
  r.get('/email/confirm', (req, res) => confirmPage(req, res, async (token) => ({ visitor: (await followups.openConfirmation(token)).visitor, done: false })));
  r.post('/email/confirm', (req, res) => confirmPage(req, res, async (token) => ({ visitor: (await visitors.confirmEmail(token)).visitor, done: true })));

  r.get('/widget/thread', sameSite, auth, async (req, res) => {
    const visitor = visitorOf(req);
    const [thread, ctx] = await Promise.all([conversations.thread(visitor), frameContext(req, FrameQuery.parse(req.query))]);
    res.set('Cache-Control', 'no-store');
    render(res, 'partials/widget/thread', { ...ctx, ...thread, followup: followupHtml(await followupOf(thread.conversation, visitor, ctx.t, thread.emailFallback), ctx) });
  });

  r.post(
    '/widget/messages',
    sameSite,
    ...messageLimits(c.rateLimits, auth),
    async (req, res) => {
      const form = parseForm(MessageForm, req.body);
      const ctx = await language(req, form.lang);
      let stream: ReturnType<typeof openEventStream> | undefined;
      let pendingId = '';
      let connect = '';
      try {
        const sent = await conversations.send(
          visitorOf(req),
          { text: form.text, clientId: form.clientId, timeZone: form.tz, start: { language: ctx.lang, pageUrl: form.page }, ip: req.ip },
          {
            stored: ({ message, firstMessage, replying }) => {
              // The first message made the conversation: from now on there is something to listen to.
              connect = firstMessage ? live(ctx.lang) : '';
              if (!replying) return;
              // The first event is swapped in at the end of the list: the visitor's message and a
              // reply being written. Later events target that reply by id.
              pendingId = message.id;
              stream = openEventStream(res);
              stream.send(messageHtml(c.views, message, ctx) + c.views.render('partials/widget/pending', { id: pendingId, t: ctx.t }) + connect);
            },
            token: (text) => stream?.send(oob(`#r-${pendingId}-text`, 'beforeend', { text })),
          },
        );
        if (!stream) {
          // A teammate has it: no reply is being written here; theirs comes over the live stream.
          res.set('Cache-Control', 'no-store').type('html').send(messageHtml(c.views, sent.message, ctx) + connect);
          return;
        }
        const { reply, notice } = sent;
        const handedOff = !!(reply?.meta.handoff ?? notice);
        // The reply is in the language the visitor wrote in; the frame's own words follow it.
        const spoken = reply?.meta.language;
        const switched = isWidgetLanguage(spoken) && spoken !== ctx.lang;
        const view = switched ? { lang: spoken, t: locale(spoken).widget } : ctx;
        const teamBar = handedOff || switched ? teamBarHtml(view.t, handedOff || sent.conversation.status === 'queued') : '';
        const followup = handedOff ? await currentFollowup(sent.visitor, view) : '';
        const chrome = switched ? oob('#chrome-language', 'innerHTML', { html: c.views.render('partials/widget/language', view) }) : '';
        const shown = [reply, notice].filter((m): m is Message => !!m);
        stream.send(oob(`#r-${pendingId}`, 'outerHTML', { html: shown.map((m) => messageHtml(c.views, m, view)).join('') }) + teamBar + followup + chrome);
      } catch (err) {
        // Before the stream opened, the error handler answers (in the visitor's words, errors.ts).
        if (!stream) throw err;
        req.log.error({ err }, 'streamed reply failed');
        stream.send(oob(`#r-${pendingId}`, 'outerHTML', { html: systemLine(ctx.t.failed, true) }));
      }
      stream.end();
    },
  );

  r.post('/widget/typing', sameSite, auth, async (req, res) => {
    if (typingAllowed(visitorOf(req).id)) await conversations.typing(visitorOf(req));
    res.status(204).end();
  });

  /**
   * The frame's live stream: agent replies, "Ada joined", "resolved" and an agent typing, as
   * HTML partials in the visitor's language. 204 until the visitor has a conversation (the
   * first message's response connects it then).
   */
  r.get('/widget/stream', sameSite, auth, async (req, res) => {
    const visitor = visitorOf(req);
    const conversation = await conversations.current(visitor);
    if (!conversation) {
      res.status(204).end();
      return;
    }
    const { t, lang } = await language(req, typeof req.query.lang === 'string' ? req.query.lang : undefined);
    const stream = openEventStream(res);
    visitorStreams.admit(res, visitorStreamKeys(visitor.id, req.ip));
    const teamBar = (requested: boolean, agentName: string | null) => teamBarHtml(t, requested, agentName);
    // A new message at the end of the thread, and "Ada is typing…" cleared.
    const append = (html: string) => oob('#messages', 'beforeend', { html }) + oob('#typing', 'innerHTML', { html: '' });
    // A status change also changes what the email fallback shows (offered while waiting, not once someone has it).
    const withFollowup = async (html: string) => {
      try {
        stream.send(html + (await currentFollowup(visitor, { t, lang })));
      } catch (err) {
        req.log.warn({ err }, 'live update could not be sent');
        stream.send(html);
      }
    };
    // The listener's promise is awaited before the next update, so they arrive in order.
    await holdOpen(
      res,
      stream,
      () =>
        conversations.watch(visitor, conversation.id, async (update) => {
          // The visitor's own messages and the AI's replies arrive with the visitor's POST; agents'
          // replies and "Ada joined" come from the agent's side.
          if (update.type === 'message' && (update.message.author === 'agent' || update.message.meta.notice === 'joined')) stream.send(append(messageHtml(c.views, update.message, { t, lang })));
          // "Ada joined" is a stored message now (it arrives as one); the team bar says who has it.
          else if (update.type === 'status' && update.status === 'assigned' && update.agentName) await withFollowup(teamBar(true, update.agentName));
          else if (update.type === 'status' && update.status === 'resolved') await withFollowup(append(systemLine(t.resolved) + csatHtml({ t, lang })) + teamBar(false, null));
          else if (update.type === 'status' && update.status === 'queued') await withFollowup(teamBar(true, null));
          else if (update.type === 'typing') stream.send(oob('#typing', 'innerHTML', { text: fill(t.typing, { name: update.name ?? t.team }) }));
        }),
      visitorPresence(visitors, visitor, (err) => req.log.warn({ err }, 'could not note that the visitor is connected')),
    );
  });

  r.post('/widget/handoff', sameSite, ...handoffLimits(c.rateLimits, auth), async (req, res) => {
    const form = parseForm(ContextForm, req.body);
    const ctx = await language(req, form.lang);
    const { visitor, notice, askedFirst } = await conversations.askForTeam(visitorOf(req), { timeZone: form.tz, start: { language: ctx.lang, pageUrl: form.page } });
    res.set('Cache-Control', 'no-store').type('html').send(
      messageHtml(c.views, notice, ctx) +
        // Asked what about first: the team is asked with the answer, so the button stays.
        (askedFirst ? '' : teamBarHtml(ctx.t, true)) +
        (await currentFollowup(visitor, ctx)) +
        // The first message may be this request: from now on there is something to listen to.
        live(ctx.lang),
    );
  });

  /** The visitor's thumbs on an AI answer: the buttons again, showing the choice. */
  r.post('/widget/messages/:id/rating', sameSite, auth, async (req, res) => {
    const form = parseForm(RatingForm, req.body);
    const ctx = await language(req, form.lang);
    const message = await conversations.rateAnswer(visitorOf(req), String(req.params.id), form.rating === 'helpful');
    res.set('Cache-Control', 'no-store').type('html').send(c.views.render('partials/widget/rating', { id: message.id, rated: form.rating === 'helpful', t: ctx.t, lang: ctx.lang }));
  });

  /** How the visitor rates the team's help at resolution; a missing score re-shows the form with the reason. */
  r.post('/widget/csat', sameSite, auth, async (req, res) => {
    const form = parseForm(CsatForm, req.body);
    const visitor = visitorOf(req);
    const ctx = await language(req, form.lang);
    const conversation = await conversations.current(visitor);
    if (!conversation) throw new NotFoundError('There is no such conversation.');
    res.set('Cache-Control', 'no-store').type('html');
    try {
      const rating = await conversations.rateConversation(visitor, conversation.id, { score: form.score ?? NaN, comment: form.comment });
      res.send(csatHtml(ctx, rating));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(422).send(csatHtml(ctx, undefined, err.message));
    }
  });

  /** The visitor leaves an email for the team's reply; a mistake re-shows the form with the reason. */
  r.post('/widget/email', sameSite, ...emailLimits(c.rateLimits, auth), async (req, res) => {
    const form = parseForm(EmailForm, req.body);
    const visitor = visitorOf(req);
    const ctx = await language(req, form.lang);
    res.set('Cache-Control', 'no-store').type('html');
    try {
      const left = await visitors.leaveEmail(visitor, { email: form.email });
      const email = left.visitor.email ?? form.email;
      const followup: Followup = left.confirmation === 'not_needed' ? { state: 'saved', email } : { state: 'confirming', email, limited: left.confirmation === 'limited' };
      res.send(c.views.render('partials/widget/followup', { followup, t: ctx.t, lang: ctx.lang }));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      // The form again, open, with the reason and what was typed.
      const shown = await followupOf(await conversations.current(visitor), visitor, ctx.t);
      const mistake = { error: err.fields?.email ?? err.message, value: form.email };
      const followup: Followup = shown.state === 'offer' ? { ...shown, ...mistake, showAt: null } : { state: 'early', privacyUrl: shown.state === 'early' ? shown.privacyUrl : '', ...mistake };
      res.status(422).send(c.views.render('partials/widget/followup', { followup, t: ctx.t, lang: ctx.lang }));
    }
  });

  return r;
}
