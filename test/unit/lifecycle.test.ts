import { describe, expect, it } from 'vitest';
import { canTransition, illegalTransition, TRANSITIONS, type TransitionName } from '../../src/services/conversations/lifecycle.js';
import { CONVERSATION_STATUSES } from '../../src/services/conversations/types.js';
import { formatPhrases, parsePhrases } from '../../src/services/assistant/handoff-settings-service.js';
import { summarise } from '../../src/services/conversations/summary.js';
import type { Conversation, Message } from '../../src/services/conversations/types.js';
import { permissions } from '../../src/services/conversations/inbox-service.js';
import type { User } from '../../src/services/team/types.js';

describe('the conversation state machine', () => {
  // Every (transition, status) pair: allowed exactly where the diagram says.
  const allowed: Record<TransitionName, string[]> = {
    hand_off: ['bot'],
    claim: ['bot', 'queued'],
    assign: ['bot', 'queued', 'assigned'],
    release: ['assigned'],
    resolve: ['bot', 'queued', 'assigned'],
    reopen: ['resolved'],
    new_episode: ['resolved'],
  };
  for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
    it(`${name}: from ${allowed[name].join(', ')} only`, () => {
      for (const status of CONVERSATION_STATUSES) expect(canTransition(name, status), `${name} from ${status}`).toBe(allowed[name].includes(status));
    });
  }

  it('words a refusal for the agent', () => {
    expect(illegalTransition('claim', 'resolved').message).toBe('This conversation is resolved, so it cannot be claimed.');
    expect(illegalTransition('reopen', 'queued').message).toBe('This conversation is waiting for the team, so it cannot be reopened.');
  });
});

describe('phrases as the settings page edits them', () => {
  it('round-trips phrases grouped by language', () => {
    const list = { en: ['chargeback', 'refund+my'], da: ['tilbagebetaling'] };
    expect(parsePhrases(formatPhrases(list))).toEqual({ list });
  });
  it('counts phrases before any header as English, and refuses unknown languages', () => {
    expect(parsePhrases('fire\n\n[de]\nFeuer').list).toEqual({ en: ['fire'], de: ['Feuer'] });
    expect(parsePhrases('[xx]\nfire').error).toContain('"[xx]" is not one of the languages');
  });
});

describe('the handoff summary', () => {
  const msg = (author: Message['author'], text: string, extra: Partial<Message> = {}): Message => ({
    id: Math.random().toString(36),
    conversationId: 'c',
    author,
    text,
    citations: [],
    clientId: null,
    replyTo: null,
    meta: {},
    userId: null,
    authorName: null,
    internal: false,
    episode: 2,
    createdAt: new Date(),
    ...extra,
  });
  it('takes the first question, the sources the AI used and the last message of the current episode only', () => {
    const cite = { title: 'Cancelling', url: 'https://x.example/cancel', section: 'How', page: null };
    const s = summarise(
      [
        msg('visitor', 'an old question', { episode: 1 }),
        msg('visitor', 'How do I cancel?'),
        msg('assistant', 'Open Settings.', { citations: [cite] }),
        msg('assistant', 'Again: Settings.', { citations: [cite] }),
        msg('agent', 'internal', { internal: true }),
        msg('visitor', 'It did not work'),
      ],
      2,
    );
    expect(s).toEqual({ firstQuestion: 'How do I cancel?', lastMessage: 'It did not work', sources: [cite], aiAnswers: 2 });
  });
});

describe('what an agent may do', () => {
  const agent = { id: 'a', role: 'agent' } as User;
  const other = { id: 'b', role: 'agent' } as User;
  const admin = { id: 'x', role: 'admin' } as User;
  const conv = (status: Conversation['status'], assignedTo: string | null = null) => ({ status, assignedTo }) as Conversation;
  it('lets only the assignee reply, and the assignee or an admin manage an assigned conversation', () => {
    expect(permissions(agent, conv('assigned', 'a'))).toEqual({ reply: true, claim: false, assign: true, release: true, resolve: true, reopen: false });
    expect(permissions(other, conv('assigned', 'a'))).toEqual({ reply: false, claim: false, assign: false, release: false, resolve: false, reopen: false });
    expect(permissions(admin, conv('assigned', 'a'))).toEqual({ reply: false, claim: false, assign: true, release: true, resolve: true, reopen: false });
  });
  it('lets anyone claim or resolve an unassigned one, and reopen a resolved one', () => {
    expect(permissions(agent, conv('queued'))).toEqual({ reply: false, claim: true, assign: false, release: false, resolve: true, reopen: false });
    expect(permissions(admin, conv('queued'))).toMatchObject({ assign: true });
    expect(permissions(agent, conv('resolved'))).toEqual({ reply: false, claim: false, assign: false, release: false, resolve: false, reopen: true });
  });
});
