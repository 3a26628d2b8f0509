import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../../src/adapters/web/html.js';

const article = fs.readFileSync('test/fixtures/html/help-article.html', 'utf8');

describe('parseHtmlPage', () => {
  const page = parseHtmlPage(article, 'https://help.acme.test/help/refunds?utm_source=x');
  const text = page.document.sections.map((s) => s.text).join('\n');

  it('keeps the main content, cut at its headings, with heading paths and anchors', () => {
    expect(page.document.title).toBe('Refunds');
    expect(page.document.language).toBe('en');
    // The title is "Refunds" (the <h1>), so paths start below it.
    expect(page.document.sections.map((s) => [s.headingPath.join(' › '), s.anchor ?? null])).toEqual([
      ['', null],
      ['How to ask for a refund', 'how-to-ask'],
      ['How to ask for a refund › Card refunds', 'card'],
      ['How to ask for a refund › Bank transfers', null],
      ['Exceptions', 'exceptions'],
    ]);
    const how = page.document.sections.find((s) => s.anchor === 'how-to-ask')!;
    expect(how.text).toBe(
      'Write to support from the email address on your account, and include your invoice number so we can find the charge quickly.\nWe answer within one working day.\n\n- Your invoice number (it starts with INV-)\n\n- The reason for the refund',
    );
  });

  it('numbers the steps of an ordered list, from its start, and marks other list items', () => {
    const steps = parseHtmlPage('<main><h1>Cancel</h1><p>Do this:</p><ol start="3"><li>Open Settings</li><li>Press <b>Cancel</b></li></ol><ul><li>Note</li></ul></main>', 'https://x.test/c');
    expect(steps.document.sections[0]!.text).toBe('Do this:\n\n3. Open Settings\n\n4. Press Cancel\n\n- Note');
  });

  it('keeps tables as rows and code as written', () => {
    expect(text).toContain('Denmark | 1 day');
    expect(text).toContain('refund_policy:\n  window_days: 30');
  });

  it('drops navigation, header, footer, cookie banner, breadcrumbs, related links, popups and scripts', () => {
    for (const junk of ['We use cookies', 'Accept all', 'Skip to content', '© 2026', 'Related articles', 'newsletter', 'tracking', 'color: red', 'Billing Account']) {
      expect(text).not.toContain(junk);
    }
    expect(text).toContain('You can ask for a refund within 30 days');
  });

  it('returns every http(s) link, resolved against <base>, without fragments, for the crawler', () => {
    expect(page.links).toEqual(expect.arrayContaining(['https://help.acme.test/', 'https://help.acme.test/help/billing', 'https://help.acme.test/help/account', 'https://help.acme.test/terms', 'https://help.acme.test/help/billing/invoices', 'https://help.acme.test/privacy']));
    expect(page.links.some((l) => l.startsWith('mailto:') || l.startsWith('javascript:'))).toBe(false);
    expect(page.canonicalUrl).toBe('https://help.acme.test/help/refunds');
    expect(page.document.url).toBe('https://help.acme.test/help/refunds?utm_source=x');
    expect(page).toMatchObject({ noindex: false, nofollow: false });
  });

  it('reads robots meta', () => {
    const p = parseHtmlPage('<html><head><meta name="robots" content="noindex, nofollow"></head><body><p>x</p></body></html>', 'https://x.test/');
    expect(p).toMatchObject({ noindex: true, nofollow: true });
  });

  it('handles a short page without <main> or headings', () => {
    const p = parseHtmlPage('<html><head><title>Contact</title></head><body><nav>Menu</nav><p>Call us on 12 34 56 78.</p></body></html>', 'https://x.test/contact');
    expect(p.document.title).toBe('Contact');
    expect(p.document.sections).toEqual([{ headingPath: [], text: 'Call us on 12 34 56 78.' }]);
  });

  it('reads a page nested too deep for any DOM walk as plain text', () => {
    const p = parseHtmlPage('<p>intro &amp; more</p><script>alert(1)</script>' + '<div>'.repeat(20_000) + 'deep' + '</div>'.repeat(20_000), 'https://x.test/deep');
    expect(p.document.sections).toEqual([{ headingPath: [], text: 'intro & more deep' }]);
  });

  it('survives hostile or broken markup', () => {
    const p = parseHtmlPage('<p>unclosed <b>bold <i>mixed</b> tags<script>alert(1)</script><img src=x onerror=alert(2)>' + '<div>'.repeat(2000) + 'deep' + '</div>'.repeat(2000), 'https://x.test/');
    const all = p.document.sections.map((s) => s.text).join(' ');
    expect(all).toContain('unclosed bold mixed tags');
    expect(all).toContain('deep');
    expect(all).not.toContain('alert');
  });
});
