import MarkdownIt from 'markdown-it';
import { httpUrl } from './urls.js';

/**
 * Markdown for text the model or a visitor wrote: raw HTML is shown as text, links only go to
 * http(s) or mailto, and images are never loaded (an image URL is a way to leak the page to
 * whoever hosts it), so `![alt](url)` becomes a plain link. Links open in a new tab.
 *
 * Links to other hosts are judged on what this parser reads as a link (every form it accepts:
 * inline, reference, autolink, bare URL, `www.` and entity-escaped addresses), never on a
 * regular expression's idea of Markdown, so no spelling slips past.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image']);
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());

interface Env {
  /** Hosts links may go to; absent: any http(s) host. */
  allowedHosts?: ReadonlySet<string>;
  /** Inside a link whose markup is being left out (links cannot nest). */
  dropping?: boolean;
}

/** Whether a link's address is allowed: mailto, or an http(s) host in the set (or no set). */
function allowedHref(href: string, allowed: ReadonlySet<string> | undefined): boolean {
  if (!allowed || /^mailto:/i.test(href.trim())) return true;
  const host = httpUrl(href)?.host.toLowerCase();
  return !!host && allowed.has(host);
}

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
const defaultLinkClose = md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, rawEnv, self) => {
  const env = (rawEnv ?? {}) as Env;
  const token = tokens[idx]!;
  // A link to another host keeps its text and loses the link.
  if (!allowedHref(String(token.attrGet('href') ?? ''), env.allowedHosts)) {
    env.dropping = true;
    return '';
  }
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer nofollow ugc');
  return defaultLinkOpen(tokens, idx, options, rawEnv, self);
};
md.renderer.rules.link_close = (tokens, idx, options, rawEnv, self) => {
  const env = (rawEnv ?? {}) as Env;
  if (env.dropping) {
    env.dropping = false;
    return '';
  }
  return defaultLinkClose(tokens, idx, options, rawEnv, self);
};

/** HTML for `text`; with `allowedHosts`, links to any other host are shown as plain text. */
export function renderMarkdown(text: string, allowedHosts?: ReadonlySet<string>): string {
  const env: Env = { allowedHosts };
  return md.render(text, env as Record<string, unknown>);
}

/** Every link's address in `text`, as the renderer reads them. */
export function linksIn(text: string): string[] {
  const hrefs: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type === 'link_open') hrefs.push(String(t.attrGet('href') ?? ''));
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(text, {}));
  return hrefs;
}

/** Whether `text` links anywhere but mailto and `allowed` hosts, as the renderer reads it. */
export function hasForeignLink(text: string, allowed: ReadonlySet<string>): boolean {
  return linksIn(text).some((href) => !allowedHref(href, allowed));
}

/**
 * `text` with no link the renderer would make, for text that must stay Markdown (the API's
 * replies) after a link to another host got past a simpler filter: the characters that make
 * links (brackets, angle brackets, entities) are escaped and bare addresses to other hosts
 * become "(link removed)".
 */
export function unlinkForeign(text: string, allowed: ReadonlySet<string>): string {
  const escaped = text.replace(/[[\]<>&\\]/g, '\\$&');
  const matches = md.linkify.match(escaped) ?? [];
  let out = '';
  let at = 0;
  for (const m of matches) {
    if (allowedHref(String(m.url), allowed)) continue;
    out += `${escaped.slice(at, m.index)}(link removed)`;
    at = m.lastIndex;
  }
  return out + escaped.slice(at);
}

/** Only http(s) addresses may become a link's href (citations come from crawled pages). */
export function safeHref(url: string): string | undefined {
  return url ? httpUrl(url)?.href : undefined;
}
