import { compilePattern } from '../../lib/patterns.js';
import { changes, type Authority } from '../audit/authority.js';
import type { AuditActor } from '../audit/types.js';
import { ValidationError } from '../errors.js';
import type { HandoffSettingsRepo } from '../ports.js';
import { DEFAULT_SENSITIVE_CATEGORIES, TRIGGER_LANGUAGES, type PhraseList, type SensitiveCategory, type TriggerLanguage } from './triggers/defaults.js';
import { compileCategories, triggerBeforeAnswer, type CompiledCategory, type OperatorRule, type Trigger } from './triggers/triggers.js';

/** What the message flow needs: the categories compiled, and the rules. */
export interface ActiveTriggers {
  categories: CompiledCategory[];
  rules: OperatorRule[];
}

export interface CategoryInput {
  key?: string;
  name: string;
  enabled: boolean;
  /** Phrases one per line; a line "[da]" starts the phrases of that language. */
  phrases: string;
}

export interface RuleInput {
  name: string;
  enabled: boolean;
  phrases: string;
  pattern: string;
  pageUrlContains: string;
  emailDomains: string;
  aiAnswersInRow: string;
  negativeFeedback: string;
}

const MAX_CATEGORIES = 30;
const MAX_RULES = 50;
const MAX_PHRASES = 500;
const MAX_PHRASE_CHARS = 200;

/** Phrases as the settings page shows them: grouped by language under "[xx]" lines. */
export function formatPhrases(list: PhraseList): string {
  return TRIGGER_LANGUAGES.filter((l) => list[l]?.length)
    .map((l) => `[${l}]\n${list[l]!.join('\n')}`)
    .join('\n\n');
}

/** The reverse of formatPhrases; phrases before any "[xx]" line count as English. */
export function parsePhrases(text: string): { list: PhraseList; error?: string } {
  const list: PhraseList = {};
  let language: TriggerLanguage = 'en';
  let count = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const header = /^\[([a-z]{2})\]$/i.exec(line);
    if (header) {
      const code = header[1]!.toLowerCase();
      if (!(TRIGGER_LANGUAGES as readonly string[]).includes(code)) return { list, error: `"[${code}]" is not one of the languages: ${TRIGGER_LANGUAGES.join(', ')}.` };
      language = code as TriggerLanguage;
      continue;
    }
    if (line.length > MAX_PHRASE_CHARS) return { list, error: `A phrase is longer than ${MAX_PHRASE_CHARS} characters.` };
    if (++count > MAX_PHRASES) return { list, error: `At most ${MAX_PHRASES} phrases.` };
    (list[language] ??= []).push(line);
  }
  return { list };
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 40) || 'category';

const lines = (text: string) => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

/**
 * The operator's side of the handoff triggers: which sensitive categories escalate without an AI
 * attempt (Baton's defaults until edited), which rules hand off, and a "test a message" that
 * shows which trigger fires and why, exactly as a visitor's message would be judged.
 */
export class HandoffSettingsService {
  /** Compiled triggers and the settings' updated_at they came from. */
  #cache: { version: number; active: ActiveTriggers } | undefined;

  constructor(private readonly deps: { settings: HandoffSettingsRepo; authority: Pick<Authority, 'perform'> }) {}

  async settings(): Promise<{ categories: SensitiveCategory[]; rules: OperatorRule[] }> {
    const stored = await this.deps.settings.get();
    return { categories: stored.categories ?? DEFAULT_SENSITIVE_CATEGORIES, rules: stored.rules ?? [] };
  }

  /**
   * Compiled once per change of the settings. Each message costs one small read of updated_at,
   * so a change saved on any replica applies to the next message everywhere.
   */
  async active(): Promise<ActiveTriggers> {
    const version = (await this.deps.settings.updatedAt())?.getTime() ?? 0;
    if (this.#cache?.version !== version) {
      const s = await this.settings();
      this.#cache = { version, active: { categories: compileCategories(s.categories), rules: s.rules } };
    }
    return this.#cache.active;
  }

  async saveCategories(actor: AuditActor, input: CategoryInput[]): Promise<void> {
    const before = (await this.settings()).categories;
    await this.deps.authority.perform(actor, 'settings.changed', () => this.#saveCategories(input), (after) => ({ target: 'Handoff: sensitive topics', details: changes(summary(before), summary(after)) }));
  }

  async #saveCategories(input: CategoryInput[]): Promise<SensitiveCategory[]> {
    const fields: Record<string, string> = {};
    const categories: SensitiveCategory[] = [];
    const keys = new Set<string>();
    input.forEach((c, i) => {
      const name = c.name.trim();
      if (!name && !c.phrases.trim()) return; // the empty "new category" row
      if (!name || name.length > 80) fields[`c${i}_name`] = 'Give the category a name (at most 80 characters).';
      const { list, error } = parsePhrases(c.phrases);
      if (error) fields[`c${i}_phrases`] = error;
      else if (!Object.keys(list).length) fields[`c${i}_phrases`] = 'Add at least one phrase.';
      let key = c.key?.trim() || slug(name);
      while (keys.has(key)) key = `${key}_2`;
      keys.add(key);
      categories.push({ key, name, enabled: c.enabled, phrases: list });
    });
    if (categories.length > MAX_CATEGORIES) fields.form = `At most ${MAX_CATEGORIES} categories.`;
    if (Object.keys(fields).length) throw new ValidationError('Some categories need fixing.', fields);
    await this.deps.settings.save({ categories });
    return categories;
  }

  async saveRules(actor: AuditActor, input: RuleInput[]): Promise<void> {
    const before = (await this.settings()).rules;
    await this.deps.authority.perform(actor, 'settings.changed', () => this.#saveRules(input), (after) => ({ target: 'Handoff: rules', details: changes(summary(before), summary(after)) }));
  }

  async #saveRules(input: RuleInput[]): Promise<OperatorRule[]> {
    const fields: Record<string, string> = {};
    const rules: OperatorRule[] = [];
    input.forEach((r, i) => {
      const name = r.name.trim();
      const rule: OperatorRule = { name, enabled: r.enabled };
      const phrases = lines(r.phrases);
      if (phrases.length) rule.phrases = phrases;
      const pattern = r.pattern.trim();
      if (pattern) {
        try {
          compilePattern(pattern);
          rule.pattern = pattern;
        } catch (e) {
          fields[`r${i}_pattern`] = `Not a pattern Baton can run safely: ${(e as Error).message}. Backreferences and lookarounds are not supported.`;
        }
      }
      if (r.pageUrlContains.trim()) rule.pageUrlContains = r.pageUrlContains.trim();
      const domains = lines(r.emailDomains).map((d) => d.replace(/^@/, '').toLowerCase());
      if (domains.some((d) => !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d))) fields[`r${i}_emailDomains`] = 'Write domains like example.com, one per line.';
      else if (domains.length) rule.emailDomains = domains;
      for (const key of ['aiAnswersInRow', 'negativeFeedback'] as const) {
        const v = r[key].trim();
        if (!v) continue;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 100) fields[`r${i}_${key}`] = 'A whole number from 1 to 100.';
        else rule[key] = n;
      }
      const conditions = Object.keys(rule).length - 2;
      if (!name && !conditions) return; // the empty "new rule" row
      if (!name || name.length > 80) fields[`r${i}_name`] = 'Give the rule a name (at most 80 characters).';
      if (!conditions) fields[`r${i}_name`] ??= 'Give the rule at least one condition.';
      rules.push(rule);
    });
    if (rules.length > MAX_RULES) fields.form = `At most ${MAX_RULES} rules.`;
    if (Object.keys(fields).length) throw new ValidationError('Some rules need fixing.', fields);
    await this.deps.settings.save({ rules });
    return rules;
  }

  /** Which trigger a message would fire before any AI answer, and why; undefined: the AI answers. */
  async test(input: { text: string; pageUrl?: string; email?: string; aiAnswersInRow?: number }): Promise<Trigger | undefined> {
    const text = input.text.trim();
    if (!text) throw new ValidationError('Write a message to test.', { text: 'Write a message to test.' });
    const active = await this.active();
    return triggerBeforeAnswer({
      text: text.slice(0, 4000),
      pageUrl: input.pageUrl?.trim() || null,
      email: input.email?.trim().toLowerCase() || null,
      aiAnswersInRow: input.aiAnswersInRow ?? 0,
      negativeFeedback: 0,
      dissatisfiedBefore: 0,
      categories: active.categories,
      rules: active.rules,
    });
  }
}

/** Categories or rules as the audit log shows them: each by name, with what it holds. */
function summary(items: ({ name: string; enabled: boolean } & object)[]): Record<string, unknown> {
  return Object.fromEntries(items.map((item) => { const { name, ...rest } = item; return [name || '(unnamed)', rest]; }));
}
