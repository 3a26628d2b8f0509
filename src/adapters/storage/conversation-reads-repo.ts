import type { Knex } from 'knex';
import type { Viewer } from '../../services/conversations/types.js';
import type { ConversationReadRepo } from '../../services/ports.js';

export class ConversationReadsRepo implements ConversationReadRepo {
  constructor(private readonly db: Knex) {}

  async markRead(userId: string, conversationId: string, at: Date) {
    await this.db('conversation_reads')
      .insert({ user_id: userId, conversation_id: conversationId, read_at: at })
      .onConflict(['user_id', 'conversation_id'])
      .merge({ read_at: this.db.raw('greatest(conversation_reads.read_at, excluded.read_at)') });
  }

  async viewing(userId: string, conversationId: string, at: Date, staleBefore: Date) {
    // `old` is read before the upsert: the agent arrived unless their last heartbeat is recent.
    const { rows } = await this.db.raw<{ rows: { arrived: boolean }[] }>(
      `with old as (select viewing_at from conversation_reads where user_id = ? and conversation_id = ?)
       insert into conversation_reads (user_id, conversation_id, read_at, viewing_at) values (?, ?, ?, ?)
       on conflict (user_id, conversation_id) do update set viewing_at = excluded.viewing_at
       returning coalesce((select viewing_at from old) < ?, true) as arrived`,
      [userId, conversationId, userId, conversationId, at, at, staleBefore],
    );
    return rows[0]?.arrived ?? true;
  }

  async stopViewing(userId: string, conversationId: string) {
    await this.db('conversation_reads').where({ user_id: userId, conversation_id: conversationId }).update({ viewing_at: null });
  }

  async viewers(conversationId: string, since: Date) {
    const rows = (await this.db('conversation_reads as r')
      .join('users as u', 'u.id', 'r.user_id')
      .where('r.conversation_id', conversationId)
      .where('r.viewing_at', '>=', since)
      .orderBy('u.name')
      .select('u.id as userId', 'u.name')) as Viewer[];
    return rows;
  }
}
