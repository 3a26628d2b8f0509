import { afterEach, describe, expect, it } from 'vitest';
import { csrfFor, sessionCookie, signedInAdmin, signedInTeammate, signIn, startTestApp, type TestApp } from '../support/app.js';
import { listen } from '../support/browser.js';
import { openSse, type SseStream } from '../support/sse.js';

let t: TestApp | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await t?.close();
  t = undefined;
});

/**
 * A live inbox stream was checked once, when it opened: an agent signed out, deactivated or
 * whose password changed kept receiving visitors' messages on it. Ending a user's sessions ends
 * the streams opened with them, at once (through the event bus, so on every replica).
 */
describe('ending sessions', () => {
  async function streamFor(url: string, cookie: string): Promise<SseStream> {
    const s = await openSse(`${url}/inbox/stream`, { cookie });
    closers.push(() => s.close());
    await s.next((e) => e.event === 'ready');
    return s;
  }
  const endsSoon = (s: SseStream) => Promise.race([s.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 3000))]);

  it('ends the live streams opened with them: deactivation, a password change elsewhere, signing out', async () => {
    t = await startTestApp();
    const server = await listen(t.app);
    closers.push(() => server.close());
    const { agent: admin } = await signedInAdmin(t, '/team');
    const bea = await signedInTeammate(t, 'bea@example.com', 'Bea');
    const cy = await signedInTeammate(t, 'cy@example.com', 'Cy');

    // Signing out ends that session's stream, not Cy's other browser's.
    const otherBrowser = t.agent();
    const second = sessionCookie(await signIn(otherBrowser, 'cy@example.com'))!;
    const cyFirst = await streamFor(server.url, cy.cookie);
    const cySecond = await streamFor(server.url, second);
    await cy.agent.post('/logout').type('form').send({ _csrf: await csrfFor(cy.agent, '/inbox') });
    expect(await endsSoon(cyFirst)).toBe('ended');
    expect(await endsSoon(cySecond)).toBe('still open');

    // A password change ends every other session's stream, and keeps the one that asked.
    const beaOther = t.agent();
    const beaOtherCookie = sessionCookie(await signIn(beaOther, 'bea@example.com'))!;
    const beaHere = await streamFor(server.url, bea.cookie);
    const beaThere = await streamFor(server.url, beaOtherCookie);
    await beaOther.post('/account/password').type('form').send({ current: 'a long enough password', next: 'a different long password', _csrf: await csrfFor(beaOther, '/account') });
    expect(await endsSoon(beaHere)).toBe('ended');
    expect(await endsSoon(beaThere)).toBe('still open');

    // Deactivation ends all of them.
    const beaAgain = await streamFor(server.url, beaOtherCookie);
    const beaUser = await t.container.db('users').where({ email: 'bea@example.com' }).first();
    const deactivated = await admin.post(`/team/users/${beaUser.id}/deactivate`).set('HX-Request', 'true').set('X-CSRF-Token', await csrfFor(admin, '/team'));
    expect(deactivated.status).toBeLessThan(400);
    expect(await endsSoon(beaAgain)).toBe('ended');
    expect(await endsSoon(cySecond)).toBe('still open');
  });
});
