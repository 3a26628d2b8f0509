import { describe, expect, it } from 'vitest';
import { Authority, changes, PERMISSIONS } from '../../src/services/audit/authority.js';
import { AUDIT_ACTIONS, type NewAuditEvent } from '../../src/services/audit/types.js';
import { ForbiddenError } from '../../src/services/errors.js';
import type { User } from '../../src/services/team/types.js';

const user = (role: User['role'], active = true): User => ({ id: `${role}-${active}`, email: `${role}@example.com`, name: role, role, active }) as User;

describe('Authority', () => {
  const make = () => {
    const recorded: NewAuditEvent[] = [];
    return { recorded, authority: new Authority({ audit: { record: async (e) => void recorded.push(e) } }) };
  };

  it('lets admins take admin actions, any active teammate teammate actions, the CLI and jobs everything, and a deactivated account nothing', () => {
    const { authority } = make();
    expect(authority.may(user('admin'), 'settings.changed')).toBe(true);
    expect(authority.may(user('agent'), 'settings.changed')).toBe(false);
    expect(authority.may(user('agent'), 'knowledge.saved_from_reply')).toBe(true);
    expect(authority.may(user('admin', false), 'knowledge.saved_from_reply')).toBe(false);
    expect(authority.may('cli', 'visitor.erased')).toBe(true);
    expect(authority.may('system', 'knowledge.deleted')).toBe(true);
  });

  it('refuses before the work runs, and records after it succeeds, not when it fails', async () => {
    const { authority, recorded } = make();
    let ran = false;
    await expect(authority.perform(user('agent'), 'team.invited', async () => void (ran = true), () => ({}))).rejects.toBeInstanceOf(ForbiddenError);
    expect(ran).toBe(false);
    await expect(authority.perform(user('admin'), 'team.invited', async () => { throw new Error('no'); }, () => ({}))).rejects.toThrow('no');
    expect(recorded).toEqual([]);
    const result = await authority.perform(user('admin'), 'team.invited', async () => 'eve@example.com', (email) => ({ target: email, details: { role: 'agent' } }), { ip: '203.0.113.9' });
    expect(result).toBe('eve@example.com');
    expect(recorded).toEqual([{ action: 'team.invited', actor: user('admin'), ip: '203.0.113.9', target: 'eve@example.com', details: { role: 'agent' } }]);
  });

  it('has a label for every action it guards', () => {
    for (const action of Object.keys(PERMISSIONS)) expect(Object.keys(AUDIT_ACTIONS)).toContain(action);
  });
});

describe('changes', () => {
  it('keeps only the fields that changed, long values cut, secrets named but not kept', () => {
    expect(changes({ a: 1, b: 'same', list: ['x'] }, { a: 2, b: 'same', list: ['x', 'y'], c: 'new' })).toEqual({ a: { from: 1, to: 2 }, list: { from: ['x'], to: ['x', 'y'] }, c: { from: null, to: 'new' } });
    expect(changes({ greeting: 'x'.repeat(500) }, { greeting: 'y' }).greeting!.from).toBe(`${'x'.repeat(200)}…`);
    expect(changes({ key: 'old' }, { key: 'new' }, { secret: ['key'] })).toEqual({ key: { from: '(hidden)', to: '(hidden)' } });
    expect(changes(undefined, {})).toEqual({});
  });
});
