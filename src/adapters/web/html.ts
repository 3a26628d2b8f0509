import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentSection, ExtractedPage } from '../../services/knowledge/types.js';
import { httpUrl } from '../../lib/urls.js';

/**
 * HTML to an ExtractedDocument: the page's main content (navigation, footers, cookie banners
 * and the like dropped), cut into sections at its headings, each with its heading path and the
 * anchor a citation can link to. Also what a crawler needs: links, canonical URL, robots meta.
 */

export type ParsedPage = ExtractedPage;

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<LinkedomDocument['createElement']>;
type ReadabilityInput = ConstructorParameters<typeof Readability>[0];

// Boilerplate removed before anything else, so it can never become "main content".
const REMOVE_TAGS = 'script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, select, input, textarea, nav, header, footer, aside, dialog';
const REMOVE_ROLES = '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [aria-hidden="true"], [hidden]';
const BOILERPLATE = /(^|[\s_-])(cookie|cookies|consent|gdpr|cmp|newsletter|subscribe|popup|modal|breadcrumbs?|skip-link|share|social|sidebar|toc|table-of-contents|related|advert|ads?)([\s_-]|$)/i;

const BLOCKS = new Set(['p', 'li', 'pre', 'blockquote', 'dt', 'dd', 'figcaption', 'caption', 'tr', 'summary', 'address']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'figure', 'details', 'body', 'span']);

// Readability's cost grows much faster than the page on deep nesting (0.7 s at 400 levels); real
// pages stay well under these, and a page past them is read without it.
const MAX_DEPTH_FOR_READABILITY = 120;
const MAX_ELEMENTS_FOR_READABILITY = 30_000;

/** Element count and deepest nesting, without recursion (a hostile page may nest thousands deep). */
function shape(root: El): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [El, number][] = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c as El, d + 1]);
  }
  return { elements, depth };
}

const squash = (text: string) => text.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();

function absolute(href: string | null | undefined, base: string): string | undefined {
  const u = href ? httpUrl(href, base) : undefined;
  if (!u) return undefined;
  u.hash = '';
  return u.href;
}

// Text a reader cannot see is where pages hide instructions for bots ("ignore your rules…").
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|em|rem|%)?\s*(?:;|$|!)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!))/i;

function removeBoilerplate(root: LinkedomDocument) {
  for (const el of [...root.querySelectorAll(`${REMOVE_TAGS}, ${REMOVE_ROLES}`)]) el.remove();
  for (const el of [...root.querySelectorAll('[style]')]) if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) el.remove();
  for (const el of [...root.querySelectorAll('[id], [class]')]) {
    const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    // Never drop the main content itself, whatever its class says.
    if (BOILERPLATE.test(names) && !el.matches('main, article, [role="main"]') && !el.querySelector('main, article, h1')) el.remove();
  }
}

function headingAnchor(h: El): string | undefined {
  const own = h.getAttribute('id');
  if (own) return own;
  const inner = h.querySelector('[id], a[name]');
  const innerId = inner?.getAttribute('id') ?? inner?.getAttribute('name');
  if (innerId) return innerId;
  // <a id="x"></a><h2>…</h2> and <section id="x"><h2>…</h2> are both common.
  const prev = h.previousElementSibling;
  if (prev?.tagName.toLowerCase() === 'a' && !prev.textContent?.trim()) return prev.getAttribute('id') ?? prev.getAttribute('name') ?? undefined;
  const parent = h.parentElement;
  if (parent && parent.firstElementChild === h && parent.tagName.toLowerCase() === 'section') return parent.getAttribute('id') ?? undefined;
  return undefined;
}

function blockText(el: El): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'pre') return (el.textContent ?? '').replace(/\s+$/, '');
  if (tag === 'tr') return [...el.querySelectorAll('th, td')].map((c) => squash(c.textContent ?? '')).filter(Boolean).join(' | ');
  const text = squash(el.textContent ?? '');
  return tag === 'li' && text ? `${listMark(el)} ${text}` : text;
}

// Each ordered list's items numbered once (a page with a huge list costs one pass, not one per item).
const numbering = new WeakMap<El, Map<El, number>>();

/** "3." for the third step of an ordered list (from its start attribute), "-" otherwise. */
function listMark(li: El): string {
  const list = li.parentElement;
  if (!list || list.tagName.toLowerCase() !== 'ol') return '-';
  let numbers = numbering.get(list);
  if (!numbers) {
    numbers = new Map();
    const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
    let n = Number.isFinite(start) ? start : 1;
    for (const child of [...list.children]) if (child.tagName.toLowerCase() === 'li') numbers.set(child as El, n++);
    numbering.set(list, numbers);
  }
  return `${numbers.get(li) ?? 1}.`;
}

function hasBlockInside(el: El): boolean {
  return !!el.querySelector('p, li, pre, blockquote, table, ul, ol, dl, h1, h2, h3, h4, h5, h6, div, section');
}

/** Walks content in document order, starting a new section at every heading. */
function sectionsOf(root: El): DocumentSection[] {
  const sections: DocumentSection[] = [];
  const path: { level: number; text: string }[] = [];
  let current: { headingPath: string[]; anchor?: string; parts: string[] } = { headingPath: [], parts: [] };
  const flush = () => {
    const text = current.parts.join('\n\n').trim();
    if (text) sections.push({ headingPath: current.headingPath, ...(current.anchor ? { anchor: current.anchor } : {}), text });
  };
  const visit = (node: El) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) {
        const text = squash(child.textContent ?? '');
        if (text) current.parts.push(text);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as El;
      const tag = el.tagName.toLowerCase();
      const level = /^h([1-6])$/.exec(tag)?.[1];
      if (level) {
        flush();
        const text = squash(el.textContent ?? '');
        while (path.length && path[path.length - 1]!.level >= Number(level)) path.pop();
        if (text) path.push({ level: Number(level), text });
        current = { headingPath: path.map((p) => p.text), anchor: headingAnchor(el), parts: [] };
        continue;
      }
      if (BLOCKS.has(tag) && !(tag !== 'tr' && hasBlockInside(el))) {
        const text = blockText(el);
        if (text) current.parts.push(text);
        continue;
      }
      if (CONTAINERS.has(tag) || hasBlockInside(el)) visit(el);
      else {
        const text = squash(el.textContent ?? '');
        if (text) current.parts.push(text);
      }
    }
  };
  visit(root);
  flush();
  return sections;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Last resort for a page too deeply nested for any DOM walk (the stack runs out, in linkedom or
 * here): strip the markup without recursion and keep the text as one section.
 */
function plainText(html: string, url: string): ParsedPage {
  const text = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10) || 32) : (ENTITIES[e.toLowerCase()] ?? m),
    );
  const body = squash(text);
  return { document: { url, title: url, sections: body ? [{ headingPath: [], text: body }] : [] }, links: [], canonicalUrl: undefined, noindex: false, nofollow: false };
}

/**
 * Sections of HTML that is already just content (a converted Word or Markdown file): no
 * boilerplate to strip, so no Readability; the first heading is offered as the title.
 */
export function htmlContentSections(html: string): { title: string | undefined; sections: DocumentSection[] } {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  for (const br of [...document.querySelectorAll('br')]) br.replaceWith(document.createTextNode('\n'));
  const first = document.querySelector('h1, h2, h3');
  const title = first ? squash(first.textContent ?? '') || undefined : undefined;
  const sections = sectionsOf(document.body as unknown as El).map((s) => (title && s.headingPath[0] === title ? { ...s, headingPath: s.headingPath.slice(1) } : s));
  return { title, sections };
}

export function parseHtmlPage(html: string, url: string): ParsedPage {
  try {
    return parseDom(html, url);
  } catch (e) {
    if (e instanceof RangeError) return plainText(html, url);
    throw e;
  }
}

function parseDom(html: string, url: string): ParsedPage {
  // linkedom builds no <body> for a bare fragment, so give it a document to live in.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const base = absolute(document.querySelector('base[href]')?.getAttribute('href'), url) ?? url;

  const links = [...new Set([...document.querySelectorAll('a[href]')].map((a) => absolute(a.getAttribute('href'), base)).filter((l): l is string => !!l))];
  const canonicalUrl = absolute(document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href'), base);
  const robots = (document.querySelector('meta[name="robots" i]')?.getAttribute('content') ?? '').toLowerCase();
  const lang = (document.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase().split(/[-_]/)[0] || undefined;
  const h1 = squash(document.querySelector('h1')?.textContent ?? '');
  const titleTag = squash(document.querySelector('title')?.textContent ?? '');

  for (const br of [...document.querySelectorAll('br')]) br.replaceWith(document.createTextNode('\n'));
  removeBoilerplate(document);

  // Readability finds the main content on messy pages; on small or unusual ones it may find
  // nothing, and then the cleaned <main>, <article> or <body> stands in.
  const size = shape(document.documentElement as unknown as El);
  const sane = size.depth <= MAX_DEPTH_FOR_READABILITY && size.elements <= MAX_ELEMENTS_FOR_READABILITY;
  const article = sane ? new Readability(document.cloneNode(true) as unknown as ReadabilityInput, { keepClasses: false, charThreshold: 200 }).parse() : null;
  let content: El | null = null;
  if (article?.content && (article.textContent ?? '').trim().length >= 200) {
    content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as El;
  }
  content ??= (document.querySelector('main, [role="main"], article') ?? document.body) as unknown as El | null;

  const title = h1 || article?.title?.trim() || titleTag || url;
  // The title already names the page; a heading path starting with it again says nothing more.
  // (Readability lifts the <h1> out, the fallback keeps it: this makes both read the same.)
  const sections = (content ? sectionsOf(content) : []).map((s) => (s.headingPath[0] === title ? { ...s, headingPath: s.headingPath.slice(1) } : s));
  return {
    // The URL as fetched: whether a canonical URL elsewhere wins is the crawler's call.
    document: { url, title, ...(lang ? { language: lang } : {}), sections },
    links,
    canonicalUrl,
    noindex: /\bnoindex\b|\bnone\b/.test(robots),
    nofollow: /\bnofollow\b|\bnone\b/.test(robots),
  };
}
