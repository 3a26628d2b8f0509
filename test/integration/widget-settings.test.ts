import { afterEach, describe, expect, it } from 'vitest';
import { createUser, signIn, signedInAdmin, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('widget settings in admin', () => {
  it('shows the snippet to copy and warns while no site is allowed', async () => {
    t = await startTestApp();
    const { agent } = await signedInAdmin(t, '/settings/widget');
    const page = await agent.get('/settings/widget').expect(200);
    expect(page.text).toContain('&lt;script src=&quot;http://baton.test/widget.js&quot; async&gt;&lt;/script&gt;');
    expect(page.text).toContain('No site is allowed yet');
  });

  it('saves valid settings, normalising the sites to their origins', async () => {
    t = await startTestApp();
    const { agent, token } = await signedInAdmin(t, '/settings/widget');
    const res = await agent
      .post('/settings/widget')
      .type('form')
      .send({ _csrf: token, allowedOrigins: 'https://www.shop.example/help\nhttps://www.shop.example\nhttp://localhost:8080', colour: '#0F766E', greeting: 'Hej! Hvad kan vi hjælpe med?', position: 'left', language: 'da' });
    expect(res.status).toBe(303);
    expect(await t.container.services.widget.settings()).toEqual({
      allowedOrigins: ['https://www.shop.example', 'http://localhost:8080'],
      colour: '#0f766e',
      greeting: 'Hej! Hvad kan vi hjælpe med?',
      position: 'left',
      language: 'da',
    });
    const page = await agent.get('/settings/widget');
    expect(page.text).not.toContain('No site is allowed yet');
    expect(page.text).toContain('Widget settings saved.');
  });

  it('refuses what is not a site address or a colour, keeping what was typed', async () => {
    t = await startTestApp();
    const { agent, token } = await signedInAdmin(t, '/settings/widget');
    const res = await agent
      .post('/settings/widget')
      .type('form')
      .send({ _csrf: token, allowedOrigins: 'javascript:alert(1)', colour: 'red', greeting: '<b>hi</b>', position: 'middle', language: 'xx' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('&quot;javascript:alert(1)&quot; is not a site address');
    expect(res.text).toContain('Pick a colour, written as #rrggbb.');
    expect(res.text).toContain('value="&lt;b&gt;hi&lt;/b&gt;"');
    expect(await t.container.db('widget_settings').count('* as n').first()).toEqual({ n: 0 });
  });

  it('is for admins only', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    await createUser(t, { email: 'bob@example.com', role: 'agent' });
    const agent = t.agent();
    await signIn(agent, 'bob@example.com');
    expect((await agent.get('/settings/widget')).status).toBe(403);
    expect((await agent.get('/settings/widget/preview')).status).toBe(403);
  });
});
