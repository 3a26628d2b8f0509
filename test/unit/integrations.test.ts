import { describe, expect, it } from 'vitest';
import { alertBody, type AlertFacts } from '../../src/services/integrations/alerts.js';
import { checkInput, eventIdFor } from '../../src/services/integrations/integration-service.js';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_PAUSES_MS } from '../../src/services/integrations/retry.js';
import { newSigningSecret, sign, verify } from '../../src/services/integrations/signature.js';
import type { ValidationError } from '../../src/services/errors.js';

describe('webhook signatures', () => {
  const secret = newSigningSecret();
  const body = '{"id":"e1","type":"conversation.created"}';

  it('sign the timestamp and the body, and verify only the same of both within the tolerance', () => {
    const header = sign(secret, 1_800_000_000, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verify(secret, header, body, 1_800_000_100)).toBe(true);
    expect(verify(secret, header, body, 1_800_000_301)).toBe(false);
    expect(verify(secret, header, `${body} `, 1_800_000_000)).toBe(false);
    expect(verify(newSigningSecret(), header, body, 1_800_000_000)).toBe(false);
    // Another timestamp with the same MAC: a replay with a fresh time is refused.
    expect(verify(secret, header.replace('t=1800000000', 't=1800000200'), body, 1_800_000_200)).toBe(false);
    expect(verify(secret, 'v1=abc', body, 1_800_000_000)).toBe(false);
  });

  it('make secrets that differ and are long enough', () => {
    expect(newSigningSecret()).toMatch(/^whsec_[\w-]{43}$/);
    expect(newSigningSecret()).not.toBe(newSigningSecret());
  });
});

describe('retries', () => {
  it('wait longer after each failure, then give up', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const pauses = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => nextAttemptAt(i + 1, now)!.getTime() - now.getTime());
    expect(pauses).toEqual(RETRY_PAUSES_MS);
    expect(pauses.every((p, i) => i === 0 || p > pauses[i - 1]!)).toBe(true);
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeUndefined();
    // About a day and a quarter in all.
    expect(RETRY_PAUSES_MS.reduce((a, b) => a + b) / 3_600_000).toBeGreaterThan(24);
  });
});

describe('event ids for repeated events', () => {
  it('are the same for the same key, differ otherwise, and look like UUIDs', () => {
    expect(eventIdFor('waiting:c1:1')).toBe(eventIdFor('waiting:c1:1'));
    expect(eventIdFor('waiting:c1:1')).not.toBe(eventIdFor('waiting:c1:2'));
    expect(eventIdFor('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('alerts', () => {
  const facts: AlertFacts = { kind: 'handed_off', org: 'Acme', reason: 'Asked for a person', promise: 'The visitor was told someone will answer shortly.', question: '<@U123> <!here> *hi* & bye', link: 'https://support.acme.test/inbox/conversations/c1' };

  it('put the visitor’s words only in plain-text Slack elements, never in the notification text', () => {
    const body = alertBody('slack', facts) as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(body.text).toBe('A visitor needs the Acme team: Asked for a person');
    const withQuestion = body.blocks.filter((b) => JSON.stringify(b).includes('<@U123>'));
    expect(withQuestion).toEqual([{ type: 'section', text: { type: 'plain_text', text: '<@U123> <!here> *hi* & bye', emoji: false } }]);
    // Baton's own mrkdwn escapes &, < and > (Slack's rule), in case an org name holds them.
    const mrkdwn = alertBody('slack', { ...facts, org: 'A<b>&c' }) as { blocks: { text?: { type: string; text: string } }[] };
    expect(mrkdwn.blocks[0]!.text).toEqual({ type: 'mrkdwn', text: '*A visitor needs the A&lt;b&gt;&amp;c team*\nAsked for a person' });
  });

  it('cut a long question by characters, never through one', () => {
    const body = alertBody('slack', { ...facts, question: 'x'.repeat(5000) }) as { blocks: { text?: { text: string } }[] };
    expect(body.blocks[1]!.text!.text).toHaveLength(500);
    // An emoji across the cut: whole or gone, so the JSON has no lone surrogate.
    const emoji = alertBody('slack', { ...facts, question: `${'x'.repeat(498)}😀${'y'.repeat(10)}` }) as { blocks: { text?: { text: string } }[] };
    expect(emoji.blocks[1]!.text!.text).toBe(`${'x'.repeat(498)}😀…`);
    expect(JSON.stringify(emoji)).not.toMatch(/\\ud83d/);
  });

  it('say how long a conversation has waited', () => {
    const body = alertBody('slack', { ...facts, kind: 'waiting', waitedMinutes: 42, question: null, promise: null }) as { text: string; blocks: unknown[] };
    expect(body.text).toBe('A visitor has waited 42 min for the Acme team: Asked for a person');
    expect(body.blocks).toHaveLength(2);
  });
});

describe('an integration’s settings', () => {
  const base = { kind: 'webhook' as const, name: ' CRM ', url: 'https://crm.example/hooks', events: ['conversation.created' as const], includeQuestion: true, active: true };
  const fieldsOf = (input: Partial<typeof base> & Record<string, unknown>) => {
    try {
      checkInput({ ...base, ...input } as never);
      return {};
    } catch (e) {
      return (e as ValidationError).fields;
    }
  };

  it('are cleaned: a trimmed name, events the kind can have, the question only for channels', () => {
    expect(checkInput(base)).toEqual({ ...base, name: 'CRM', includeQuestion: false });
    expect(checkInput({ ...base, kind: 'slack', events: ['conversation.created', 'conversation.handed_off', 'conversation.handed_off'] })).toMatchObject({ events: ['conversation.handed_off'], includeQuestion: true });
  });

  it('name each field that is wrong', () => {
    expect(fieldsOf({ name: ' ' })).toEqual({ name: expect.stringMatching(/name/) });
    expect(fieldsOf({ url: 'crm.example' })).toEqual({ url: expect.stringMatching(/https:\/\//) });
    expect(fieldsOf({ url: 'ftp://crm.example' })).toEqual({ url: expect.stringMatching(/Only http and https/) });
    expect(fieldsOf({ url: 'https://u:p@crm.example/' })).toEqual({ url: expect.stringMatching(/no user name or password/) });
    expect(fieldsOf({ events: [] })).toEqual({ events: 'Choose at least one event.' });
    expect(fieldsOf({ kind: 'teams' as never, events: ['message.created'] as never })).toEqual({ events: 'Choose when to post.' });
    expect(fieldsOf({ kind: 'email' as never })).toMatchObject({ kind: expect.any(String) });
  });
});
