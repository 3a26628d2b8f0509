import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_ACTIONS_NOT_AUDITED } from '../../src/http/middleware/audit-settings.js';
import { signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { concrete, routesOf } from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the audit log of settings', () => {
  it('records every settings route that succeeds, and nothing that failed or is a named non-change; every name on that list is a real route', async () => {
    const routes = routesOf(t.app).filter((r) => r.method !== 'get' && r.path.startsWith('/settings/'));
    const paths = routes.map((r) => r.path);
    for (const named of SETTINGS_ACTIONS_NOT_AUDITED) expect(paths, named).toContain(named);

    const { agent, token } = await signedInAdmin(t, '/settings/organisation');
    // A body most settings forms accept; the rest answer 422 and must then record nothing.
    const body = { name: 'Acme', timeZone: 'Europe/Copenhagen', conversationDays: '', visitorDataDays: '', emailRecordDays: '', email: 'x@example.com', _csrf: token };
    const wrong: string[] = [];
    let recorded = 0;
    for (const r of routes) {
      const path = concrete(r.path);
      const before = (await t.container.db('audit_events').where({ action: 'settings.changed', target: path }).count('* as n')) as { n: string }[];
      const res = await agent[r.method](path).type('form').send(body);
      const after = (await t.container.db('audit_events').where({ action: 'settings.changed', target: path }).count('* as n')) as { n: string }[];
      const added = Number(after[0]!.n) - Number(before[0]!.n);
      const expected = (SETTINGS_ACTIONS_NOT_AUDITED as readonly string[]).includes(r.path) || res.status >= 400 ? 0 : 1;
      if (added !== expected) wrong.push(`${r.method.toUpperCase()} ${r.path} → ${res.status}, ${added} recorded`);
      recorded += added;
    }
    expect(wrong).toEqual([]);
    // Some did succeed, so "recorded when it succeeds" was tried and not only "nothing when it fails".
    expect(recorded).toBeGreaterThanOrEqual(2);
  });
});
