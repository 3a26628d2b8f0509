import type { Repos, Store, TransactionRepos } from '../../services/ports.js';
import { advisoryXactLock, type Conn, type Db } from './db.js';
import { OrganisationsRepo } from './organisations-repo.js';
import { SessionsRepo } from './sessions-repo.js';
import { TokensRepo } from './tokens-repo.js';
import { UsersRepo } from './users-repo.js';

function reposFor(conn: Conn): Repos {
  return { users: new UsersRepo(conn), organisations: new OrganisationsRepo(conn), tokens: new TokensRepo(conn), sessions: new SessionsRepo(conn) };
}

/** The Store port on knex: the same repositories, outside or inside a transaction. */
export class KnexStore implements Store {
  readonly users;
  readonly organisations;
  readonly tokens;
  readonly sessions;

  constructor(private readonly db: Db) {
    ({ users: this.users, organisations: this.organisations, tokens: this.tokens, sessions: this.sessions } = reposFor(db));
  }

  transaction<T>(work: (tx: TransactionRepos) => Promise<T>): Promise<T> {
    return this.db.transaction((trx) => work({ ...reposFor(trx), lock: (name) => advisoryXactLock(trx, name) }));
  }
}
