import type { Knex } from 'knex';
import type { PresenceRecord, PresenceRepo as Port } from '../../services/ports.js';

interface Row {
  user_id: string;
  status: PresenceRecord['status'];
  heartbeat_at: Date;
  active_at: Date;
}

const toRecord = (r: Row): PresenceRecord => ({ userId: r.user_id, status: r.status, heartbeatAt: r.heartbeat_at, activeAt: r.active_at });

export class PresenceRepo implements Port {
  constructor(private readonly db: Knex) {}

  async get(userId: string) {
    const row = (await this.db('agent_presence').where({ user_id: userId }).first()) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  async beat(userId: string, at: Date, active: boolean) {
    const [row] = (await this.db('agent_presence')
      .insert({ user_id: userId, heartbeat_at: at, active_at: at })
      .onConflict('user_id')
      .merge(active ? { heartbeat_at: at, active_at: at } : { heartbeat_at: at })
      .returning('*')) as Row[];
    return toRecord(row!);
  }

  async setStatus(userId: string, status: PresenceRecord['status'], at: Date) {
    const [row] = (await this.db('agent_presence')
      .insert({ user_id: userId, status, heartbeat_at: at, active_at: at })
      .onConflict('user_id')
      .merge({ status, heartbeat_at: at, active_at: at })
      .returning('*')) as Row[];
    return toRecord(row!);
  }

  async expire(userId: string, at: Date) {
    await this.db('agent_presence').where({ user_id: userId }).andWhere('heartbeat_at', '>', at).update({ heartbeat_at: at });
  }

  async recent(since: Date) {
    return ((await this.db('agent_presence').where('heartbeat_at', '>=', since)) as Row[]).map(toRecord);
  }
}
