import type { StoredTwoFactor, TwoFactorRepo as Port } from '../../services/ports.js';
import type { Conn } from './db.js';

interface Row {
  user_id: string;
  secret: string;
  last_step: string | number;
  recovery_codes: string[];
}

export class TwoFactorRepo implements Port {
  constructor(private readonly db: Conn) {}

  async get(userId: string): Promise<StoredTwoFactor | undefined> {
    const row = await this.db<Row>('user_two_factor').where({ user_id: userId }).first();
    return row ? { secret: row.secret, lastStep: Number(row.last_step), recoveryCodes: row.recovery_codes } : undefined;
  }

  async enable(userId: string, factor: StoredTwoFactor, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx('user_two_factor')
        .insert({ user_id: userId, secret: factor.secret, last_step: factor.lastStep, recovery_codes: factor.recoveryCodes })
        .onConflict('user_id')
        .merge(['secret', 'last_step', 'recovery_codes']);
      await tx('users').where({ id: userId }).update({ two_factor_at: at });
    });
  }

  async disable(userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx('user_two_factor').where({ user_id: userId }).delete();
      await tx('users').where({ id: userId }).update({ two_factor_at: null });
    });
  }

  async useStep(userId: string, step: number): Promise<boolean> {
    // One statement: two requests with the same code cannot both pass.
    const updated = await this.db('user_two_factor').where({ user_id: userId }).andWhere('last_step', '<', step).update({ last_step: step });
    return updated === 1;
  }

  async useRecoveryCode(userId: string, hash: string): Promise<boolean> {
    const updated = await this.db('user_two_factor')
      .where({ user_id: userId })
      .andWhereRaw('? = any(recovery_codes)', [hash])
      .update({ recovery_codes: this.db.raw('array_remove(recovery_codes, ?)', [hash]) });
    return updated === 1;
  }

  async setRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
    await this.db('user_two_factor').where({ user_id: userId }).update({ recovery_codes: hashes });
  }

  async claimAttempt(userId: string, now: Date, max: number, lockUntil: Date): Promise<number | 'locked'> {
    // One statement: parallel guesses each take their own attempt, and none passes a lockout.
    const { rows } = await this.db.raw<{ rows: { attempts: number; locked: boolean }[] }>(
      `update user_two_factor
          set attempts = case when attempts + 1 >= :max then 0 else attempts + 1 end,
              locked_until = case when attempts + 1 >= :max then :lockUntil::timestamptz else null end
        where user_id = :userId and (locked_until is null or locked_until <= :now::timestamptz)
        returning attempts, locked_until is not null as locked`,
      { userId, now, max, lockUntil },
    );
    const row = rows[0];
    if (!row) return 'locked';
    return row.locked ? max : row.attempts;
  }

  async clearAttempts(userId: string): Promise<void> {
    await this.db('user_two_factor').where({ user_id: userId }).update({ attempts: 0, locked_until: null });
  }

  async required(): Promise<boolean> {
    const row = await this.db<{ require_two_factor: boolean }>('organisations').select('require_two_factor').first();
    return row?.require_two_factor ?? false;
  }

  async setRequired(required: boolean): Promise<void> {
    await this.db('organisations').update({ require_two_factor: required });
  }
}
