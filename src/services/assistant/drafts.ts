import { REPLY_LANGUAGES, replyTexts } from './extractive.js';
import type { Citation } from './types.js';

/**
 * The model's answer made into a draft an agent can send as it is: the agent's reply carries no
 * sources list, so "[1]" would point at nothing. Citation numbers go, each cited page's link is
 * written after the text, quote marks go, and so does any offer to ask the team (the agent is the
 * team).
 */
export function agentDraft(text: string, citations: Citation[]): string {
  let body = text
    .split('\n')
    .map((line) => line.replace(/^\s*>\s?/, ''))
    .join('\n')
    .replace(/\s*\[\d{1,2}\](?:\s*\[\d{1,2}\])*/g, '');
  for (const offer of TEAM_OFFERS) body = body.split(offer).join('');
  body = body
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const links = [...new Set(citations.filter((c) => c.url).map((c) => `${[c.title, c.section].filter(Boolean).join(' › ')}: ${c.url}`))];
  return links.length ? `${body}\n\n${links.join('\n')}` : body;
}

// The offers Baton itself writes, in every reply language.
const TEAM_OFFERS = REPLY_LANGUAGES.map((l) => replyTexts(l).team);
