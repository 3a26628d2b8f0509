import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { hasForeignLink, linksIn, renderMarkdown } from '../../src/lib/markdown.js';
import { dropForeignLinks } from '../../src/services/assistant/assistant-service.js';
import { createUser, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const allowed = new Set(['help.acme.test']);
// Markdown spellings of a link to another host that the renderer accepts.
const PAYLOADS = [
  '[log in](https://evil.example/login)',
  '[log in](http&#58;//evil.example/login)',
  '[log in]( https://evil.example/login "Sign in" )',
  '[log in](<https://evil.example/log in>)',
  '<https://evil.example/login>',
  '[log in][1]\n\n[1]: https://evil.example/login',
  '[log in][]\n\n[log in]: <https://evil.example/login>',
  '[log in](https://help.acme.test@evil.example/login)',
  '[log in](HTTPS://EVIL.EXAMPLE/login)',
  '[**log** in](https://evil.example/login)',
  '[log in](https://evil.example/login\\)',
  '[log in](https://evil.example/(a)(b))',
  "[log in](https://evil.example/login 'Sign in')",
  '[log in](https://evil.example/login (Sign in))',
  '[log in] (https://evil.example/login)',
  'see <HTTPS://evil.example/login>',
  '[a [b] c](https://evil.example/login)',
];

describe('links to other hosts in AI replies', () => {
  it.each(PAYLOADS)('are unlinked in the text and by the renderer: %s', (payload) => {
    const text = `Sure. ${payload} and [refunds](https://help.acme.test/refunds).`;
    // The renderer sees a foreign link in the raw payload (else this case tests nothing).
    expect(hasForeignLink(text, allowed)).toBe(true);
    const cleaned = dropForeignLinks(text, allowed);
    expect(linksIn(cleaned).filter((href) => !href.startsWith('https://help.acme.test/'))).toEqual([]);
    expect(linksIn(cleaned)).toContain('https://help.acme.test/refunds');
    const html = renderMarkdown(text, allowed);
    expect(html).not.toMatch(/href="[^"]*evil/i);
    expect(html).toContain('href="https://help.acme.test/refunds"');
  });

  it('are not made from addresses without a scheme', () => {
    for (const text of ['go to www.evil.example/login now', 'go to evil.example/login now']) {
      expect(linksIn(text)).toEqual([]);
      expect(renderMarkdown(text)).not.toContain('href');
    }
  });

  it('are unlinked in excerpts quoted from snippets, through the API and in the chat frame', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await t.container.services.knowledge.createSnippet('system', { question: 'Where do I log in?', answer: 'Log in at [our portal](http&#58;//evil.example/login) or www.evil.example/login.' });
    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    const sent = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Where do I log in?' }).expect(201);
    expect(sent.body.reply.mode).toBe('extractive');
    expect(hasForeignLink(sent.body.reply.text as string, new Set())).toBe(false);
    const thread = await api.get('/widget/thread').set(auth);
    expect(thread.status).toBe(200);
    expect(thread.text).toContain('Log in at');
    expect(thread.text).not.toMatch(/href="[^"]*evil/i);
  });
});
