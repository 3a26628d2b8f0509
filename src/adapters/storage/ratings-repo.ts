import type { Knex } from 'knex';
import type { RatingRepo } from '../../services/ports.js';
import { recordIntegrationEvent } from './integrations-repo.js';

/** Visitors' ratings: one per AI answer (helpful or not), one per resolved episode (1–5). */
export class RatingsRepo implements RatingRepo {
  constructor(private readonly db: Knex) {}

  async rateAnswer(r: { messageId: string; conversationId: string; episode: number; helpful: boolean; at: Date }) {
    // A visitor who changes their mind changes the rating; the first one's time stays.
    await this.db('answer_ratings')
      .insert({ message_id: r.messageId, conversation_id: r.conversationId, episode: r.episode, helpful: r.helpful, created_at: r.at, updated_at: r.at })
      .onConflict('message_id')
      .merge({ helpful: r.helpful, updated_at: r.at });
  }

  async answerRatings(conversationId: string) {
    const rows = (await this.db('answer_ratings').where({ conversation_id: conversationId }).select('message_id', 'helpful')) as { message_id: string; helpful: boolean }[];
    return new Map(rows.map((r) => [r.message_id, r.helpful]));
  }

  async unhelpfulCount(conversationId: string, episode: number) {
    const row = (await this.db('answer_ratings').where({ conversation_id: conversationId, episode, helpful: false }).count<{ count: string }[]>('* as count').first()) ?? { count: '0' };
    return Number(row.count);
  }

  async rateConversation(r: { conversationId: string; episode: number; score: number; comment: string | null; at: Date }) {
    // The rating and its integration event commit together (the transactional outbox).
    await this.db.transaction(async (trx) => {
      await trx('conversation_ratings')
        .insert({ conversation_id: r.conversationId, episode: r.episode, score: r.score, comment: r.comment, created_at: r.at, updated_at: r.at })
        .onConflict(['conversation_id', 'episode'])
        .merge({ score: r.score, comment: r.comment, updated_at: r.at });
      await recordIntegrationEvent(trx, { type: 'conversation.rated', conversationId: r.conversationId, episode: r.episode });
    });
  }

  async conversationRating(conversationId: string, episode: number) {
    const row = (await this.db('conversation_ratings').where({ conversation_id: conversationId, episode }).first('score', 'comment')) as { score: number; comment: string | null } | undefined;
    return row ? { score: row.score, comment: row.comment } : undefined;
  }
}
