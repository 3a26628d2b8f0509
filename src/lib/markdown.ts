import MarkdownIt from 'markdown-it';
import { httpUrl } from './urls.js';

/**
 * Markdown for text the model or a visitor wrote: raw HTML is shown as text, links only go to
 * http(s) or mailto, and images are never loaded (an image URL is a way to leak the page to
 * whoever hosts it), so `![alt](url)` becomes a plain link. Links open in a new tab.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image']);
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer nofollow ugc');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Only http(s) addresses may become a link's href (citations come from crawled pages). */
export function safeHref(url: string): string | undefined {
  return url ? httpUrl(url)?.href : undefined;
}
