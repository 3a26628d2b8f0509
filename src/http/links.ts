import { renderMarkdown } from '../lib/markdown.js';
import { httpUrl } from '../lib/urls.js';
import type { Message } from '../services/conversations/types.js';

/**
 * Markdown of a message as Baton shows it. What the AI wrote (an answer, excerpts, a draft) may
 * link only to the organisation's sites and the pages it cites: a crawled page or a snippet that
 * carries a prompt injection or a stranger's link gets no clickable phishing link through it, in
 * any Markdown spelling. What people wrote keeps its links.
 */
export function messageMarkdown(sites: ReadonlySet<string>) {
  return (text: string, m?: Pick<Message, 'author' | 'citations'>): string => {
    if (m?.author !== 'assistant') return renderMarkdown(text);
    const hosts = new Set(sites);
    for (const c of m.citations) {
      const host = c.url ? httpUrl(c.url)?.host.toLowerCase() : undefined;
      if (host) hosts.add(host);
    }
    return renderMarkdown(text, hosts);
  };
}
