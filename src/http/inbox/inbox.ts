import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { isUuid } from '../../adapters/storage/db.js';
import { ago } from '../../lib/format.js';
import { safeHref } from '../../lib/markdown.js';
import { messageMarkdown } from '../links.js';
import type { Views } from '../../lib/views.js';
import { TRIGGER_KINDS, TRIGGER_LABELS } from '../../services/assistant/triggers/triggers.js';
import type { DomainEvent } from '../../services/events.js';
import { PAGE_SIZE, type InboxQuery, type InboxService } from '../../services/conversations/inbox-service.js';
import { INBOX_QUEUES, type ConversationEvent, type Message } from '../../services/conversations/types.js';
import type { User } from '../../services/team/types.js';
import type { PresenceService } from '../../services/availability/presence-service.js';
import { parseForm, submitForm } from '../forms.js';
import { requireUser } from '../middleware/require-role.js';
import { flash, isFragmentRequest, navigate, render } from '../render.js';
import { holdOpen, openEventStream } from '../sse.js';
import { breakableAddress, humanize } from '../../lib/format.js';
import { clip } from '../../services/conversations/summary.js';

const ListQuery = z.object({
  queue: z.enum(INBOX_QUEUES).catch('waiting'),
  q: z.string().max(200).optional().catch(undefined),
  reason: z.enum(TRIGGER_KINDS).optional().catch(undefined),
  // A search covers every conversation unless the agent narrows it to the queue they are in.
  scope: z.enum(['all', 'queue']).catch('all'),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
const MessageForm = z.object({
  text: z.string({ error: 'Write something first.' }).max(20_000, 'That is too long.'),
  clientId: z.string().max(200).optional(),
  kind: z.enum(['reply', 'note']).catch('reply'),
});
const CannedForm = z.object({ shortcut: z.string().max(100).default(''), text: z.string().max(20_000).default('') });
const AssignForm = z.object({ assignee: z.string().refine(isUuid, 'Choose a teammate.') });

const QUEUE_LABELS = { waiting: 'Waiting', mine: 'Mine', unassigned: 'Unassigned', open: 'All open', resolved: 'Resolved' } as const;
/**
 * Events in a burst refresh an agent's list once: at most once a second per agent, so a busy
 * site (every visitor message is an event) costs each open inbox one list render a second.
 */
const LIST_REFRESH_DEBOUNCE_MS = 1000;


/** The query string that keeps the agent's queue, search and filter across links. */
function listParams(q: z.infer<typeof ListQuery>): string {
  const p = new URLSearchParams({ queue: q.queue });
  if (q.q) p.set('q', q.q);
  if (q.q && q.scope === 'queue') p.set('scope', 'queue');
  if (q.reason) p.set('reason', q.reason);
  return p.toString();
}

/** The timeline: messages, notes and status changes in the order they happened. */
function timeline(messages: Message[], events: ConversationEvent[]) {
  const items = [...messages.map((m) => ({ kind: 'message' as const, at: m.createdAt, m })), ...events.map((e) => ({ kind: 'event' as const, at: e.createdAt, e }))];
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The agents' inbox: queues, a conversation with its timeline, and the actions on it. Each
 * swappable part has its own partial and id; the live stream sends the same partials.
 */
export function inboxRoutes(inbox: InboxService, presence: PresenceService, views: Views, siteHosts: () => Promise<ReadonlySet<string>>): Router {
  const r = Router();
  r.use('/inbox', requireUser);
  // AI replies and drafts link only to the organisation's sites and their citations, here too:
  // an agent could otherwise click, or send on, a link a crawled page slipped into a draft.
  let sites: ReadonlySet<string> = new Set();
  r.use('/inbox', async (_req, _res, next) => {
    sites = await siteHosts();
    next();
  });
  /** What every inbox template gets besides its own data. */
  const helpers = { md: (text: string, m?: Pick<Message, 'author' | 'citations'>) => messageMarkdown(sites)(text, m), href: safeHref, ago, breakable: breakableAddress, humanize, reasons: TRIGGER_LABELS, queues: QUEUE_LABELS };
  const userOf = (req: Request) => req.user as User;
  const conversationId = (req: Request) => String(req.params.id);

  async function listData(user: User, q: z.infer<typeof ListQuery>, openId?: string) {
    const everywhere = !!q.q?.trim() && q.scope === 'all';
    const query: InboxQuery = { ...(everywhere ? {} : { queue: q.queue }), search: q.q, reason: q.reason, page: q.page };
    const [rows, counts] = await Promise.all([inbox.list(user, query), inbox.counts(user)]);
    return { items: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE, counts, q, everywhere, params: listParams(q), openId, now: new Date() };
  }

  async function conversationData(user: User, id: string) {
    const [view, canned] = await Promise.all([inbox.open(user, id), inbox.cannedResponses()]);
    return { view, items: timeline(view.messages, view.events), canned, clientId: randomUUID(), me: user };
  }

  /** The whole inbox page, or (for htmx) just the part that changed. */
  async function page(req: Request, res: Response, openId?: string) {
    const user = userOf(req);
    const q = ListQuery.parse(req.query);
    // The filter form (search, reason) replaces the list only; its address is /inbox?…, so
    // Reload, Back and bookmarks show the whole inbox.
    if (isFragmentRequest(req) && /(^|#)inbox-list$/.test(req.get('HX-Target') ?? '')) {
      res.set('Vary', 'HX-Request');
      render(res, 'partials/inbox/list', { ...helpers, list: await listData(user, q, openId), oob: true });
      return;
    }
    // htmx 4 names the target as tag#id.
    if (openId && isFragmentRequest(req) && /(^|#)conversation$/.test(req.get('HX-Target') ?? '')) {
      res.set('Vary', 'HX-Request');
      render(res, 'partials/inbox/conversation', { ...helpers, ...(await conversationData(user, openId)), params: listParams(q) });
      return;
    }
    const [list, conversation, status] = await Promise.all([listData(user, q, openId), openId ? conversationData(user, openId) : undefined, presence.heartbeat(user, true)]);
    res.set('Vary', 'HX-Request');
    render(res, 'pages/inbox/index', { ...helpers, title: 'Inbox', list, conversation, params: list.params, presence: status });
  }

  r.get('/inbox', (req, res) => page(req, res));
  r.get('/inbox/conversations/:id', (req, res) => page(req, res, conversationId(req)));

  r.get('/inbox/list', async (req, res) => {
    const open = typeof req.query.open === 'string' && isUuid(req.query.open) ? req.query.open : undefined;
    render(res, 'partials/inbox/list', { ...helpers, list: await listData(userOf(req), ListQuery.parse(req.query), open), oob: true });
  });

  /** After an action, the conversation's body again (the live stream around it stays open). */
  async function body(req: Request, res: Response) {
    render(res, 'partials/inbox/conversation-body', { ...helpers, ...(await conversationData(userOf(req), conversationId(req))), params: listParams(ListQuery.parse(req.query)) });
  }

  // The transitions an agent triggers with one button; each answers with the conversation again.
  const actions = { claim: 'claim', release: 'release', reopen: 'reopen' } as const;
  for (const [path, method] of Object.entries(actions)) {
    r.post(`/inbox/conversations/:id/${path}`, async (req, res) => {
      await inbox[method](userOf(req), conversationId(req));
      await body(req, res);
    });
  }
  // Resolved: on to the next visitor waiting (the one waiting longest), if any.
  r.post('/inbox/conversations/:id/resolve', async (req, res) => {
    const next = await inbox.resolve(userOf(req), conversationId(req)).then(() => inbox.nextWaiting(userOf(req)));
    if (next) return navigate(req, res, `/inbox/conversations/${next.id}?${listParams(ListQuery.parse(req.query))}`);
    await body(req, res);
  });
  r.post('/inbox/conversations/:id/assign', async (req, res) => {
    const form = parseForm(AssignForm, req.body);
    await inbox.assign(userOf(req), conversationId(req), form.assignee);
    await body(req, res);
  });

  r.post('/inbox/conversations/:id/messages', async (req, res) => {
    const user = userOf(req);
    const form = parseForm(MessageForm, req.body);
    const input = { text: form.text, clientId: form.clientId };
    const message = form.kind === 'note' ? await inbox.note(user, conversationId(req), input) : await inbox.reply(user, conversationId(req), input);
    const [view, canned] = await Promise.all([inbox.composer(user, conversationId(req)), inbox.cannedResponses()]);
    // The message joins the timeline; the composer comes back empty, with a new clientId.
    res.type('html').send(
      views.render('partials/inbox/timeline-message', { ...helpers, formatDateTime: res.locals.formatDateTime as unknown, m: message }) +
        `<hx-partial hx-target="#composer" hx-swap="outerHTML">${views.render('partials/inbox/composer', { ...helpers, view, canned, clientId: randomUUID(), kind: form.kind })}</hx-partial>`,
    );
  });

  // The open inbox's heartbeat (every 30 s) and the agent's own online/away switch.
  r.post('/inbox/presence', async (req, res) => {
    const status = await presence.heartbeat(userOf(req), (req.body as { active?: string } | undefined)?.active === '1');
    render(res, 'partials/inbox/presence', { presence: status });
  });
  r.post('/inbox/presence/status', async (req, res) => {
    const wanted = (req.body as { status?: string } | undefined)?.status === 'away' ? 'away' : 'online';
    render(res, 'partials/inbox/presence', { presence: await presence.set(userOf(req), wanted) });
  });

  const cannedPage = async () => ({ title: 'Saved replies', responses: await inbox.cannedResponses(), values: {}, errors: {} });
  r.get('/inbox/saved-replies', async (req, res) => {
    const page = await cannedPage();
    // "Edit": the form filled in with the reply (saving its shortcut again replaces it).
    const editing = page.responses.find((c) => c.id === req.query.edit);
    render(res, 'pages/inbox/saved-replies', { ...page, editing: !!editing, values: editing ? { shortcut: editing.shortcut, text: editing.text } : {} });
  });
  r.post('/inbox/saved-replies', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/inbox/saved-replies', body, async () => {
      const form = parseForm(CannedForm, body);
      const saved = await inbox.saveCannedResponse(userOf(req), form);
      flash(req, 'success', `Saved. Type /${saved.shortcut} in a reply to insert it.`);
      navigate(req, res, '/inbox/saved-replies');
    }, cannedPage);
  });
  r.post('/inbox/saved-replies/:id/delete', async (req, res) => {
    await inbox.deleteCannedResponse(userOf(req), String(req.params.id));
    flash(req, 'success', 'Deleted.');
    navigate(req, res, '/inbox/saved-replies');
  });

  r.post('/inbox/conversations/:id/typing', async (req, res) => {
    await inbox.typing(userOf(req), conversationId(req));
    res.status(204).end();
  });

  r.post('/inbox/conversations/:id/viewing', async (req, res) => {
    const viewers = await inbox.viewing(userOf(req), conversationId(req));
    render(res, 'partials/inbox/viewers', { viewers });
  });

  /**
   * The agent's live stream: list refreshes for every change, and for the conversation they
   * have open, new messages, status changes, typing and viewers as ready-made partials. Fed by
   * Postgres LISTEN/NOTIFY, so a change on any replica reaches agents on every replica.
   */
  /** Inbox streams open on this replica, per person: the last one closing marks them offline. */
  const openStreams = new Map<string, number>();
  r.get('/inbox/stream', async (req, res) => {
    const user = userOf(req);
    const openId = typeof req.query.conversation === 'string' && isUuid(req.query.conversation) ? req.query.conversation : undefined;
    const stream = openEventStream(res);
    // Rendered outside render(), so the request's own helpers are passed along.
    const locals = { ...helpers, formatDateTime: res.locals.formatDateTime as unknown, me: user };
    // One event at a time, in order: each may need a read before it is sent.
    let chain = Promise.resolve();
    let refresh: NodeJS.Timeout | undefined;
    const partial = (target: string, swap: string, html: string) => `<hx-partial hx-target="${target}" hx-swap="${swap}">${html}</hx-partial>`;

    const handle = async (event: DomainEvent) => {
      // Signed out, deactivated, or the password changed elsewhere: this stream was opened with a
      // session that no longer exists, and sees nothing more.
      if (event.type === 'sessions.ended') {
        if (event.userId === user.id && (event.only ?? req.sessionID) === req.sessionID && event.except !== req.sessionID) res.end();
        return;
      }
      if (event.type !== 'typing' && event.type !== 'viewers.changed') {
        refresh ??= setTimeout(() => {
          refresh = undefined;
          stream.send('{}', 'inbox');
        }, LIST_REFRESH_DEBOUNCE_MS);
      }
      if (event.type === 'conversation.transitioned' && event.transition === 'hand_off') stream.send(JSON.stringify({ id: event.conversationId }), 'escalation');
      if (event.conversationId !== openId) return;
      switch (event.type) {
        case 'message.created': {
          const m = await inbox.message(event.messageId);
          // The author's own browser already shows it (the POST's response).
          if (!m || (m.userId === user.id && m.author === 'agent')) return;
          stream.send(
            partial('#timeline', 'beforeend', views.render('partials/inbox/timeline-message', { ...locals, m })) +
              // The summary's "Latest message" follows the visitor.
              (m.author === 'visitor' ? partial('#typing', 'innerHTML', '') + partial('#summary-last', 'innerHTML', views.render('partials/inbox/summary-last', { text: clip(m.text) })) : ''),
          );
          return;
        }
        case 'conversation.transitioned': {
          if (event.actorId === user.id) return;
          const data = await conversationData(user, openId);
          stream.send(partial('#conversation-body', 'outerHTML', views.render('partials/inbox/conversation-body', { ...locals, ...data, params: '' })));
          return;
        }
        case 'typing':
          if (event.who === 'visitor') stream.send(partial('#typing', 'innerHTML', views.render('partials/inbox/typing', {})));
          return;
        case 'viewers.changed':
          stream.send(partial('#viewers', 'outerHTML', views.render('partials/inbox/viewers', { viewers: await inbox.viewers(user, openId) })));
          return;
      }
    };
    const open = await holdOpen(
      res,
      stream,
      () =>
        inbox.watch((event) => {
          chain = chain.then(() => handle(event)).catch((err: unknown) => req.log.warn({ err }, 'live update could not be sent'));
        }),
      {
        onClose: () => {
          clearTimeout(refresh);
          if (openId) void inbox.leave(user, openId).catch(() => {});
          // Their last inbox on this replica closed: offline at once (see PresenceService.closed).
          const left = (openStreams.get(user.id) ?? 1) - 1;
          if (left > 0) openStreams.set(user.id, left);
          else {
            openStreams.delete(user.id);
            void presence.closed(user).catch((err: unknown) => req.log.warn({ err }, 'could not mark the agent offline'));
          }
        },
      },
    );
    if (open) openStreams.set(user.id, (openStreams.get(user.id) ?? 0) + 1);
    // Tells the client (and the tests) that from here on nothing is missed.
    if (open) stream.send('{}', 'ready');
  });

  return r;
}
