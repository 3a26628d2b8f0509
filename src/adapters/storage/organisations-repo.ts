import type { OrganisationRepo } from '../../services/ports.js';
import type { Organisation } from '../../services/team/types.js';
import type { Conn } from './db.js';

interface OrganisationRow {
  id: string;
  name: string;
  time_zone: string;
  require_two_factor?: boolean;
  public_url?: string | null;
  tried_question_at?: Date | null;
}

const COLUMNS = ['id', 'name', 'time_zone', 'require_two_factor', 'public_url', 'tried_question_at'] as const;

const toOrganisation = (r: OrganisationRow): Organisation => ({ id: r.id, name: r.name, timeZone: r.time_zone, requireTwoFactor: r.require_two_factor ?? false, publicUrl: r.public_url ?? null, triedQuestionAt: r.tried_question_at ?? null });

export class OrganisationsRepo implements OrganisationRepo {
  constructor(private readonly db: Conn) {}

  async get() {
    const row = await this.db<OrganisationRow>('organisations').select(...COLUMNS).first();
    return row ? toOrganisation(row) : undefined;
  }

  async insert(org: Omit<Organisation, 'id'>) {
    const [row] = await this.db<OrganisationRow>('organisations').insert({ name: org.name, time_zone: org.timeZone, public_url: org.publicUrl ?? null }).returning([...COLUMNS]);
    return toOrganisation(row!);
  }

  async update(patch: Partial<Omit<Organisation, 'id'>>) {
    const changes: Record<string, unknown> = { updated_at: this.db.fn.now() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.timeZone !== undefined) changes.time_zone = patch.timeZone;
    if (patch.publicUrl !== undefined) changes.public_url = patch.publicUrl;
    if (patch.triedQuestionAt !== undefined) changes.tried_question_at = patch.triedQuestionAt;
    const [row] = await this.db<OrganisationRow>('organisations').update(changes).returning([...COLUMNS]);
    return row ? toOrganisation(row) : undefined;
  }
}
