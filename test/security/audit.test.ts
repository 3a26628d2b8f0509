import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/services/audit/types.js';
import { ForbiddenError } from '../../src/services/errors.js';
import type { User } from '../../src/services/team/types.js';
import { createUser, signedInAdmin, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { concrete, routesOf } from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** The admin areas: every state-changing route here is an admin's action. */
const isAdminArea = (path: string) => /^\/(settings|knowledge|team)(\/|$)/.test(path);
/** Tries a message against the triggers and changes nothing. */
const DRY_RUNS = ['/settings/handoff/test'];

const auditCount = async () => Number(((await t.container.db('audit_events').count('* as n')) as { n: string }[])[0]!.n);

/**
 * Before, team and privacy checked roles and audited in their services, knowledge checked the
 * role and audited nothing (adding or deleting a website left no record), and settings relied on
 * the router plus a middleware that logged raw form bodies. Every admin action now passes one
 * place that checks who may take it and writes a readable entry.
 */
describe('admin actions', () => {
  it('are refused to an agent by every route, recording nothing; by an admin, recorded when they succeed and not when they fail', async () => {
    const routes = routesOf(t.app).filter((r) => r.method !== 'get' && isAdminArea(r.path));
    expect(routes.length).toBeGreaterThan(15);
    for (const dry of DRY_RUNS) expect(routes.map((r) => r.path)).toContain(dry);

    const { agent: admin, token } = await signedInAdmin(t, '/settings/organisation');
    const agent = await signedInTeammate(t, 'bob@example.com', 'Bob');
    const refusedWrongly: string[] = [];
    for (const r of routes) {
      const before = await auditCount();
      expect(r.method).toBe('post');
      const res = await agent.post(concrete(r.path), { name: 'Hijack', question: 'Q?', answer: 'A.' });
      if (res.status !== 403 || (await auditCount()) !== before) refusedWrongly.push(`${r.method.toUpperCase()} ${r.path} → ${res.status}`);
    }
    expect(refusedWrongly).toEqual([]);

    const body = { name: 'Acme', timeZone: 'Europe/Copenhagen', conversationDays: '', visitorDataDays: '', emailRecordDays: '', email: 'x@example.com', role: 'agent', question: 'How do I add seats?', answer: 'Settings, then Team.', colour: '#123456', greeting: '', position: 'right', language: 'auto', allowedOrigins: '', _csrf: token };
    const wrong: string[] = [];
    let recorded = 0;
    for (const r of routes) {
      const before = await auditCount();
      const res = await admin[r.method](concrete(r.path)).type('form').send(body);
      const added = (await auditCount()) - before;
      const expected = DRY_RUNS.includes(r.path) || res.status >= 400 ? 0 : 1;
      if ((expected === 0 && added !== 0) || (expected === 1 && added < 1)) wrong.push(`${r.method.toUpperCase()} ${r.path} → ${res.status}, ${added} recorded`);
      recorded += added;
    }
    expect(wrong).toEqual([]);
    // Some did succeed, so "recorded when it succeeds" was tried and not only "nothing when it fails".
    expect(recorded).toBeGreaterThanOrEqual(4);
    const actions = (await t.container.db('audit_events').distinct('action')).map((r: { action: string }) => r.action);
    for (const a of actions) expect(Object.keys(AUDIT_ACTIONS)).toContain(a);
    expect(actions).toEqual(expect.arrayContaining(['settings.changed', 'knowledge.added', 'team.invited']));
  });

  it('are refused by the services themselves, whoever calls them; a deactivated admin may take none', async () => {
    const s = t.container.services;
    const agent = await createUser(t, { email: 'carol@example.com', name: 'Carol' });
    const former = { ...(await createUser(t, { email: 'dan@example.com', name: 'Dan', role: 'admin' })), active: false } as User;
    const attempts: [string, (who: User) => Promise<unknown>][] = [
      ['add a snippet', (who) => s.knowledge.createSnippet(who, { question: 'Q?', answer: 'A.' })],
      ['add a website', (who) => s.knowledge.createWebsite(who, { startUrl: 'https://example.com', saveAnyway: true })],
      ['save hours', (who) => s.availability.saveHours(who, { weekly: [], closures: '' })],
      ['save handoff rules', (who) => s.handoff.saveRules(who, [])],
      ['save the widget', (who) => s.widget.save(who, { allowedOrigins: '', colour: '#000000', greeting: '', position: 'right', language: 'auto' })],
      ['rename the organisation', (who) => s.team.updateOrganisation(who, { name: 'Mine', timeZone: 'UTC' })],
      ['invite', (who) => s.team.invite(who, { email: 'eve@example.com', role: 'admin' })],
      ['promote', (who) => s.team.changeRole(who, agent.id, 'admin')],
      ['change retention', (who) => s.privacy.saveSettings(who, { conversationDays: '1', visitorDataDays: '', emailRecordDays: '', llmHistory: true })],
      ["export a visitor's data", (who) => s.privacy.exportVisitor(who, 'vic@example.org')],
      ['send a test email', (who) => s.followups.sendTest(who, 'x@example.com')],
    ];
    const before = await auditCount();
    for (const [what, attempt] of attempts) {
      for (const who of [agent, former]) await expect(attempt(who), `${who.email}: ${what}`).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await auditCount()).toBe(before);
  });

  it('are recorded readably: the target by name, and what changed rather than the form sent', async () => {
    const admin = await createUser(t, { email: 'fay@example.com', name: 'Fay', role: 'admin' });
    const s = t.container.services;
    await s.widget.save(admin, { allowedOrigins: 'https://shop.example', colour: '#0f766e', greeting: 'Hello', position: 'right', language: 'auto' });
    await s.widget.save(admin, { allowedOrigins: 'https://shop.example', colour: '#b91c1c', greeting: 'Hello', position: 'right', language: 'auto' });
    const widget = await t.container.db('audit_events').where({ action: 'settings.changed', target: 'Widget', actor_id: admin.id }).orderBy('id', 'desc').first();
    expect(widget.details).toEqual({ colour: { from: '#0f766e', to: '#b91c1c' } });
    // Hours, day by day.
    await s.availability.saveHours(admin, { weekly: ['09:00-17:00', '', '', '', '', '', ''], closures: '' });
    await s.availability.saveHours(admin, { weekly: ['08:00-18:00', '', '', '', '', '', ''], closures: '' });
    const hours = await t.container.db('audit_events').where({ action: 'settings.changed', target: 'Support hours', actor_id: admin.id }).orderBy('id', 'desc').first();
    expect(hours.details).toEqual({ Monday: { from: '09:00-17:00', to: '08:00-18:00' } });

    const { source } = await s.knowledge.createWebsite(admin, { startUrl: 'https://docs.example.com/start', saveAnyway: true });
    await s.knowledge.deleteSource(admin, source.id);
    const knowledge = await t.container.db('audit_events').whereIn('action', ['knowledge.added', 'knowledge.deleted']).where({ actor_id: admin.id }).orderBy('id').select('action', 'target', 'details');
    // The team's saved replies are shared: any teammate may change them, and it is recorded.
    const agent = await createUser(t, { email: 'gus@example.com', name: 'Gus' });
    const saved = await s.inbox.saveCannedResponse(agent, { shortcut: 'refund', text: 'Refunds take 5 days.' });
    await s.inbox.deleteCannedResponse(agent, saved.id);
    const replies = await t.container.db('audit_events').whereIn('action', ['saved_reply.saved', 'saved_reply.deleted']).orderBy('id').select('action', 'target', 'actor');
    expect(replies).toEqual([
      { action: 'saved_reply.saved', target: '/refund', actor: 'gus@example.com' },
      { action: 'saved_reply.deleted', target: '/refund', actor: 'gus@example.com' },
    ]);
    expect(knowledge).toEqual([
      { action: 'knowledge.added', target: 'docs.example.com', details: { kind: 'website', startUrl: 'https://docs.example.com/start' } },
      { action: 'knowledge.deleted', target: 'docs.example.com', details: { kind: 'website' } },
    ]);
  });
});
