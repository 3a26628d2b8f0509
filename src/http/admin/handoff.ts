import { Router } from 'express';
import type { User } from '../../services/team/types.js';
import { z } from 'zod';
import { formatPhrases, type CategoryInput, type HandoffSettingsService, type RuleInput } from '../../services/assistant/handoff-settings-service.js';
import { TRIGGER_LABELS } from '../../services/assistant/triggers/triggers.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const TestForm = z.object({
  text: z.string().max(4000, 'At most 4,000 characters.').default(''),
  pageUrl: z.string().max(2000).default(''),
  email: z.string().max(320).default(''),
});
const MAX_ROWS = 100;

type Body = Record<string, unknown>;
const str = (body: Body, key: string) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, 50_000) : '');
/** How many numbered rows the form posted (c0_…, c1_… or r0_…), capped. */
const rowCount = (body: Body, prefix: string) => {
  let n = 0;
  while (n < MAX_ROWS && `${prefix}${n}_name` in body) n++;
  return n;
};

function categoriesFrom(body: Body): CategoryInput[] {
  return Array.from({ length: rowCount(body, 'c') }, (_, i) => ({
    key: str(body, `c${i}_key`),
    name: str(body, `c${i}_name`),
    enabled: body[`c${i}_enabled`] === 'on',
    phrases: str(body, `c${i}_phrases`),
  }));
}

function rulesFrom(body: Body): RuleInput[] {
  return Array.from({ length: rowCount(body, 'r') }, (_, i) => ({
    name: str(body, `r${i}_name`),
    enabled: body[`r${i}_enabled`] === 'on',
    phrases: str(body, `r${i}_phrases`),
    pattern: str(body, `r${i}_pattern`),
    pageUrlContains: str(body, `r${i}_pageUrlContains`),
    emailDomains: str(body, `r${i}_emailDomains`),
    aiAnswersInRow: str(body, `r${i}_aiAnswersInRow`),
    negativeFeedback: str(body, `r${i}_negativeFeedback`),
  }));
}

/** Settings › Handoff: sensitive categories, rules, and a box to test a message against them. */
export function handoffRoutes(handoff: HandoffSettingsService): Router {
  const router = Router();
  router.use('/settings/handoff', requireRole('admin'));

  /** The page's rows as the form shows them, with one empty row to add a new one. */
  const page = async (posted?: { categories?: CategoryInput[]; rules?: RuleInput[] }) => {
    const s = await handoff.settings();
    const categories = posted?.categories ?? s.categories.map((c) => ({ key: c.key, name: c.name, enabled: c.enabled, phrases: formatPhrases(c.phrases) }));
    const rules =
      posted?.rules ??
      s.rules.map((r) => ({
        name: r.name,
        enabled: r.enabled,
        phrases: (r.phrases ?? []).join('\n'),
        pattern: r.pattern ?? '',
        pageUrlContains: r.pageUrlContains ?? '',
        emailDomains: (r.emailDomains ?? []).join('\n'),
        aiAnswersInRow: r.aiAnswersInRow ? String(r.aiAnswersInRow) : '',
        negativeFeedback: r.negativeFeedback ? String(r.negativeFeedback) : '',
      }));
    const blankCategory: CategoryInput = { key: '', name: '', enabled: true, phrases: '' };
    const blankRule: RuleInput = { name: '', enabled: true, phrases: '', pattern: '', pageUrlContains: '', emailDomains: '', aiAnswersInRow: '', negativeFeedback: '' };
    return { title: 'Handoff settings', categories: posted?.categories ? categories : [...categories, blankCategory], rules: posted?.rules ? rules : [...rules, blankRule], reasons: TRIGGER_LABELS, values: {}, errors: {} };
  };

  router.get('/settings/handoff', async (_req, res) => {
    render(res, 'pages/admin/handoff', await page());
  });

  /** Saves one of the page's two forms; on a mistake, the page again with what was typed. */
  const saveSection = <T>(path: string, read: (body: Body) => T[], save: (actor: User, rows: T[]) => Promise<void>, saved: string, posted: (rows: T[]) => Parameters<typeof page>[0]) =>
    router.post(path, async (req, res) => {
      const rows = read((req.body ?? {}) as Body);
      await submitForm(res, 'pages/admin/handoff', {}, async () => {
        await save(req.user as User, rows);
        flash(req, 'success', `${saved} They apply to the next message.`);
        navigate(req, res, '/settings/handoff');
      }, () => page(posted(rows)));
    });
  saveSection('/settings/handoff/categories', categoriesFrom, (actor, rows) => handoff.saveCategories(actor, rows), 'Sensitive categories saved.', (categories) => ({ categories }));
  saveSection('/settings/handoff/rules', rulesFrom, (actor, rows) => handoff.saveRules(actor, rows), 'Rules saved.', (rules) => ({ rules }));

  router.post('/settings/handoff/test', async (req, res) => {
    const form = parseForm(TestForm, req.body);
    const trigger = await handoff.test({ text: form.text, pageUrl: form.pageUrl, email: form.email });
    render(res, 'partials/admin/handoff-test-result', { trigger, reasons: TRIGGER_LABELS });
  });

  return router;
}
