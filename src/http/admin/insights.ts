import { Router, type Request } from 'express';
import { humanize } from '../../lib/format.js';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { chart, formatValue, type ChartInput } from '../../lib/charts.js';
import { TRIGGER_KINDS, TRIGGER_LABELS } from '../../services/assistant/triggers/triggers.js';
import { PRESETS, unsureWhy } from '../../services/insights/insights-service.js';
import type { Metrics, MetricsBucket, Period } from '../../services/insights/types.js';
import { ValidationError } from '../../services/errors.js';
import { parseForm, submitForm } from '../forms.js';
import { requireUser } from '../middleware/require-role.js';
import { flash, navigate, render, safeReturnTo } from '../render.js';

const PeriodQuery = z.object({
  preset: z.enum(Object.keys(PRESETS) as [keyof typeof PRESETS]).optional().catch(undefined),
  from: z.string().max(20).optional().catch(undefined),
  to: z.string().max(20).optional().catch(undefined),
  interval: z.enum(['day', 'week']).optional().catch(undefined),
});
const DraftQuery = z.object({ message: z.string().max(100).optional().catch(undefined), returnTo: z.string().max(2000).optional().catch(undefined) });
const KnowledgeForm = z.object({
  question: z.string().max(5000).default(''),
  answer: z.string().max(50_000).default(''),
  messageId: z.string().max(100).optional(),
  returnTo: z.string().max(2000).optional(),
});

const TOP_TOPICS = 8;
/** The escalations page lists this many topics, biggest first: a long tail of one-offs helps nobody. */
const MAX_TOPICS_SHOWN = 50;

/** How the page names a bucket: "Nov 24", or "Week of Nov 23". */
function bucketLabel(start: string, interval: Period['interval']): string {
  const day = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${start}T00:00:00Z`));
  return interval === 'week' ? `Week of ${day}` : day;
}

const rate = (part: number, whole: number): number | null => (whole ? (part / whole) * 100 : null);

/** The dashboard's charts, from the metrics. */
function charts(m: Metrics): ReturnType<typeof chart>[] {
  const labels = m.buckets.map((b) => bucketLabel(b.start, m.period.interval));
  const per = m.period.interval === 'week' ? 'week' : 'day';
  const series = (name: string, value: (b: MetricsBucket) => number | null) => ({ name, values: m.buckets.map(value) });
  const reasons = TRIGGER_KINDS.filter((r) => m.totals.handoffs[r]);
  const inputs: ChartInput[] = [
    { id: 'conversations', kind: 'bars', unit: 'count', title: `Conversations per ${per}`, summary: `${m.totals.conversations} conversations in the period.`, labels, series: [series('Conversations', (b) => b.conversations)] },
    {
      id: 'rates',
      kind: 'line',
      unit: 'percent',
      title: `AI resolution rate and handoff rate per ${per}`,
      summary: `Of all conversations, ${formatValue(rate(m.totals.aiAlone, m.totals.conversations), 'percent')} were resolved by the AI alone and ${formatValue(rate(m.totals.handedOff, m.totals.conversations), 'percent')} were handed to the team.`,
      labels,
      series: [series('Resolved by the AI alone', (b) => rate(b.aiAlone, b.conversations)), series('Handed off', (b) => rate(b.handedOff, b.conversations))],
    },
    {
      id: 'reasons',
      kind: 'stacked',
      unit: 'count',
      title: `Handoffs by reason per ${per}`,
      summary: reasons.length ? reasons.map((r) => `${TRIGGER_LABELS[r]}: ${m.totals.handoffs[r]}`).join('; ') + '.' : 'No handoffs in the period.',
      labels,
      series: reasons.map((r) => series(TRIGGER_LABELS[r], (b) => b.handoffs[r] ?? 0)),
    },
    {
      id: 'times',
      kind: 'line',
      unit: 'minutes',
      title: 'Median first response after handoff, and time to resolution',
      summary: `Over the period: first response ${formatValue(m.totals.firstResponseMinutes, 'minutes')}, resolution ${formatValue(m.totals.resolutionMinutes, 'minutes')} (medians).`,
      labels,
      series: [series('First response', (b) => b.firstResponseMinutes), series('Resolution', (b) => b.resolutionMinutes)],
    },
    {
      id: 'satisfaction',
      kind: 'line',
      unit: 'percent',
      title: 'Satisfaction: CSAT (rated 4 or 5) and answers rated helpful',
      summary: `CSAT ${formatValue(rate(m.totals.csatSatisfied, m.totals.csatCount), 'percent')} from ${m.totals.csatCount} ratings; ${formatValue(rate(m.totals.answersHelpful, m.totals.answersHelpful + m.totals.answersUnhelpful), 'percent')} of ${m.totals.answersHelpful + m.totals.answersUnhelpful} rated answers were helpful.`,
      labels,
      series: [series('CSAT', (b) => rate(b.csatSatisfied, b.csatCount)), series('Helpful answers', (b) => rate(b.answersHelpful, b.answersHelpful + b.answersUnhelpful))],
    },
  ];
  return inputs.map(chart);
}

/** The metrics as CSV: one row per day or week, figures only (no text anyone typed). */
export function metricsCsv(m: Metrics): string {
  const header = ['period_start', 'conversations', 'ai_alone', 'ai_alone_rate', 'handed_off', 'handoff_rate', ...TRIGGER_KINDS.map((r) => `handoffs_${r}`), 'first_response_median_minutes', 'resolution_median_minutes', 'csat_ratings', 'csat_satisfied_rate', 'csat_average', 'answers_helpful', 'answers_unhelpful'];
  const fixed = (v: number | null, digits = 1) => (v === null ? '' : v.toFixed(digits));
  const rows = m.buckets.map((b) => [
    b.start,
    b.conversations,
    b.aiAlone,
    fixed(rate(b.aiAlone, b.conversations)),
    b.handedOff,
    fixed(rate(b.handedOff, b.conversations)),
    ...TRIGGER_KINDS.map((r) => b.handoffs[r] ?? 0),
    fixed(b.firstResponseMinutes),
    fixed(b.resolutionMinutes),
    b.csatCount,
    fixed(rate(b.csatSatisfied, b.csatCount)),
    fixed(b.csatAverage, 2),
    b.answersHelpful,
    b.answersUnhelpful,
  ]);
  return [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/**
 * Insights: the metrics dashboard, the escalation review, the content gaps and "Save as
 * knowledge". Every teammate may read them and save an answer: agents are the ones who answer
 * the questions the AI could not.
 */
export function insightsRoutes(c: { services: Pick<Container['services'], 'insights'> }): Router {
  const { insights } = c.services;
  const router = Router();
  router.use('/insights', requireUser);

  /** The period from the query; a mistake in custom dates falls back to the last 30 days, saying so. */
  async function periodOf(req: Request): Promise<{ period: Period; periodError?: string; query: string }> {
    const q = PeriodQuery.parse(req.query);
    let period: Period;
    let periodError: string | undefined;
    try {
      period = await insights.period(q);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      periodError = Object.values(err.fields ?? {})[0] ?? err.message;
      period = await insights.period({ interval: q.interval });
    }
    const query = new URLSearchParams({ from: period.fromDate, to: period.toDate, interval: period.interval }).toString();
    return { period, periodError, query, ...(q.preset && !periodError ? { preset: q.preset } : {}) };
  }

  // The layout's locals already carry currentPath and formatDateTime (in the organisation's time zone).
  const common = async (req: Request) => ({ ...(await periodOf(req)), presets: Object.keys(PRESETS), labels: TRIGGER_LABELS });

  router.get('/insights', async (req, res) => {
    const ctx = await common(req);
    const [metrics, review] = await Promise.all([insights.metrics(ctx.period), insights.review(ctx.period)]);
    const topics = review.topics.filter((t) => t.label).slice(0, TOP_TOPICS);
    const topicChart = chart({
      id: 'topics',
      kind: 'hbars',
      unit: 'count',
      title: 'Most escalated topics',
      summary: topics.map((t) => `${t.label}: ${t.count}`).join('; '),
      labels: topics.map((t) => t.label),
      series: [{ name: 'Escalations', values: topics.map((t) => t.count) }],
    });
    render(res, 'pages/insights/overview', { ...ctx, title: 'Insights', tab: 'overview', metrics, charts: charts(metrics), topicChart, review, rate, format: formatValue });
  });

  router.get('/insights/escalations', async (req, res) => {
    const ctx = await common(req);
    render(res, 'pages/insights/escalations', { ...ctx, title: 'Escalations · Insights', tab: 'escalations', review: await insights.review(ctx.period), unsureWhy, humanize, maxTopics: MAX_TOPICS_SHOWN });
  });

  router.get('/insights/gaps', async (req, res) => {
    const ctx = await common(req);
    render(res, 'pages/insights/gaps', { ...ctx, title: 'Content gaps · Insights', tab: 'gaps', gaps: await insights.gaps(ctx.period), unsureWhy });
  });

  router.get('/insights/metrics.csv', async (req, res) => {
    const { period } = await periodOf(req);
    const metrics = await insights.metrics(period);
    res
      .set('Content-Disposition', `attachment; filename="baton-metrics-${period.fromDate}-to-${period.toDate}-by-${period.interval}.csv"`)
      .type('text/csv')
      .send(metricsCsv(metrics));
  });

  /** The "Save as knowledge" form, filled from an agent's reply (or empty). */
  router.get('/insights/knowledge/new', async (req, res) => {
    const q = DraftQuery.parse(req.query);
    const draft = q.message ? await insights.draftFromMessage(q.message) : undefined;
    render(res, 'pages/insights/save', {
      title: 'Save as knowledge',
      values: { question: draft?.question ?? '', answer: draft?.answer ?? '', messageId: draft?.messageId ?? '', returnTo: safeReturnTo(q.returnTo ?? '/insights/gaps') },
      errors: {},
    });
  });

  router.post('/insights/knowledge', async (req, res) => {
    const form = parseForm(KnowledgeForm, req.body);
    const returnTo = safeReturnTo(form.returnTo ?? '/insights/gaps');
    await submitForm(
      res,
      'pages/insights/save',
      { ...form, returnTo },
      async () => {
        const source = await insights.saveAsKnowledge(req.user!, { question: form.question, answer: form.answer, messageId: form.messageId || undefined });
        flash(req, 'success', `Saved as knowledge: “${source.name}”. The AI answers from it from now on.`);
        navigate(req, res, returnTo);
      },
      { title: 'Save as knowledge' },
    );
  });

  return router;
}
