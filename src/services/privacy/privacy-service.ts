import type { AuditLog } from '../audit/audit-log.js';
import type { Authority } from '../audit/authority.js';
import { changes } from '../audit/authority.js';
import { maskEmail, type AuditActor } from '../audit/types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock, PrivacyRepo } from '../ports.js';
import { MAX_RETENTION_DAYS, type ErasureResult, type PrivacySettings, type PurgeResult, type VisitorExport, type VisitorFootprint } from './types.js';

export interface PrivacyServiceDeps {
  repo: PrivacyRepo;
  /** Deletes a snippet from the search index, then from Postgres. */
  knowledge: { deleteSource(actor: 'system', id: string): Promise<void> };
  audit: Pick<AuditLog, 'record'>;
  /** Checks and records who changes retention and who exports or erases a visitor's data. */
  authority: Pick<Authority, 'perform' | 'check'>;
  clock: Clock;
}

const DAY_MS = 86_400_000;
/** Conversations are deleted in batches, so a first purge of years of data holds no huge transaction. */
const PURGE_BATCH = 500;

/** Where an admin action came from, for the audit log. */
export interface RequestContext {
  ip?: string | null;
}


function normalEmail(email: string): string {
  const clean = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(clean) || clean.length > 320) throw new ValidationError('Enter the email address the visitor gave.', { email: 'Enter an email address, like name@example.com.' });
  return clean;
}

/**
 * What visitors leave behind, kept only as long as the organisation allows (retention), handed
 * over or erased on request (an admin or `baton visitor`), with each of these in the audit log.
 */
export class PrivacyService {
  constructor(private readonly deps: PrivacyServiceDeps) {}

  settings(): Promise<PrivacySettings> {
    return this.deps.repo.settings();
  }

  /** Whether earlier turns of a conversation may be sent to the LLM with a question. */
  async llmHistory(): Promise<boolean> {
    return (await this.deps.repo.settings()).llmHistory;
  }

  async saveSettings(actor: AuditActor, input: { conversationDays: unknown; visitorDataDays: unknown; emailRecordDays: unknown; llmHistory: boolean }): Promise<PrivacySettings> {
    const before = await this.deps.repo.settings();
    return this.deps.authority.perform(actor, 'settings.changed', () => this.#saveSettings(input), (after) => ({ target: 'Privacy', details: changes(before, after) }));
  }

  async #saveSettings(input: { conversationDays: unknown; visitorDataDays: unknown; emailRecordDays: unknown; llmHistory: boolean }): Promise<PrivacySettings> {
    const fields: Record<string, string> = {};
    const days = (name: string, value: unknown): number | null => {
      if (value === undefined || value === null || value === '') return null;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > MAX_RETENTION_DAYS) {
        fields[name] = `A whole number of days from 1 to ${MAX_RETENTION_DAYS}, or empty to keep it.`;
        return null;
      }
      return n;
    };
    const settings: PrivacySettings = {
      conversationDays: days('conversationDays', input.conversationDays),
      visitorDataDays: days('visitorDataDays', input.visitorDataDays),
      emailRecordDays: days('emailRecordDays', input.emailRecordDays),
      llmHistory: input.llmHistory,
    };
    if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);
    await this.deps.repo.saveSettings(settings);
    return settings;
  }

  /** The address as given, its visitors and their conversations: what export and erasure start from. */
  async #lookup(email: string) {
    const address = normalEmail(email);
    const visitors = await this.deps.repo.visitorsByEmail(address);
    const conversationIds = await this.deps.repo.conversationIdsOf(visitors.map((v) => v.id));
    return { address, visitors, conversationIds };
  }

  /** Snippets saved from these conversations, deleted from the search index first, then Postgres. */
  async #deleteSnippetsFrom(conversationIds: string[]): Promise<number> {
    const snippets = await this.deps.repo.derivedSources(conversationIds);
    for (const s of snippets) await this.deps.knowledge.deleteSource('system', s.id);
    return snippets.length;
  }

  /**
   * What Baton holds for an email address, or undefined when it holds nothing. Looking is
   * recorded too: the log says who looked at whose data.
   */
  async footprint(actor: AuditActor, email: string, ctx: RequestContext & { shownAgain?: boolean } = {}): Promise<VisitorFootprint | undefined> {
    // The same lookup shown again under a form that needs correcting: checked, not recorded twice.
    if (ctx.shownAgain) {
      this.deps.authority.check(actor, 'visitor.looked_up');
      return this.#footprint(email);
    }
    return this.deps.authority.perform(actor, 'visitor.looked_up', () => this.#footprint(email), (found) => ({ target: maskEmail(normalEmail(email)), details: { found: !!found } }), ctx);
  }

  async #footprint(email: string): Promise<VisitorFootprint | undefined> {
    const { address, visitors, conversationIds } = await this.#lookup(email);
    const counts = await this.deps.repo.visitorFootprint(conversationIds, address);
    if (!visitors.length && !counts.emails) return undefined;
    const snippets = await this.deps.repo.derivedSources(conversationIds);
    const seen = visitors.map((v) => v.createdAt.getTime());
    const last = visitors.map((v) => v.lastSeenAt.getTime());
    return {
      email: address,
      visitors: visitors.length,
      ...counts,
      snippets,
      firstSeenAt: new Date(seen.length ? Math.min(...seen) : 0),
      lastSeenAt: new Date(last.length ? Math.max(...last) : 0),
    };
  }

  async exportVisitor(actor: AuditActor, email: string, ctx: RequestContext = {}): Promise<VisitorExport> {
    const read = async () => {
      const { address, visitors, conversationIds } = await this.#lookup(email);
      const data = await this.deps.repo.visitorData(conversationIds, address);
      if (!visitors.length && !data.emails.length) throw new NotFoundError('Baton holds nothing for that email address.');
      return { address, visitors, data };
    };
    const { address, visitors, data } = await this.deps.authority.perform(
      actor,
      'visitor.exported',
      read,
      (r) => ({ target: maskEmail(r.address), details: { visitors: r.visitors.length, conversations: r.data.conversations.length, emails: r.data.emails.length } }),
      ctx,
    );
    return {
      format: 'baton.visitor-export.v1',
      exportedAt: this.deps.clock.now().toISOString(),
      email: address,
      visitors: visitors.map((v) => ({ id: v.id, email: v.email, name: v.name, language: v.language, timeZone: v.timeZone, createdAt: v.createdAt, lastSeenAt: v.lastSeenAt, emailConsentAt: v.emailConsentAt })),
      ...data,
    };
  }

  /**
   * Deletes everything about an email address: its visitors, their conversations and what hangs off
   * them, emails to it (queued or sent), and snippets saved from their conversations (from the
   * search index first: if the index is unreachable nothing else is deleted, and it can be retried).
   */
  async eraseVisitor(actor: AuditActor, email: string, ctx: RequestContext = {}): Promise<ErasureResult> {
    const address = normalEmail(email);
    const erase = async () => {
      const { visitors, conversationIds } = await this.#lookup(email);
      if (!visitors.length && !(await this.deps.repo.visitorFootprint([], address)).emails) throw new NotFoundError('Baton holds nothing for that email address.');
      const snippets = await this.#deleteSnippetsFrom(conversationIds);
      const erased = await this.deps.repo.eraseVisitors(visitors.map((v) => v.id), address);
      return { ...erased, snippets };
    };
    return this.deps.authority.perform(actor, 'visitor.erased', erase, (result) => ({ target: maskEmail(address), details: { ...result } }), ctx);
  }

  /**
   * The daily retention run: deletes what is past each configured period. Safe to run twice and
   * on any replica (the job holds an advisory lock); it records what it deleted, when anything.
   */
  async purge(): Promise<PurgeResult> {
    const settings = await this.deps.repo.settings();
    const now = this.deps.clock.now().getTime();
    const result: PurgeResult = { conversations: 0, messages: 0, snippets: 0, visitorsDeleted: 0, visitorsAnonymised: 0, queuedEmails: 0, emailRecords: 0 };
    if (settings.conversationDays) {
      const before = new Date(now - settings.conversationDays * DAY_MS);
      for (;;) {
        const ids = await this.deps.repo.staleConversations(before, PURGE_BATCH);
        if (!ids.length) break;
        result.snippets += await this.#deleteSnippetsFrom(ids);
        const deleted = await this.deps.repo.deleteConversations(ids);
        result.conversations += deleted.conversations;
        result.messages += deleted.messages;
        if (ids.length < PURGE_BATCH) break;
      }
    }
    if (settings.visitorDataDays) {
      const forgotten = await this.deps.repo.forgetVisitors(new Date(now - settings.visitorDataDays * DAY_MS));
      result.visitorsDeleted = forgotten.visitorsDeleted;
      result.visitorsAnonymised = forgotten.visitorsAnonymised;
      result.queuedEmails = forgotten.queuedEmails;
    }
    if (settings.emailRecordDays) result.emailRecords = await this.deps.repo.deleteEmailRecords(new Date(now - settings.emailRecordDays * DAY_MS));
    if (Object.values(result).some((n) => n > 0)) {
      await this.deps.audit.record({ action: 'retention.purged', actor: 'system', details: { ...result, settings: { conversationDays: settings.conversationDays, visitorDataDays: settings.visitorDataDays, emailRecordDays: settings.emailRecordDays } } });
    }
    return result;
  }
}
