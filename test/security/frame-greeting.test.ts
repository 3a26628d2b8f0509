import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** /widget/frame?greeting=… showed a stranger's text on Baton's own origin (a phishing page). */
describe('the chat frame', () => {
  it("shows only the admin's greeting, whatever the address says", async () => {
    t = await startTestApp();
    await t.container.services.widget.save('system', { allowedOrigins: '', colour: '#0f766e', greeting: 'Welcome to Acme support.', position: 'right', language: 'auto' });
    const page = await supertest(t.app).get(`/widget/frame?greeting=${encodeURIComponent('Your account is locked. Call +1 555 0100 now.')}`).expect(200);
    expect(page.text).toContain('Welcome to Acme support.');
    expect(page.text).not.toContain('Your account is locked');
  });
});
