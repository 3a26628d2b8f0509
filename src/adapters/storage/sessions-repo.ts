import type { SessionRepo } from '../../services/ports.js';
import type { Conn } from './db.js';

/** The `session` table written by connect-pg-simple; passport keeps the user id at sess.passport.user. */
export class SessionsRepo implements SessionRepo {
  constructor(private readonly db: Conn) {}

  async deleteForUser(userId: string, exceptSessionId?: string) {
    const query = this.db('session').whereRaw("sess -> 'passport' ->> 'user' = ?", [userId]);
    if (exceptSessionId) query.whereNot('sid', exceptSessionId);
    return query.delete();
  }

  async purgeExpired(now: Date) {
    return this.db('session').where('expire', '<', now).delete();
  }
}
