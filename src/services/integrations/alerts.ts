import type { EndpointKind } from './types.js';

/**
 * The message an alert channel gets: who needs the team and why, what the visitor was told, and
 * a link to the conversation. Nothing else about the visitor leaves: no name, no address; their
 * question only when the channel's setting says so. The visitor's words go in plain-text
 * elements (Slack `plain_text`, a Teams TextRun), where neither service reads markup, so a
 * stranger cannot add links, mentions or formatting to the team's channel.
 */
export interface AlertFacts {
  kind: 'handed_off' | 'waiting';
  /** The organisation's name, for teams that share a channel across products. */
  org: string;
  reason: string;
  /** What the visitor was told at the handoff, in words. */
  promise: string | null;
  question: string | null;
  waitedMinutes?: number;
  link: string;
}

const QUESTION_CHARS = 500;
/** By characters, not UTF-16 units: half an emoji would make the JSON unstorable. */
const cut = (t: string) => {
  const chars = Array.from(t);
  return chars.length > QUESTION_CHARS ? `${chars.slice(0, QUESTION_CHARS - 1).join('')}…` : t;
};

export const PROMISE_WORDS: Record<string, string> = {
  available: 'The visitor was told someone will answer shortly.',
  offline: 'The visitor was told nobody is online right now and offered an email reply.',
  closed: 'The visitor was told the team is closed and when it opens again.',
};

const headline = (f: AlertFacts) => (f.kind === 'waiting' ? `A visitor has waited ${f.waitedMinutes ?? 0} min for the ${f.org} team` : `A visitor needs the ${f.org} team`);

export function alertBody(kind: Exclude<EndpointKind, 'webhook'>, f: AlertFacts): unknown {
  return kind === 'slack' ? slack(f) : teams(f);
}

/** Slack's incoming webhooks: a fallback `text` (no visitor's words in it) and blocks. */
function slack(f: AlertFacts) {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    text: `${headline(f)}: ${f.reason}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escape(headline(f))}*\n${escape(f.reason)}` } },
      ...(f.question ? [{ type: 'section', text: { type: 'plain_text', text: cut(f.question), emoji: false } }] : []),
      ...(f.promise ? [{ type: 'context', elements: [{ type: 'plain_text', text: f.promise, emoji: false }] }] : []),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Baton' }, url: f.link }] },
    ],
  };
}

/** Microsoft Teams (a Workflows "when a webhook request is received" flow): an Adaptive Card. */
function teams(f: AlertFacts) {
  const plain = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            plain(headline(f), { weight: 'Bolder', size: 'Medium' }),
            plain(f.reason),
            ...(f.question ? [plain(cut(f.question), { italic: true })] : []),
            ...(f.promise ? [plain(f.promise, { isSubtle: true })] : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Baton', url: f.link }],
        },
      },
    ],
  };
}
