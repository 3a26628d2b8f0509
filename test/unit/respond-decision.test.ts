import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVE_CATEGORIES } from '../../src/services/assistant/triggers/defaults.js';
import { compileCategories } from '../../src/services/assistant/triggers/triggers.js';
import { decideResponse, earlyDecision, type DecisionInput } from '../../src/services/conversations/respond-decision.js';
import type { Message } from '../../src/services/conversations/types.js';

const msg = (author: Message['author'], text: string, meta: Message['meta'] = {}): Message => ({
  id: `${author}-${text}`,
  conversationId: 'c1',
  author,
  text,
  citations: [],
  clientId: null,
  replyTo: null,
  meta,
  userId: null,
  authorName: null,
  internal: false,
  episode: 1,
  createdAt: new Date(0),
});

const input = (over: Partial<DecisionInput>): DecisionInput => ({
  status: 'bot',
  text: 'How do I export my data?',
  recent: [],
  pageUrl: null,
  verifiedEmail: null,
  categories: compileCategories(DEFAULT_SENSITIVE_CATEGORIES),
  rules: [],
  unhelpful: 0,
  ...over,
});

describe('what Baton does with a visitor message', () => {
  it('answers an ordinary question while the bot has the conversation, and while it waits for the team', () => {
    expect(decideResponse(input({}))).toEqual({ kind: 'answer' });
    expect(decideResponse(input({ status: 'queued' }))).toEqual({ kind: 'answer' });
  });

  it('never answers the visitor once a teammate has it: a draft for the agent instead', () => {
    expect(decideResponse(input({ status: 'assigned', text: 'I want to speak to a human' }))).toEqual({ kind: 'draft' });
  });

  it('hands off without an answer on a request for a person, and repeats the promise when already queued', () => {
    expect(decideResponse(input({ text: 'Can I talk to a human please?' }))).toMatchObject({ kind: 'hand_off', handoff: { reason: 'person_request' } });
    expect(decideResponse(input({ status: 'queued', text: 'Can I talk to a human please?' }))).toEqual({ kind: 'promise_again' });
  });

  it('takes the message after "Talk to the team" as the question for the team', () => {
    const recent = [msg('system', 'What can we help with?', { askedForTeam: true })];
    expect(decideResponse(input({ recent, text: 'My invoice has the wrong VAT number' }))).toMatchObject({ kind: 'hand_off', handoff: { reason: 'person_request', evidence: expect.stringContaining('My invoice has the wrong VAT number') } });
  });

  it('hands off on a yes to the offer to ask the team, but not on a yes to anything else', () => {
    const offered = [msg('visitor', 'Where is my parcel?'), msg('assistant', 'I could not find that. Shall I ask the team?', { offer: true })];
    expect(decideResponse(input({ recent: offered, text: 'yes please' }))).toMatchObject({ kind: 'hand_off', handoff: { reason: 'unsure' } });
    const answered = [msg('visitor', 'Where is my parcel?'), msg('assistant', 'Track it under Orders.')];
    expect(decideResponse(input({ recent: answered, text: 'yes please' }))).toEqual({ kind: 'answer' });
  });

  it('hands off a sensitive topic before any AI attempt', () => {
    expect(decideResponse(input({ text: 'I want a chargeback, you charged my card twice' }))).toMatchObject({ kind: 'hand_off', handoff: { reason: 'sensitive' } });
  });

  it('hands off on the second "that didn\'t help", counting answers rated unhelpful', () => {
    expect(decideResponse(input({ text: "That didn't help at all" }))).toEqual({ kind: 'answer' });
    expect(decideResponse(input({ text: "That didn't help at all", unhelpful: 1 }))).toMatchObject({ kind: 'hand_off', handoff: { reason: 'dissatisfied' } });
  });

  it("applies the operator's rules, trusting only an email the site vouched for", () => {
    const rules = [{ name: 'Big customer', enabled: true, emailDomains: ['bigcorp.com'] }];
    expect(decideResponse(input({ rules, verifiedEmail: 'cto@bigcorp.com' }))).toMatchObject({ kind: 'hand_off', handoff: { reason: 'rule' } });
    expect(decideResponse(input({ rules, verifiedEmail: null }))).toEqual({ kind: 'answer' });
  });

  it('decides without the triggers whenever the conversation alone says what to do', () => {
    expect(earlyDecision({ status: 'assigned', text: 'hi', recent: [] })).toEqual({ kind: 'draft' });
    expect(earlyDecision({ status: 'queued', text: 'Any news?', recent: [] })).toEqual({ kind: 'answer' });
    expect(earlyDecision({ status: 'bot', text: 'Where is my refund?', recent: [msg('system', 'What can we help with?', { askedForTeam: true })] })).toMatchObject({ kind: 'hand_off' });
    // Only here must the settings, the visitor and the ratings be read.
    expect(earlyDecision({ status: 'bot', text: 'I want a chargeback', recent: [] })).toBeUndefined();
  });
});
