import { detectLanguage, isKnownLanguage } from '../../lib/language.js';
import { toSearchTerms } from '../../lib/search-query.js';
import { localDate, localMidnight } from '../availability/hours.js';
import { TRIGGER_LABELS, type TriggerKind } from '../assistant/triggers/triggers.js';
import { questionOf } from '../conversations/question.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { NewEmail } from '../followups/types.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Source } from '../knowledge/types.js';
import type { Clock, InsightsRepo, MessageRepo, OutboxRepo, UserRepo } from '../ports.js';
import type { Organisation, User } from '../team/types.js';
import { centralItem, groupByTopic, similarity, SIMILAR, termWeights, type Weights } from './topics.js';
import { emptyBucket, INTERVALS, type Escalation, type EscalationReview, type FixStatus, type Interval, type KnowledgeFix, type Metrics, type Period, type ReasonGroup, type Topic } from './types.js';

export interface InsightsServiceDeps {
  repo: InsightsRepo;
  knowledge: Pick<KnowledgeService, 'snippetFromAnswer'>;
  messages: Pick<MessageRepo, 'findById' | 'recent'>;
  users: Pick<UserRepo, 'list'>;
  organisation: () => Promise<Organisation | undefined>;
  outbox: Pick<OutboxRepo, 'enqueue' | 'findByKey'>;
  clock: Clock;
  /** Absolute links for emails: the insights pages. */
  urls: { insights: (path: string) => string };
}

export const PRESETS = { '7d': 7, '30d': 30, '90d': 90 } as const;
export type Preset = keyof typeof PRESETS;

/** The reasons that point at missing content; sensitive topics and operator rules go to the team by design. */
export const GAP_REASONS: readonly TriggerKind[] = ['unsure', 'dissatisfied', 'person_request'];

/** The most handoffs one reading groups: enough for months of a busy site, bounded for the page. */
const MAX_ESCALATIONS = 5000;
const EXAMPLES = 3;
const MAX_DAYS = 366;
/** "A person, please" with at most this many other words is no question of its own. */
const DAY = 86_400_000;
/** The local hour on Monday from which last week's digest goes out. */
const DIGEST_HOUR = 8;

/**
 * What the escalations teach: handoffs grouped by reason and by topic, the topics the AI could
 * not answer with the team's own answers beside them, saving such an answer as knowledge, the
 * metrics, and the weekly digest.
 */
export class InsightsService {
  constructor(private readonly deps: InsightsServiceDeps) {}

  /**
   * The period asked for: a preset (the last 7, 30 or 90 days, today included) or from/to dates,
   * read in the organisation's time zone.
   */
  async period(input: { preset?: string; from?: string; to?: string; interval?: string }): Promise<Period> {
    const timeZone = (await this.deps.organisation())?.timeZone ?? 'UTC';
    const interval: Interval = (INTERVALS as readonly string[]).includes(input.interval ?? '') ? (input.interval as Interval) : 'day';
    const today = localDate(this.deps.clock.now(), timeZone);
    let fromDate: string;
    let toDate: string;
    if (input.from || input.to) {
      const fields: Record<string, string> = {};
      const valid = (d: string | undefined) => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
      if (!valid(input.from)) fields.from = 'Enter a date such as 2026-11-01.';
      if (!valid(input.to)) fields.to = 'Enter a date such as 2026-11-30.';
      if (!Object.keys(fields).length && input.from! > input.to!) fields.to = 'The end must not be before the start.';
      if (!Object.keys(fields).length && daysBetween(input.from!, input.to!) >= MAX_DAYS) fields.to = `Choose at most ${MAX_DAYS} days.`;
      if (Object.keys(fields).length) throw new ValidationError('Please correct the dates.', fields);
      fromDate = input.from!;
      toDate = input.to!;
    } else {
      const days = PRESETS[(input.preset ?? '30d') as Preset] ?? PRESETS['30d'];
      toDate = today;
      fromDate = addDays(today, -(days - 1));
    }
    return { fromDate, toDate, from: localMidnight(fromDate, timeZone), to: localMidnight(addDays(toDate, 1), timeZone), interval, timeZone };
  }

  /** Escalations of the period, grouped by reason and by topic. */
  async review(period: Period): Promise<EscalationReview> {
    const escalations = await this.#escalations(period);
    const byReason = new Map<TriggerKind, Escalation[]>();
    for (const e of escalations) {
      const list = byReason.get(e.reason);
      if (list) list.push(e);
      else byReason.set(e.reason, [e]);
    }
    const reasons: ReasonGroup[] = [...byReason.entries()]
      .map(([reason, list]) => ({
        reason,
        label: TRIGGER_LABELS[reason] ?? reason,
        count: list.length,
        share: list.length / escalations.length,
        lastSeen: list[0]!.at,
        examples: list.filter((e) => e.question).slice(0, EXAMPLES),
      }))
      .sort((a, b) => b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime());
    return { period, total: escalations.length, byReason: reasons, topics: await this.#topics(escalations) };
  }

  /**
   * The content gaps: topics of the handoffs that point at missing content, the ones still open
   * first (never fixed, or back since the fix), most asked first; each with the team's answers.
   */
  async gaps(period: Period): Promise<Topic[]> {
    const escalations = (await this.#escalations(period)).filter((e) => e.question && GAP_REASONS.includes(e.reason));
    const topics = await this.#topics(escalations);
    const open = (t: Topic) => !t.fix || t.fix.cameBack > 0;
    return topics.sort((a, b) => Number(open(b)) - Number(open(a)) || b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime());
  }

  async #escalations(period: Period): Promise<Escalation[]> {
    const records = await this.deps.repo.escalations(period.from, period.to, MAX_ESCALATIONS);
    const questions = records.map(questionOf);
    const terms = await this.#terms(questions.map((q, i) => (q ? { text: q, language: records[i]!.language } : undefined)));
    return records.map((r, i) => ({ ...r, question: questions[i] ?? null, terms: terms[i]! }));
  }

  /**
   * Stemmed key terms of each text (none for a missing one), filler and stop words left out.
   * Each is stemmed as the conversation's language (the widget's; detected when there is none)
   * and as English, the stems together: visitors mix in English product words, and a question
   * then shares its stems with its paraphrases whichever reading was right.
   */
  async #terms(texts: ({ text: string; language: string | null } | undefined)[]): Promise<string[][]> {
    const items = texts.map((t) => {
      if (!t) return { text: '', languages: [] };
      // Detection is a last resort (and not cheap): it reads "Can I download an invoice in PDF format?" as Irish.
      const detected = t.language ? undefined : detectLanguage(t.text, 'en');
      const own = t.language ?? (detected && isKnownLanguage(detected) ? detected : 'en');
      const languages = [...new Set([own, 'en'])];
      return { text: toSearchTerms(t.text, languages[0]).text, languages };
    });
    return this.deps.repo.lexemes(items);
  }

  async #topics(escalations: Escalation[]): Promise<Topic[]> {
    const weight = termWeights(escalations);
    const fixes = await this.deps.repo.fixes();
    const topics: Topic[] = groupByTopic(escalations).map((group) => {
      const central = group[0]!.terms.length ? centralItem(group, weight) : undefined;
      const reasons: Topic['reasons'] = {};
      for (const e of group) reasons[e.reason] = (reasons[e.reason] ?? 0) + 1;
      return {
        key: central ? `${central.conversationId}-${central.episode}` : 'no-question',
        label: central?.question ?? '',
        count: group.length,
        lastSeen: group[0]!.at,
        reasons,
        escalations: group,
        agentAnswers: group.flatMap((e) => (e.agentReply ? [e.agentReply] : [])),
        fix: central ? fixStatus(group, fixes, weight) : null,
      };
    });
    // How often the AI cited each fix's snippet since: one query for every topic of the reading.
    const fixed = topics.flatMap((t) => (t.fix?.fix.sourceId ? [{ sourceId: t.fix.fix.sourceId, since: t.fix.fix.createdAt }] : []));
    const cited = await this.deps.repo.citedSince(fixed);
    for (const t of topics) if (t.fix?.fix.sourceId) t.fix.answeredByAi = cited.get(t.fix.fix.sourceId) ?? 0;
    return topics;
  }

  /** The dashboard's figures per day or week, every bucket of the period present, and their totals. */
  async metrics(period: Period): Promise<Metrics> {
    const [found, medians] = await Promise.all([this.deps.repo.metrics(period), this.deps.repo.periodMedians(period)]);
    const byStart = new Map(found.map((b) => [b.start, b]));
    const buckets = bucketStarts(period).map((start) => byStart.get(start) ?? emptyBucket(start));
    const totals = emptyBucket('');
    let csatSum = 0;
    for (const b of buckets) {
      totals.conversations += b.conversations;
      totals.aiAlone += b.aiAlone;
      totals.handedOff += b.handedOff;
      for (const [reason, n] of Object.entries(b.handoffs) as [TriggerKind, number][]) totals.handoffs[reason] = (totals.handoffs[reason] ?? 0) + n;
      totals.csatCount += b.csatCount;
      totals.csatSatisfied += b.csatSatisfied;
      csatSum += (b.csatAverage ?? 0) * b.csatCount;
      totals.answersHelpful += b.answersHelpful;
      totals.answersUnhelpful += b.answersUnhelpful;
    }
    totals.csatAverage = totals.csatCount ? csatSum / totals.csatCount : null;
    totals.firstResponseMinutes = medians.firstResponseMinutes;
    totals.resolutionMinutes = medians.resolutionMinutes;
    const { start: _start, ...rest } = totals;
    return { period, buckets, totals: rest };
  }

  /**
   * What the "Save as knowledge" form starts from: the agent's reply, and the visitor's question
   * it answered (the last one they asked before it).
   */
  async draftFromMessage(messageId: string): Promise<{ question: string; answer: string; messageId: string; conversationId: string }> {
    const message = await this.deps.messages.findById(messageId);
    if (!message || message.author !== 'agent' || message.internal) throw new NotFoundError('That reply no longer exists, or it is not a reply a teammate sent.');
    const before = await this.deps.messages.recent(message.conversationId, 12, { before: message.createdAt, episode: message.episode });
    const asked = before.filter((m) => m.author === 'visitor').reverse();
    const question = questionOf({ visitorMessages: asked.map((m) => ({ id: m.id, text: m.text })) }) ?? asked[0]?.text ?? '';
    return { question: question.slice(0, 300), answer: message.text, messageId: message.id, conversationId: message.conversationId };
  }

  /**
   * Saves a teammate's answer (edited, if they wished) as a Q&A snippet, indexed at once, and
   * records it as the fix of the question, so the gaps page can mark the topic addressed and tell
   * whether it comes back.
   */
  async saveAsKnowledge(actor: User, input: { question: string; answer: string; messageId?: string }): Promise<Source> {
    const origin = input.messageId ? await this.draftFromMessage(input.messageId) : undefined;
    const source = await this.deps.knowledge.snippetFromAnswer(actor, { question: input.question, answer: input.answer });
    const [terms] = await this.#terms([{ text: source.name, language: null }]);
    await this.deps.repo.insertFix({
      sourceId: source.id,
      question: source.name,
      terms: terms ?? [],
      conversationId: origin?.conversationId ?? null,
      messageId: origin?.messageId ?? null,
      createdBy: actor.id,
      createdAt: this.deps.clock.now(),
    });
    return source;
  }

  /**
   * Last week's digest for every active admin who wants it, through the outbox: volumes, the AI
   * resolution rate, the top open gaps with links. The outbox key is the week and the admin, so
   * however often this runs (two replicas, a restart) each admin gets one per week. It goes out
   * from Monday 08:00 in the organisation's time zone, or at the first run after (a server that
   * was down catches up). A week with no conversations sends nothing.
   */
  async weeklyDigest(): Promise<{ queued: number; week: string }> {
    const org = await this.deps.organisation();
    const timeZone = org?.timeZone ?? 'UTC';
    const today = localDate(this.deps.clock.now(), timeZone);
    const monday = mondayOf(today);
    // Monday morning, not at midnight: the digest is read with the week's first coffee.
    if (this.deps.clock.now().getTime() < localMidnight(monday, timeZone).getTime() + DIGEST_HOUR * 3_600_000) return { queued: 0, week: addDays(monday, -14) };
    const lastMonday = addDays(monday, -7);
    // The job runs hourly all week: once every admin has this week's, there is nothing to work out.
    const key = (u: User) => `digest:${lastMonday}:${u.id}`;
    const wanting = (await this.deps.users.list()).filter((u) => u.active && u.role === 'admin' && u.weeklyDigest);
    const admins = (await Promise.all(wanting.map(async (u) => ((await this.deps.outbox.findByKey(key(u))) ? [] : [u])))).flat();
    if (!admins.length) return { queued: 0, week: lastMonday };
    const period = await this.period({ from: lastMonday, to: addDays(monday, -1), interval: 'week' });
    const metrics = await this.metrics(period);
    const t = metrics.totals;
    if (!t.conversations) return { queued: 0, week: lastMonday };
    const gaps = (await this.gaps(period)).filter((g) => !g.fix || g.fix.cameBack > 0).slice(0, 5);
    const query = `from=${period.fromDate}&to=${period.toDate}`;
    const data = {
      org: org?.name ?? 'Baton',
      week: `${period.fromDate} – ${period.toDate}`,
      conversations: t.conversations,
      aiRate: percent(t.aiAlone, t.conversations),
      handedOff: t.handedOff,
      handoffRate: percent(t.handedOff, t.conversations),
      firstResponse: t.firstResponseMinutes === null ? null : Math.round(t.firstResponseMinutes),
      csat: t.csatCount ? percent(t.csatSatisfied, t.csatCount) : null,
      csatCount: t.csatCount,
      gaps: gaps.map((g) => ({ label: g.label, count: g.count, link: this.deps.urls.insights(`/insights/gaps?${query}#topic-${g.key}`) })),
      link: this.deps.urls.insights(`/insights?${query}&interval=day`),
      account: this.deps.urls.insights('/account'),
    };
    const emails: NewEmail[] = admins.map((u) => ({
      key: key(u),
      kind: 'digest',
      conversationId: null,
      to: u.email,
      subject: `${data.org} support, week of ${lastMonday}: ${t.conversations} conversations, ${data.aiRate}% answered by the AI`,
      template: 'weekly-digest',
      data: { ...data, name: u.name },
    }));
    return { queued: await this.deps.outbox.enqueue(emails), week: lastMonday };
  }
}

/**
 * The latest fix of this topic (saved from one of its conversations, or for a question like one
 * of its own), and how often the question came back since; `answeredByAi` is filled in by the caller.
 */
function fixStatus(group: Escalation[], fixes: KnowledgeFix[], weight: Weights): FixStatus | null {
  const conversations = new Set(group.map((e) => e.conversationId));
  const words = new Set(group.flatMap((e) => e.terms));
  const fix = fixes.find(
    (f) => (f.conversationId && conversations.has(f.conversationId)) || (f.terms.some((t) => words.has(t)) && group.some((e) => similarity(f.terms, e.terms, weight) >= SIMILAR)),
  );
  if (!fix) return null;
  const since = group.filter((e) => e.at.getTime() > fix.createdAt.getTime());
  return { fix, cameBack: since.length, lastCameBack: since[0]?.at ?? null, answeredByAi: 0 };
}

/** The "why not enough" of an unsure handoff, for the agent reading the review. */
export function unsureWhy(e: Escalation): string {
  if (!e.answer) return e.evidence;
  const { retrieved, searched } = e.answer;
  if (!retrieved.length) return `The search found no passage for ${searched.length ? `“${searched.join(' ')}”` : 'this question'}.`;
  if (!retrieved.some((r) => r.cited)) return `It was given ${retrieved.length} passage${retrieved.length === 1 ? '' : 's'} and cited none: they did not answer the question (${e.evidence}).`;
  return `It cited what it found but was not confident (${e.evidence}).`;
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The Monday of the week `date` (YYYY-MM-DD) falls in. */
function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The first local date of every day or week (Monday) the period touches. */
function bucketStarts(p: Period): string[] {
  let start = p.fromDate;
  if (p.interval === 'week') start = mondayOf(start);
  const out: string[] = [];
  for (let d = start; d <= p.toDate; d = addDays(d, p.interval === 'week' ? 7 : 1)) out.push(d);
  return out;
}
