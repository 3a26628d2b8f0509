import { describe, expect, it } from 'vitest';
import { describeAuditEvent } from '../../src/services/audit/describe.js';
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from '../../src/services/audit/types.js';

const event = (action: AuditAction, over: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '1',
  action,
  actorId: 'u1',
  actor: 'ada@example.com',
  actorName: 'Ada',
  ip: null,
  target: null,
  details: {},
  createdAt: new Date(0),
  ...over,
});

describe('audit entries in words', () => {
  it('reads as a sentence with the changes day by day', () => {
    const line = describeAuditEvent(event('settings.changed', { target: 'Support hours', details: { Monday: { from: '09:00-17:00', to: '08:00-18:00' } } }));
    expect(line).toEqual({ sentence: 'Ada changed the support hours', changes: ['Monday: 09:00-17:00 → 08:00-18:00'] });
  });

  it('names settings, lists and switches in words, never JSON', () => {
    const line = describeAuditEvent(event('settings.changed', { target: 'Widget', details: { allowedOrigins: { from: [], to: ['https://shop.example', 'https://www.shop.example'] }, llmHistory: { from: true, to: false } } }));
    expect(line.changes).toEqual(['Allowed sites: (none) → https://shop.example, https://www.shop.example', 'Conversation sent to the AI with each question: on → off']);
  });

  it('says who: a teammate by name, the command line, Baton, or the address typed at a failed sign-in', () => {
    expect(describeAuditEvent(event('knowledge.added', { actor: 'cli', actorName: null, target: 'help.example.com', details: { kind: 'website' } })).sentence).toBe('Someone at the command line added the website help.example.com');
    expect(describeAuditEvent(event('retention.purged', { actor: 'system', actorName: null })).sentence).toBe('Baton deleted data past its retention period');
    expect(describeAuditEvent(event('login.failed', { actorId: null, actor: 'who@example.com', actorName: null })).sentence).toBe('who@example.com failed to sign in');
  });

  it('has words for every action there is', () => {
    for (const action of Object.keys(AUDIT_ACTIONS) as AuditAction[]) {
      const { sentence } = describeAuditEvent(event(action, { target: 'X' }));
      expect(sentence, action).toMatch(/^Ada [a-z]/);
      expect(sentence, action).not.toContain(action);
    }
  });
});
