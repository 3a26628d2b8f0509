import { Router, type Request } from 'express';
import { z } from 'zod';
import { SNIPPET_LIMITS, type KnowledgeService } from '../../services/knowledge/knowledge-service.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, isFragmentRequest, navigate, render } from '../render.js';

const SnippetForm = z.object({
  question: z.string({ error: 'Write the question a visitor would ask.' }).max(SNIPPET_LIMITS.question + 100),
  answer: z.string({ error: 'Write the answer.' }).max(SNIPPET_LIMITS.answer + 1000),
});
const TryQuery = z.object({ q: z.string().trim().max(1000).optional().default('') });

/** Knowledge sources and the "Try a question" box. Admins only. */
export function knowledgeRoutes(knowledge: KnowledgeService): Router {
  const router = Router();
  router.use('/knowledge', requireRole('admin'));
  const me = (req: Request) => req.user as User;
  const pageData = async () => ({ sources: await knowledge.listSources(), values: {}, errors: {} });

  router.get('/knowledge', async (_req, res) => {
    render(res, 'pages/admin/knowledge', await pageData());
  });

  router.get('/knowledge/try', async (req, res) => {
    const { q } = TryQuery.parse(req.query);
    const result = q ? await knowledge.search(q, { limit: 5 }) : undefined;
    if (isFragmentRequest(req)) return render(res, 'partials/admin/try-results', { result });
    render(res, 'pages/admin/knowledge', { ...(await pageData()), q, result });
  });

  router.post('/knowledge/snippets', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/knowledge', body, async () => {
      const source = await knowledge.createSnippet(me(req), parseForm(SnippetForm, body));
      flash(req, 'success', `Added “${source.name}”. Baton can answer it now.`);
      navigate(req, res, '/knowledge');
    }, pageData);
  });

  router.get('/knowledge/snippets/:id', async (req, res) => {
    const source = await knowledge.getSource(req.params.id);
    render(res, 'pages/admin/snippet-edit', { source, values: source.settings, errors: {} });
  });

  router.post('/knowledge/snippets/:id', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const source = await knowledge.getSource(req.params.id);
    await submitForm(res, 'pages/admin/snippet-edit', body, async () => {
      await knowledge.updateSnippet(me(req), source.id, parseForm(SnippetForm, body));
      flash(req, 'success', 'Snippet saved and re-indexed.');
      navigate(req, res, '/knowledge');
    }, { source });
  });

  router.post('/knowledge/sources/:id/delete', async (req, res) => {
    const source = await knowledge.getSource(req.params.id);
    await knowledge.deleteSource(me(req), source.id);
    flash(req, 'success', `Deleted “${source.name}”; its passages are gone from search.`);
    navigate(req, res, '/knowledge');
  });

  return router;
}
