import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { DomainError, ForbiddenError, TooLargeError, ValidationError } from '../../services/errors.js';
import { SNIPPET_LIMITS, UnreadableSourceError, type KnowledgeService } from '../../services/knowledge/knowledge-service.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { csrfAfterUpload } from '../middleware/csrf.js';
import { requireRole, requireUser } from '../middleware/require-role.js';
import { flash, isFragmentRequest, navigate, render } from '../render.js';

const SnippetForm = z.object({
  question: z.string({ error: 'Write the question a visitor would ask.' }).max(SNIPPET_LIMITS.question + 100),
  answer: z.string({ error: 'Write the answer.' }).max(SNIPPET_LIMITS.answer + 1000),
});
const TryQuery = z.object({ q: z.string().trim().max(1000).optional().default('') });
const lines = z
  .string()
  .max(5000)
  .optional()
  .transform((v) => (v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
const optionalInt = (label: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n)) ctx.addIssue({ code: 'custom', message: `${label} must be a whole number.` });
      return n;
    });
const WebsiteForm = z.object({
  startUrl: z.string().max(2000).default(''),
  sitemapUrl: z.string().max(2000).optional(),
  maxPages: optionalInt('Page limit'),
  maxDepth: optionalInt('Link depth'),
  include: lines,
  exclude: lines,
  resync: z.string().max(20).optional(),
  saveAnyway: z.string().max(5).optional().transform((v) => v === '1'),
});
const PagesQuery = z.object({
  filter: z.enum(['indexed', 'not_indexed']).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
const PageForm = z.object({ url: z.string({ error: 'Which page?' }).max(2000) });
const websiteValues = (settings: Record<string, unknown>) => ({
  ...settings,
  include: ((settings.include as string[] | undefined) ?? []).join('\n'),
  exclude: ((settings.exclude as string[] | undefined) ?? []).join('\n'),
});

/** Knowledge sources and the "Try a question" box. Admins only. */
export function knowledgeRoutes(knowledge: KnowledgeService, opts: { uploadMaxBytes: number; triedQuestion?: () => Promise<void> }): Router {
  const router = Router();
  // In memory: the file goes to Postgres right away, and the cap bounds what one upload can hold.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: opts.uploadMaxBytes, files: 1, fields: 10 } }).single('file');
  // Parsed first, then the CSRF token in its body is checked (SameSite cookies already keep a
  // cross-site upload from reaching here signed in, so parsing first costs a stranger nothing).
  const receive = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      upload(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
          return reject(new TooLargeError('The file is too large.', { file: `The file is larger than the ${Math.round(opts.uploadMaxBytes / 1048576)} MB upload limit.` }));
        }
        // Any other parser error is a malformed upload (no boundary, a cut-off body): the sender's mistake.
        if (err) return reject(new ValidationError('The upload could not be read.', { file: err instanceof multer.MulterError ? err.message : 'The upload could not be read: send the form again.' }));
        csrfAfterUpload(req, res, (csrfError: unknown) => (csrfError ? reject(csrfError) : resolve()));
      }),
    );
  // "Try a question" is for everyone on the team (agents see what the AI would find); the rest
  // of Knowledge is admins'.
  router.get('/knowledge/try', requireUser, async (req, res) => {
    const { q } = TryQuery.parse(req.query);
    const result = q ? await knowledge.search(q, { limit: 5 }) : undefined;
    // A tick on Home's getting-started checklist.
    if (q) await opts.triedQuestion?.();
    if (isFragmentRequest(req)) return render(res, 'partials/admin/try-results', { result });
    if ((req.user as User).role !== 'admin') return render(res, 'pages/knowledge-try', { title: 'Try a question', q, result });
    render(res, 'pages/admin/knowledge', { ...(await pageData()), q, result });
  });
  router.use('/knowledge', requireRole('admin'));
  const me = (req: Request) => req.user as User;
  const pageData = async () => ({ sources: await knowledge.listSources(), uploadMaxBytes: opts.uploadMaxBytes, values: {}, errors: {}, website: { values: knowledge.websiteDefaults(), errors: {} } });
  /**
   * A refused "add" form: with htmx just its card, swapped in place with the error beside the
   * field (no reload, no jump to the top); without JavaScript the whole page.
   */
  const refuse = async (req: Request, res: Response, card: 'add-website' | 'add-file' | 'add-snippet', form: Record<string, unknown>, status = 422) => {
    const data = { ...(await pageData()), ...form };
    if (isFragmentRequest(req)) return render(res, `partials/admin/${card}`, data, status);
    render(res, 'pages/admin/knowledge', data, status);
  };
  const sourcePage = async (id: string) => {
    const source = await knowledge.getSource(id);
    return { source, run: await knowledge.latestRun(source.id), values: websiteValues(source.settings), errors: {} };
  };

  router.get('/knowledge', async (_req, res) => {
    render(res, 'pages/admin/knowledge', await pageData());
  });

  router.post('/knowledge/snippets', async (req, res) => {
    const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
    try {
      const source = await knowledge.createSnippet(me(req), parseForm(SnippetForm, body));
      flash(req, 'success', `Added “${source.name}”. Baton can answer it now.`);
      navigate(req, res, '/knowledge');
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      await refuse(req, res, 'add-snippet', { snippet: { values: body, errors: e.fields, error: e.message } });
    }
  });

  router.post('/knowledge/websites', async (req, res) => {
    const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>;
    try {
      const { source } = await knowledge.createWebsite(me(req), parseForm(WebsiteForm, body));
      flash(req, 'success', `Added ${source.name}. Reading it now.`);
      navigate(req, res, `/knowledge/sources/${source.id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const canSaveAnyway = e instanceof UnreadableSourceError && e.canSaveAnyway;
      await refuse(req, res, 'add-website', { website: { values: body, errors: e.fields, error: e.message, canSaveAnyway } });
    }
  });

  router.post('/knowledge/files', async (req, res) => {
    try {
      await receive(req, res);
      const file = req.file;
      if (!file) throw new ValidationError('Choose a file to upload.', { file: 'Choose a file to upload.' });
      // Browsers send the name as latin1 bytes of its UTF-8 form.
      const filename = Buffer.from(file.originalname, 'latin1').toString('utf8');
      const { source } = await knowledge.createFile(me(req), { filename, contentType: file.mimetype, data: file.buffer });
      flash(req, 'success', `Uploaded ${source.name}. Reading it now.`);
      navigate(req, res, `/knowledge/sources/${source.id}`);
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof TooLargeError)) throw e;
      await refuse(req, res, 'add-file', { upload: { errors: e.fields, error: e.message } }, e instanceof TooLargeError ? 413 : 422);
    }
  });

  router.get('/knowledge/sources/:id', async (req, res) => {
    const data = await sourcePage(req.params.id);
    if (data.source.kind === 'snippet') return res.redirect(303, `/knowledge/snippets/${data.source.id}`);
    render(res, 'pages/admin/source', data);
  });

  router.post('/knowledge/sources/:id', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const data = await sourcePage(req.params.id);
    await submitForm(res, 'pages/admin/source', body, async () => {
      await knowledge.updateWebsite(me(req), data.source.id, parseForm(WebsiteForm, body));
      flash(req, 'success', 'Settings saved. They apply from the next sync.');
      navigate(req, res, `/knowledge/sources/${data.source.id}`);
    }, { source: data.source, run: data.run });
  });

  router.get('/knowledge/sources/:id/progress', async (req, res) => {
    const source = await knowledge.getSource(req.params.id);
    render(res, 'partials/admin/sync-progress', { source, run: await knowledge.latestRun(source.id) });
  });

  router.post('/knowledge/sources/:id/sync', async (req, res) => {
    const run = await knowledge.requestSync(me(req), req.params.id);
    if (isFragmentRequest(req)) return render(res, 'partials/admin/sync-progress', { source: await knowledge.getSource(req.params.id), run });
    flash(req, 'success', 'Sync queued.');
    navigate(req, res, `/knowledge/sources/${req.params.id}`);
  });

  router.get('/knowledge/sources/:id/pages', async (req, res) => {
    const query = PagesQuery.parse(req.query);
    render(res, 'pages/admin/source-pages', { ...(await knowledge.listPages(req.params.id, query)), filter: query.filter, q: query.q });
  });

  // Exclude and re-read answer htmx with the page's row, in place; without JavaScript, the list again.
  const pageAction = (what: 'exclude' | 'reread') =>
    router.post(`/knowledge/sources/:id/pages/${what}`, async (req, res) => {
      const { url } = parseForm(PageForm, req.body);
      let rowError: string | undefined;
      try {
        if (what === 'exclude') await knowledge.excludePage(me(req), req.params.id, url);
        else await knowledge.rereadPage(me(req), req.params.id, url);
      } catch (e) {
        // Said in the row itself (a page not found, a sync under way, the start page), not as an error page swapped into it.
        if (!(e instanceof DomainError) || e instanceof ForbiddenError) throw e;
        rowError = e.message;
      }
      const source = await knowledge.getSource(req.params.id);
      if (!isFragmentRequest(req)) {
        flash(req, rowError ? 'error' : 'success', rowError ?? (what === 'exclude' ? 'Excluded: its passages left search, and later syncs skip it.' : 'Read again: its passages are up to date.'));
        return navigate(req, res, `/knowledge/sources/${source.id}/pages`);
      }
      const page = await knowledge.page(source.id, url).catch(() => undefined);
      if (!page) return render(res, 'partials/admin/page-row-gone', { message: rowError ?? 'That page is no longer listed.' }, 404);
      render(res, 'partials/admin/page-row', { source, page, rowError, isStart: url === source.settings.startUrl }, rowError ? 422 : 200);
    });
  pageAction('exclude');
  pageAction('reread');

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
