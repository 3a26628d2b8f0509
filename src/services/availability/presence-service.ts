import type { Clock, PresenceRecord, PresenceRepo } from '../ports.js';
import type { User } from '../team/types.js';

export type Presence = 'online' | 'away' | 'offline';

export interface PresenceOptions {
  /** No activity in the open inbox for this long: away, whatever the agent chose. */
  awayAfterMs: number;
  /** No heartbeat for this long: the inbox is closed, the agent is offline. */
  offlineAfterMs: number;
}

/** What a stored presence means at `now`: the rule behind "online", in one place. */
export function presenceAt(record: PresenceRecord | undefined, now: Date, opts: PresenceOptions): Presence {
  if (!record || now.getTime() - record.heartbeatAt.getTime() > opts.offlineAfterMs) return 'offline';
  if (record.status === 'away' || now.getTime() - record.activeAt.getTime() > opts.awayAfterMs) return 'away';
  return 'online';
}

/**
 * Agents' presence: online or away by choice, away by itself after a while without activity in
 * the open inbox, offline when no inbox has sent a heartbeat lately. Kept in Postgres, so every
 * replica agrees on who is online (support hours and the visitor's promise build on this).
 */
export class PresenceService {
  constructor(private readonly deps: { presence: PresenceRepo; clock: Clock; options: PresenceOptions }) {}

  /** The open inbox's heartbeat; `active`: the agent did something since the last one. */
  async heartbeat(user: User, active: boolean): Promise<Presence> {
    const now = this.deps.clock.now();
    return presenceAt(await this.deps.presence.beat(user.id, now, active), now, this.deps.options);
  }

  async set(user: User, status: 'online' | 'away'): Promise<Presence> {
    const now = this.deps.clock.now();
    return presenceAt(await this.deps.presence.setStatus(user.id, status, now), now, this.deps.options);
  }

  async of(user: User): Promise<Presence> {
    return presenceAt(await this.deps.presence.get(user.id), this.deps.clock.now(), this.deps.options);
  }

  /**
   * The person's last open inbox closed: offline now, not when the heartbeat runs out, so
   * visitors are not promised someone who has left. An inbox still open on another replica
   * marks them online again with its next heartbeat.
   */
  async closed(user: User): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.presence.expire(user.id, new Date(now.getTime() - this.deps.options.offlineAfterMs - 1000));
  }

  /** The ids of agents online right now. */
  async online(): Promise<string[]> {
    const now = this.deps.clock.now();
    const since = new Date(now.getTime() - this.deps.options.offlineAfterMs);
    return (await this.deps.presence.recent(since)).filter((r) => presenceAt(r, now, this.deps.options) === 'online').map((r) => r.userId);
  }
}
