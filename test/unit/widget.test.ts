import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from '../../src/lib/markdown.js';
import { partialStringField } from '../../src/services/assistant/partial-json.js';
import { unsureHandoff } from '../../src/services/conversations/reply.js';
import { VisitorTokens } from '../../src/services/conversations/visitor-tokens.js';
import { pickLanguage } from '../../src/http/widget/strings.js';
import { loaderScript } from '../../src/http/widget/loader.js';
import { originOf } from '../../src/services/widget/widget-service.js';

describe('partialStringField: the answer text of a JSON reply still being written', () => {
  const full = JSON.stringify({ answer: 'Line one\nsays "hi" \\ ok é 👋 done', sources: [1] });

  it('only grows as more arrives, and ends as the whole decoded string', () => {
    let last = '';
    for (let i = 0; i <= full.length; i++) {
      const now = partialStringField(full.slice(0, i), 'answer') ?? '';
      expect(now.startsWith(last)).toBe(true);
      last = now;
    }
    expect(last).toBe('Line one\nsays "hi" \\ ok é 👋 done');
  });

  it('handles escaped surrogate pairs without emitting half an emoji', () => {
    const escaped = '{"answer": "wave \\ud83d\\udc4b!"}';
    expect(partialStringField(escaped.slice(0, escaped.indexOf('\\udc4b') + 3), 'answer')).toBe('wave ');
    expect(partialStringField(escaped, 'answer')).toBe('wave 👋!');
  });

  it('is undefined before the field starts, and finds it after other fields', () => {
    expect(partialStringField('{"sources": [1], "ans', 'answer')).toBeUndefined();
    expect(partialStringField('{"sources": [1], "answer": "Yes', 'answer')).toBe('Yes');
  });
});

describe('renderMarkdown for model and visitor text', () => {
  it('shows raw HTML as text and refuses script links', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi)');
    expect(html).not.toMatch(/<img|href="javascript|href="data/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('never loads images, and opens http links in a new tab', () => {
    const html = renderMarkdown('![chart](https://tracker.example/pixel.png) see https://help.example/a');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://tracker.example/pixel.png" target="_blank" rel="noopener noreferrer nofollow ugc">chart</a>');
    expect(html).toContain('<a href="https://help.example/a" target="_blank"');
  });

  it('keeps formatting', () => {
    expect(renderMarkdown('**bold** and *it*\n- one\n- two')).toBe('<p><strong>bold</strong> and <em>it</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  });

  it('safeHref lets only http(s) through', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});

describe('visitor tokens', () => {
  const tokens = new VisitorTokens('a secret of enough length for tests');
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('verify what they signed and nothing else', () => {
    const token = tokens.sign(id);
    expect(tokens.verify(token)).toBe(id);
    const [body, mac] = token.split('.');
    const otherId = tokens.sign('1f8fad5b-d9cb-469f-a165-70867728950e').split('.')[0];
    expect(tokens.verify(`${otherId}.${mac}`)).toBeUndefined();
    expect(tokens.verify(`${body}.${mac!.slice(0, -2)}AA`)).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
    expect(new VisitorTokens('another secret entirely, also long').verify(token)).toBeUndefined();
  });

  it('refuse every other spelling of the last character, including ones that decode to the same bytes', () => {
    // The MAC's last base64url character carries two unused bits, the id's four: four and
    // sixteen spellings decode alike. Only the one Baton wrote is accepted, whatever the id.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const visitor of [id, '00000000-0000-4000-8000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff']) {
      const token = tokens.sign(visitor);
      const [body, mac] = token.split('.') as [string, string];
      for (const ch of alphabet) {
        if (ch !== mac.at(-1)) expect(tokens.verify(`${body}.${mac.slice(0, -1)}${ch}`)).toBeUndefined();
        if (ch !== body.at(-1)) expect(tokens.verify(`${body.slice(0, -1)}${ch}.${mac}`)).toBeUndefined();
      }
    }
  });
});

describe('the widget language', () => {
  it("takes the site's choice, else the browser's first supported language, else English", () => {
    expect(pickLanguage('de', ['fr'])).toBe('de');
    expect(pickLanguage(undefined, ['ja', 'da-DK', 'en'])).toBe('da');
    expect(pickLanguage('xx', ['ES'])).toBe('es');
    expect(pickLanguage(undefined, ['*'])).toBe('en');
  });
});

describe('the unsure trigger', () => {
  const reply: Parameters<typeof unsureHandoff>[0] = { handoffWish: null };
  it('hands off when the model asks for a person; an answer that is merely unsure offers the team instead', () => {
    expect(unsureHandoff(reply)).toBeNull();
    expect(unsureHandoff({ ...reply, confidence: 'low', citations: [], mode: 'extractive' } as typeof reply)).toBeNull();
    expect(unsureHandoff({ ...reply, handoffWish: { reason: 'wants a refund' } })).toEqual({ reason: 'unsure', evidence: 'the assistant asked for a person: wants a refund' });
  });
  it("hands off as a person request when the model classifies the message as one", () => {
    expect(unsureHandoff({ ...reply, personRequest: true })).toEqual({ reason: 'person_request', evidence: 'the model classified the message as a request to talk to a person' });
    expect(unsureHandoff({ ...reply, personRequest: false })).toBeNull();
  });
});

describe('the loader script', () => {
  it('carries the admin defaults as data, escaped', () => {
    const js = loaderScript({ colour: '#123456', position: 'left', language: '</script>', allowedOrigins: ['https://shop.example'] });
    expect(js).toContain('var defaults = {"colour":"#123456","position":"left","language":"\\u003c/script>","allowed":["https://shop.example"],"labels":{"en":["Open chat","Close chat"],"da":["Åbn chat","Luk chat"],');
    expect(js).not.toContain('/*SETTINGS*/');
  });

  it('originOf keeps scheme, host and port only', () => {
    expect(originOf('https://Shop.Example:8443/help?x=1')).toBe('https://shop.example:8443');
    expect(originOf('ftp://shop.example')).toBeUndefined();
    expect(originOf('shop.example')).toBeUndefined();
  });
});

describe('typing notices', () => {
  it('pass on at most one per visitor a second', async () => {
    const { typingAllowed } = await import('../../src/http/widget/visitor.js');
    expect(typingAllowed('v-typing', 10_000)).toBe(true);
    expect(typingAllowed('v-typing', 10_500)).toBe(false);
    expect(typingAllowed('other-visitor', 10_500)).toBe(true);
    expect(typingAllowed('v-typing', 11_000)).toBe(true);
  });
});

describe('breakableAddress', () => {
  it('escapes the address and lets it break at "@" and dots only', async () => {
    const { breakableAddress } = await import('../../src/lib/format.js');
    expect(breakableAddress('jane.doe@mail.example.com')).toBe('jane<wbr>.doe<wbr>@mail<wbr>.example<wbr>.com');
    expect(breakableAddress('<b>@x')).toBe('&lt;b&gt;<wbr>@x');
  });
});
