import { createHmac } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxRepo } from '../../src/adapters/storage/outbox-repo.js';
import { jobs, runJob } from '../../src/jobs/schedule.js';
import type { Visitor } from '../../src/services/conversations/types.js';
import { createUser, csrfFor, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { freePort } from '../support/ports.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp;
let smtp: TestSmtp | undefined;
/** The app's clock runs this far ahead of real time (database timestamps stay real). */
let ahead = 0;
const clock = { now: () => new Date(Date.now() + ahead) };

afterEach(async () => {
  await t?.close();
  await smtp?.close();
  t = undefined as unknown as TestApp;
  smtp = undefined;
  ahead = 0;
});

const ALL_DAY = Array.from({ length: 7 }, () => '00:00-00:00');
const copenhagenDate = (at: Date, days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(at.getTime() + days * 86_400_000));

/** The app with a real SMTP server at `port` (which may not be listening yet). */
async function start(opts: { smtpPort?: number; env?: Record<string, string> } = {}) {
  if (opts.smtpPort === undefined) smtp = await startSmtp();
  t = await startTestApp({
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(opts.smtpPort ?? smtp!.port), MAIL_FROM: 'Acme support <support@acme.test>', REPLY_BATCH_SECONDS: '60', ...opts.env },
    overrides: { clock },
  });
  await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  await t.container.db('organisations').update({ name: 'Acme' });
  return supertest(t.app);
}

/**
 * Opens an emailed conversation link as a browser does: the token is traded for a cookie kept
 * for /c only, and the page is at /c, whose URL holds no token.
 */
async function openLink(api: ReturnType<typeof supertest>, path: string) {
  const traded = await api.get(path).expect(303);
  expect(traded.headers.location).toBe('/c');
  const cookie = (traded.headers['set-cookie'] as unknown as string[])[0]!;
  expect(cookie).toMatch(/^baton_link=[^;]+; Max-Age=3600; Path=\/c; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  return api.get('/c').set('Cookie', cookie.split(';')[0]!);
}

/** What a site signs a visitor's email with (the key in Settings › Widget): Baton then trusts the address. */
const vouch = (email: string) => createHmac('sha256', t.container.identityKey).update(email).digest('hex');

const hours = () => t.container.services.availability;
const followups = () => t.container.services.followups;

/** A visitor (in `timeZone`, writing in `language`, with an `email` the site vouched for) who pressed "Talk to the team". */
async function visitorAsksForHuman(api: ReturnType<typeof supertest>, opts: { language?: string; timeZone?: string; email?: string } = {}) {
  const created = await api.post('/api/v1/visitors').send({ language: opts.language ?? 'en' }).expect(201);
  const auth = { Authorization: `Bearer ${created.body.token as string}` };
  if (opts.timeZone || opts.email) await api.patch('/api/v1/visitors/me').set(auth).send({ timeZone: opts.timeZone, email: opts.email, ...(opts.email ? { hash: vouch(opts.email) } : {}) }).expect(200);
  const conv = (await api.post('/api/v1/conversations').set(auth).send({ language: opts.language ?? 'en' }).expect(201)).body as { id: string };
  await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'My parcel never arrived, order 1042. What now?' }).expect(201);
  const handoff = await api.post(`/api/v1/conversations/${conv.id}/handoff`).set(auth).send({}).expect(200);
  return { auth, id: conv.id, notice: (handoff.body as { notice: { text: string } }).notice.text, visitorId: created.body.visitor.id as string };
}

const linkIn = (mail: ParsedMail) => /https?:\/\/\S+\/c\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];

describe('the promise at handoff', () => {
  it('open with a teammate online: someone will join, usually within the configured minutes', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada' });
    await t.container.services.presence.heartbeat(ada, true);
    const { notice, id, auth } = await visitorAsksForHuman(api);
    expect(notice).toBe("I've passed this on to the team. A teammate will join shortly (usually within 5 minutes). You can keep writing meanwhile.");
    // Stored in the thread, with what was promised.
    const stored = await t.container.db('messages').where({ conversation_id: id, author: 'system' }).first();
    expect(stored).toMatchObject({ text: notice, meta: { promise: 'available' } });
    expect((await t.container.db('conversations').where({ id }).first()).handoff).toMatchObject({ promise: 'available' });
    // The chat offers email too, but only once nobody has taken it for the configured minutes.
    const thread = await api.get('/widget/thread?lang=en').set(auth).set('HX-Request', 'true').expect(200);
    const showAt = Number(/data-show-at="(\d+)"/.exec(thread.text)?.[1]);
    expect(showAt - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(showAt - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(thread.text).toContain('Nobody has picked this up yet. Leave your email and we will reply there too.');
    ahead = 5 * 60_000 + 1000;
    const later = await api.get('/widget/thread?lang=en').set(auth).set('HX-Request', 'true').expect(200);
    expect(later.text).not.toContain('data-show-at');
    expect(later.text).toContain('class="followup-offer"');
    // An email left once nobody has taken it is acknowledged; one left before, while a teammate
    // may still join any moment, is kept for the reply but not acknowledged. (Both addresses
    // are ones the site vouched for: a typed one is confirmed first, see below.)
    await api.patch('/api/v1/visitors/me').set(auth).send({ email: 'late@example.org', hash: vouch('late@example.org') }).expect(200);
    expect((await api.post('/api/v1/visitors/me/email').set(auth).send({ email: 'late@example.org' }).expect(200)).body).toMatchObject({ acknowledged: true, confirmation: 'not_needed' });
    ahead = 0;
    const early = await visitorAsksForHuman(api, { email: 'early@example.org' });
    expect((await api.post('/api/v1/visitors/me/email').set(early.auth).send({ email: 'early@example.org' }).expect(200)).body.acknowledged).toBe(false);
  });

  it('"usually within N minutes" is the median of recent first replies, counting only replies the visitor saw', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    // Five handoffs answered 2, 3, 4, 10 and 20 minutes after they happened; one not answered yet.
    const waits = [2, 3, 4, 10, 20];
    for (const [i, minutes] of waits.entries()) {
      const { id } = await visitorAsksForHuman(api);
      await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
      if (minutes === 20) {
        // A private note a minute in is not a reply to the visitor.
        await ada.post(`/inbox/conversations/${id}/messages`, { text: 'checking the courier', kind: 'note', clientId: `n${i}` }).expect(200);
        await t.container.db('messages').where({ conversation_id: id, internal: true }).update({ created_at: new Date(Date.now() - 19 * 60_000) });
      }
      await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Here to help.', kind: 'reply', clientId: `r${i}` }).expect(200);
      await t.container.db('conversation_events').where({ conversation_id: id, type: 'hand_off' }).update({ created_at: new Date(Date.now() - minutes * 60_000) });
    }
    await visitorAsksForHuman(api);
    await t.container.services.presence.heartbeat(ada.user, true);
    const { notice } = await visitorAsksForHuman(api);
    expect(notice).toContain('(usually within 4 minutes)');
  });

  it('open with nobody online: says so, and asks for an email (in the visitor\'s language)', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const { notice } = await visitorAsksForHuman(api);
    expect(notice).toBe("I've passed this on to the team. Nobody is online right now. Leave your email below and we'll reply within 1 business day.");
    const danish = await visitorAsksForHuman(api, { language: 'da' });
    expect(danish.notice).toBe('Jeg har givet det videre til teamet. Der er ingen online lige nu. Skriv din e-mail herunder, så svarer vi inden for 1 hverdag.');
  });

  it('closed for a holiday: says when the team is back, in the visitor\'s own time zone', async () => {
    const api = await start();
    const now = clock.now();
    // Open all day every day, except today and tomorrow (Copenhagen): back at midnight after.
    await hours().saveHours('system', { weekly: ALL_DAY, closures: `${copenhagenDate(now)}..${copenhagenDate(now, 1)} Moving office` });
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada' });
    await t.container.services.presence.heartbeat(ada, true);
    const { notice } = await visitorAsksForHuman(api, { timeZone: 'America/New_York' });
    // Midnight in Copenhagen is 6 pm the evening before in New York, summer and winter alike.
    expect(notice).toMatch(/^I've passed this on to the team\. We're closed right now and back (?:tomorrow at|[A-Z][a-z]+day,) 6:00 PM E[SD]T\. Leave your email below and we'll reply within 1 business day\.$/);
  });

  it('closed with no opening at all: says closed, promises no time', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ['', '', '', '', '', '', ''], closures: '' });
    const { notice } = await visitorAsksForHuman(api, { email: 'vic@example.org' });
    expect(notice).toBe("I've passed this on to the team. We're closed right now. We'll reply to vic@example.org within 1 business day.");
  });
});

describe('email follow-up through the outbox', () => {
  it('nobody online: the visitor leaves an email, confirms it, gets one acknowledgement in their language, and its link opens the thread', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const { auth, id } = await visitorAsksForHuman(api, { language: 'da' });

    const left = await api.post('/api/v1/visitors/me/email').set(auth).send({ email: 'Vic@Example.org' }).expect(200);
    expect(left.body).toMatchObject({ email: 'vic@example.org', verified: false, acknowledged: false, confirmation: 'sent' });
    // Given again (a double click): still one email.
    await api.post('/api/v1/visitors/me/email').set(auth).send({ email: 'vic@example.org' }).expect(200);
    const bad = await api.post('/api/v1/visitors/me/email').set(auth).send({ email: 'not an address' }).expect(422);
    expect(bad.body.error.message).toContain('does not look right');

    // First the confirmation: fixed text, in the visitor's language, nothing they wrote.
    expect(await followups().dispatch()).toMatchObject({ sent: 1 });
    const confirmation = await smtp!.waitFor((m) => m.subject === 'Bekræft din e-mailadresse hos Acme');
    expect(confirmation.text).not.toContain('parcel');
    expect(confirmation.replyTo).toBeUndefined();
    const confirmLink = /https?:\/\/\S+\/email\/confirm\/[A-Za-z0-9_-]+/.exec(confirmation.text ?? '')?.[0];
    expect(confirmLink).toBeTruthy();
    // Opening the link (as a mail scanner does) asks; only the button confirms.
    const traded = await api.get(new URL(confirmLink!).pathname).expect(303);
    expect(traded.headers.location).toBe('/email/confirm');
    const cookie = (traded.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const ask = await api.get('/email/confirm').set('Cookie', cookie).expect(200);
    expect(ask.text).toContain('Skal teamets svar sendes til vic@example.org?');
    expect((await t.container.db('visitors').where({ email: 'vic@example.org' }).first()).email_verified_at).toBeNull();
    expect(await followups().dispatch()).toMatchObject({ sent: 0 });
    const done = await api.post('/email/confirm').set('Cookie', cookie).expect(200);
    expect(done.text).toContain('Bekræftet. Svar fra Acme kommer til vic@example.org.');

    // Then the acknowledgement, which quotes the question.
    expect(await followups().dispatch()).toMatchObject({ sent: 1 });
    expect(await followups().dispatch()).toMatchObject({ sent: 0 });
    const mail = await smtp!.waitFor((m) => m.subject?.startsWith('Vi har modtaget') ?? false);
    expect(smtp!.inbox).toHaveLength(2);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('vic@example.org');
    expect(mail.from?.text).toContain('support@acme.test');
    expect(mail.subject).toBe('Vi har modtaget dit spørgsmål (Acme)');
    expect(mail.text).toContain('My parcel never arrived, order 1042.');
    expect(mail.text).toContain('inden for 1 hverdag');
    expect(mail.html).toContain('lang="da"');

    const visitor = await t.container.db('visitors').where({ email: 'vic@example.org' }).first();
    expect(visitor.email_consent_at).not.toBeNull();

    // The link opens the same conversation, signed in as that visitor.
    const link = linkIn(mail)!;
    const page = await openLink(api, new URL(link).pathname);
    expect(page.status).toBe(200);
    const token = /data-token="([^"]+)"/.exec(page.text)?.[1];
    expect(token).toBeTruthy();
    const thread = await api.get(`/api/v1/conversations/${id}`).set({ Authorization: `Bearer ${token}` }).expect(200);
    expect(thread.body.messages.map((m: { text: string }) => m.text)).toContain('My parcel never arrived, order 1042. What now?');
    void auth;
  });

  it('the acknowledgement quotes the question, not the request for a person after it; comes from the organisation at the public host; says how to answer when replies by email are off', async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) }, overrides: { clock } });
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await t.container.db('organisations').update({ name: 'Acme' });
    const api = supertest(t.app);
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const created = await api.post('/api/v1/visitors').send({ language: 'en' }).expect(201);
    const auth = { Authorization: `Bearer ${created.body.token as string}` };
    await api.patch('/api/v1/visitors/me').set(auth).send({ email: 'vic@example.org', hash: vouch('vic@example.org') }).expect(200);
    const conv = (await api.post('/api/v1/conversations').set(auth).send({ language: 'en' }).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'My invoice 2291 shows the wrong VAT number' }).expect(201);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'can I speak to someone from your team please' }).expect(201);
    await followups().dispatch();
    const mail = await smtp.waitFor((m) => m.subject === 'We got your question (Acme)');
    expect(mail.text).toContain('> My invoice 2291 shows the wrong VAT number');
    expect(mail.text).not.toContain('can I speak to someone');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Acme', address: 'baton@baton.test' });
    expect(mail.text).toContain('Replies to this email are not read: write to us through the link above.');
    const installation = /^<outbox-\d+\.([0-9a-f]{12})@baton\.test>$/.exec(mail.messageId ?? '')?.[1];
    expect(installation).toBeTruthy();
  });

  it('an agent\'s replies to a visitor who left go out as one email after the batch window; one seen in the chat does not', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const { id, visitorId } = await visitorAsksForHuman(api, { email: 'vic@example.org' });
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    // The visitor closed the page a while ago.
    await t.container.db('visitors').where({ id: visitorId }).update({ last_seen_at: new Date(Date.now() - 10 * 60_000) });
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'So sorry about that! Checking with the courier.', kind: 'reply', clientId: 'r1' }).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Found it: it is at the depot, out again tomorrow.', kind: 'reply', clientId: 'r2' }).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Internal: courier ref 88', kind: 'note', clientId: 'n1' }).expect(200);

    // Within the window nothing goes out.
    expect(await followups().releaseReplies()).toEqual({ released: 0, skipped: 0 });
    ahead = 61_000;
    expect(await followups().releaseReplies()).toEqual({ released: 1, skipped: 0 });
    await followups().dispatch();
    const mail = await smtp!.waitFor((m) => m.subject === 'Reply from Ada (Acme)');
    expect(mail.text).toContain('So sorry about that!');
    expect(mail.text).toContain('out again tomorrow');
    expect(mail.text).not.toContain('courier ref 88');
    expect(smtp!.inbox.filter((m) => m.subject === 'Reply from Ada (Acme)')).toHaveLength(1);
    const page = await openLink(api, new URL(linkIn(mail)!).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-token=');

    // The visitor is back in the chat when the next reply comes: no email for it.
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Anything else?', kind: 'reply', clientId: 'r3' }).expect(200);
    await t.container.services.visitors.seen({ id: visitorId } as Visitor);
    ahead = 130_000;
    expect(await followups().releaseReplies()).toEqual({ released: 0, skipped: 1 });
  });

  it('with the mail server down, emails wait and are retried; once it is back each arrives exactly once', async () => {
    const port = await freePort();
    const api = await start({ smtpPort: port });
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) {
      const v = await visitorAsksForHuman(api);
      await api.post('/api/v1/visitors/me/email').set(v.auth).send({ email }).expect(200);
    }
    const first = await followups().dispatch();
    expect(first.sent).toBe(0);
    expect(first.retrying).toBe(3);
    const waiting = await t.container.db('outbox_emails').where({ status: 'pending' }).orderBy('id');
    expect(waiting).toHaveLength(3);
    // Only the first was tried; the others were not sent into a server known to be down.
    expect(waiting.map((e: { attempts: number }) => e.attempts)).toEqual([1, 0, 0]);
    expect(waiting[0].last_error).toMatch(/ECONNREFUSED|connect/i);

    // Before the backoff is over, nothing is tried.
    expect(await followups().dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    ahead = 31_000;
    expect((await followups().dispatch()).retrying).toBe(3);

    smtp = await startSmtp({ port });
    ahead = 10 * 60_000;
    const back = await followups().dispatch();
    expect(back).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(await followups().dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.inbox.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    expect((await t.container.db('outbox_emails').where({ status: 'sent' })).length).toBe(3);
  });

  it('a permanent refusal is not retried; an admin sees it and can retry it', async () => {
    smtp = await startSmtp({ refuse: (a) => a === 'gone@example.org' });
    const api = await start({ smtpPort: smtp.port });
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const v = await visitorAsksForHuman(api);
    await api.post('/api/v1/visitors/me/email').set(v.auth).send({ email: 'gone@example.org' }).expect(200);
    expect(await followups().dispatch()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    ahead = 2 * 86_400_000;
    expect(await followups().dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const admin = await signedInTeammate(t, 'ada@example.com', 'Ada', 'admin');
    const page = await admin.agent.get('/settings/email').expect(200);
    expect(page.text).toContain('gone@example.org');
    expect(page.text).toContain('No such mailbox');
    const row = await t.container.db('outbox_emails').where({ to_address: 'gone@example.org' }).first();
    const token = await csrfFor(admin.agent, '/settings/email');
    await admin.agent.post(`/settings/email/outbox/${row.id}/retry`).type('form').send({ _csrf: token }).expect(303);
    expect((await t.container.db('outbox_emails').where({ id: row.id }).first()).status).toBe('pending');
  });

  it('reminds every teammate once about a conversation waiting past the configured time, during support hours', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    await createUser(t, { email: 'ada@example.com', name: 'Ada' });
    const { id } = await visitorAsksForHuman(api);
    expect(await followups().remindWaiting()).toEqual({ queued: 0 });
    ahead = 16 * 60_000;
    expect(await followups().remindWaiting()).toEqual({ queued: 2 });
    expect(await followups().remindWaiting()).toEqual({ queued: 0 });
    await followups().dispatch();
    const mail = await smtp!.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'ada@example.com');
    expect(mail.subject).toMatch(/^Waiting 1[56] min: a visitor in the Acme inbox$/);
    // Why, in words the team reads (not "person_request").
    expect(mail.text).toContain('(why it came to the team: Asked for a person)');
    expect(mail.text).toContain(`http://baton.test/inbox/conversations/${id}`);
  });

  it('an expired or forged link gets a clear page and no data', async () => {
    const api = await start();
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    const { id } = await visitorAsksForHuman(api);
    const links = t.container.conversationLinks;
    const expired = links.sign(id, new Date(Date.now() - 1000));
    const gone = await openLink(api, `/c/${expired}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('This link has expired');
    expect(gone.text).not.toContain('parcel');
    expect(gone.text).not.toContain('data-token');
    const valid = links.sign(id, new Date(Date.now() + 3_600_000));
    const forged = `${valid.slice(0, 40)}${valid[40] === 'A' ? 'B' : 'A'}${valid.slice(41)}`;
    const bad = await openLink(api, `/c/${forged}`);
    expect(bad.status).toBe(404);
    expect(bad.text).toContain('This link is not valid');
    expect(bad.text).not.toContain('data-token');
    expect((await openLink(api, '/c/nonsense')).status).toBe(404);
    // Without the link at all, /c says where it opens from.
    const bare = await api.get('/c').expect(404);
    expect(bare.text).toContain('This page opens from the link in our email');
  });

  it('a job runs on one replica at a time: a second run while the first holds the lock is skipped', async () => {
    await start();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const job = { name: 'test-job', cron: undefined, run: async () => (await held, 'done') };
    const first = runJob(job, t.container.locker);
    await new Promise((r) => setTimeout(r, 200));
    expect(await runJob(job, t.container.locker)).toBe('skipped: running on another replica');
    release();
    expect(await first).toBe('done');
    // The table holds the jobs the issue names.
    expect(jobs({} as never, { syncSchedule: '0 3 * * *' }).map((j) => j.name)).toEqual([
      'dispatch-outbox',
      'dispatch-integrations',
      'release-reply-batches',
      'remind-waiting-conversations',
      'queue-due-website-syncs',
      'send-weekly-digest',
      'purge-past-retention',
      'purge-expired-sessions-and-tokens',
      'purge-old-integration-deliveries',
      'purge-expired-rate-limits',
    ]);
  });
});

describe('the outbox', () => {
  it('finds an email due in the same millisecond, though the app counts milliseconds and Postgres microseconds', async () => {
    await start();
    const outbox = new OutboxRepo(t.container.db);
    await outbox.enqueue([{ key: 'due', kind: 'test', conversationId: null, to: 'ada@example.com', subject: 'Due', template: 'test', data: {} }]);
    // As the column's default (the database's now()) can leave it: after the app's millisecond.
    await t.container.db('outbox_emails').where({ key: 'due' }).update({ next_attempt_at: '2026-03-02 12:00:00.123456+00' });
    expect(await outbox.claim(new Date('2026-03-02T12:00:00.122Z'), 10, 60_000)).toEqual([]);
    // A dispatcher right after the insert, in the same millisecond, missed about one email in three.
    expect((await outbox.claim(new Date('2026-03-02T12:00:00.123Z'), 10, 60_000)).map((e) => e.key)).toEqual(['due']);
  });

  it('without SMTP: visitors are promised the reply in the chat and asked for no email, and no visitor\'s words reach the log', async () => {
    t = await startTestApp({ overrides: { clock } });
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await createUser(t, { email: 'ada@example.com', name: 'Ada' });
    await t.container.db('organisations').update({ name: 'Acme' });
    const api = supertest(t.app);
    await hours().saveHours('system', { weekly: ALL_DAY, closures: '' });
    // The site told Baton the visitor's address; still nothing can be sent there.
    const { auth, notice } = await visitorAsksForHuman(api, { email: 'vic@example.org' });
    expect(notice).toBe("I've passed this on to the team. Nobody is online right now. We'll reply here within 1 business day: open this chat again to read it.");
    const thread = await api.get('/widget/thread?lang=en').set(auth).set('HX-Request', 'true').expect(200);
    expect(thread.text).not.toContain('followup-');
    const refused = await api.post('/api/v1/visitors/me/email').set(auth).send({ email: 'vic@example.org' }).expect(422);
    expect(refused.body.error.message).toContain('the reply will appear in this chat');

    // Emails to the team (a reminder quoting the visitor) are refused, not logged.
    ahead = 16 * 60_000;
    expect(await followups().remindWaiting()).toEqual({ queued: 2 });
    expect(await followups().dispatch()).toMatchObject({ sent: 0, failed: 2 });
    const rows = await t.container.db('outbox_emails').select('kind', 'status', 'last_error');
    expect(rows).toEqual([
      { kind: 'waiting_reminder', status: 'failed', last_error: 'SMTP is not configured (SMTP_HOST)' },
      { kind: 'waiting_reminder', status: 'failed', last_error: 'SMTP is not configured (SMTP_HOST)' },
    ]);
    const log = JSON.stringify(t.logs);
    expect(log).toContain('an email was not sent');
    expect(log).toContain('a**@example.com');
    expect(log).not.toContain('vic@example.org');
    expect(log).not.toContain('parcel never arrived');

    // The email settings say why, for the queue and for a test email.
    ahead = 0;
    const admin = await signedInTeammate(t, 'eve@example.com', 'Eve', 'admin');
    const page = await admin.agent.get('/settings/email').expect(200);
    expect(page.text).toContain('other emails are not sent');
    expect(page.text).toContain('SMTP is not configured (SMTP_HOST)');
    const test = await admin.post('/settings/email/test', { to: 'eve@example.com' }).expect(200);
    expect(test.text).toContain('Not sent yet: SMTP is not configured (SMTP_HOST). It is not retried');

    // Settings › Hours previews what visitors are told (closed, so no one signed in counts).
    await hours().saveHours('system', { weekly: Array.from({ length: 7 }, () => ''), closures: '' });
    expect((await admin.agent.get('/settings/hours').expect(200)).text).toContain('closed right now. We&#39;ll reply here within 1 business day: open this chat again to read it.');
  });
});

describe('Settings › Hours & promises and › Email', () => {
  it('shows what visitors are told now, saves hours and closures, refuses what it cannot read, and sends a test email', async () => {
    await start();
    const admin = await signedInTeammate(t, 'ada@example.com', 'Ada', 'admin');
    const page = await admin.agent.get('/settings/hours').expect(200);
    expect(page.text).toContain('Europe/Copenhagen');
    expect(page.text).toContain('09:00-17:00');

    const token = await csrfFor(admin.agent, '/settings/hours');
    const form = (extra: Record<string, string>) => ({ _csrf: token, day0: '09:00-12:00, 13:00-17:00', day1: '', day2: '', day3: '', day4: '22:00-02:00', day5: '', day6: '', closures: '', ...extra });
    const refused = await admin.agent.post('/settings/hours/schedule').type('form').send(form({ day1: 'nine to five', closures: '2026-02-30 Nope' })).expect(422);
    expect(refused.text).toContain('&quot;nine to five&quot; is not a time range');
    expect(refused.text).toContain('does not exist');
    expect(refused.text).toContain('nine to five'); // what was typed stays
    await admin.agent.post('/settings/hours/schedule').type('form').send(form({ closures: 'yearly 12-24..12-26 Christmas\n2027-01-01' })).expect(303);
    const saved = await hours().settings();
    expect(saved.weekly[0]).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    expect(saved.weekly[4]).toEqual([{ start: '22:00', end: '02:00' }]);
    expect(saved.closures).toEqual([
      { name: 'Christmas', from: '2000-12-24', to: '2000-12-26', yearly: true },
      { name: '', from: '2027-01-01', to: '2027-01-01', yearly: false },
    ]);

    await admin.agent
      .post('/settings/hours/promises')
      .type('form')
      .send({ _csrf: token, firstResponseMinutes: '3', replyWithinAmount: '4', replyWithinUnit: 'hours', emailOfferAfterMinutes: '2', waitingReminderMinutes: '0', privacyPolicyUrl: 'https://acme.test/privacy' })
      .expect(303);
    expect((await hours().settings()).promises).toEqual({ firstResponseMinutes: 3, replyWithin: { amount: 4, unit: 'hours' }, emailOfferAfterMinutes: 2, waitingReminderMinutes: 0, privacyPolicyUrl: 'https://acme.test/privacy' });
    const badUrl = await admin.agent.post('/settings/hours/promises').type('form').send({ _csrf: token, firstResponseMinutes: '3', replyWithinAmount: '4', replyWithinUnit: 'hours', emailOfferAfterMinutes: '2', waitingReminderMinutes: '0', privacyPolicyUrl: 'javascript:alert(1)' }).expect(422);
    expect(badUrl.text).toContain('starting with https://');

    const email = await admin.agent.get('/settings/email').expect(200);
    expect(email.text).toContain('127.0.0.1');
    const test = await admin.post('/settings/email/test', { to: 'ada@example.com' }).expect(200);
    expect(test.text).toContain('Sent to ada@example.com');
    expect((await smtp!.waitFor((m) => m.subject?.startsWith('Test email from Baton') ?? false)).text).toContain('Acme');

    // Agents cannot change these.
    const agent = await signedInTeammate(t, 'bob@example.com', 'Bob');
    await agent.agent.get('/settings/hours').expect(403);
    await agent.post('/settings/email/test', { to: 'bob@example.com' }).expect(403);
  });

  it('sends the test email in the request that asked, even when another sender takes every due email the moment it is queued', async () => {
    await start();
    const admin = await signedInTeammate(t, 'ada@example.com', 'Ada', 'admin');
    // Another replica's dispatcher, at its worst moment: it claims each due email as it is
    // inserted. The page once said "not sent" when the background dispatcher did this.
    const db = t.container.db;
    await db.raw(`create or replace function test_take_due() returns trigger language plpgsql as $$
      begin
        if new.next_attempt_at <= now() then new.status := 'sending'; new.locked_until := now() + interval '2 minutes'; end if;
        return new;
      end $$`);
    await db.raw('create trigger test_take_due before insert on outbox_emails for each row execute function test_take_due()');
    try {
      const test = await admin.post('/settings/email/test', { to: 'ada@example.com' }).expect(200);
      expect(test.text).toContain('Sent to ada@example.com');
      expect((await smtp!.waitFor((m) => m.subject?.startsWith('Test email from Baton') ?? false)).to).toBeTruthy();
      expect(await db('outbox_emails').where({ kind: 'test' }).select('status')).toEqual([{ status: 'sent' }]);
    } finally {
      await db.raw('drop trigger if exists test_take_due on outbox_emails');
      await db.raw('drop function if exists test_take_due()');
    }
  });
});
