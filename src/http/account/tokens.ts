import { Router, type Request } from 'express';
import { z } from 'zod';
import { SCOPE_LABELS, TOKEN_SCOPES, type AccessTokenService } from '../../services/team/access-tokens.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireUser } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const TokenForm = z.object({
  name: z.string().max(200).default(''),
  scope: z.string().max(20).default(''),
  expires: z.enum(['30', '90', '365', 'never'], { error: 'Choose when it stops working.' }).default('90'),
});

/** Account › Access tokens: each person's tokens for the team API, made, listed and revoked. */
export function accessTokenRoutes(tokens: AccessTokenService): Router {
  const router = Router();
  router.use('/account/tokens', requireUser);
  const me = (req: Request) => req.user as User;
  const page = async (req: Request) => ({ title: 'Access tokens', tokens: await tokens.list(me(req)), scopes: TOKEN_SCOPES.filter((s) => s !== 'admin' || me(req).role === 'admin'), scopeLabels: SCOPE_LABELS, now: new Date() });

  router.get('/account/tokens', async (req, res) => {
    render(res, 'pages/account/tokens', { ...(await page(req)), values: { scope: 'read', expires: '90' }, errors: {} });
  });

  // The new token is in this one response and nowhere else: not in the session, not in a redirect.
  router.post('/account/tokens', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/account/tokens', body, async () => {
      const form = parseForm(TokenForm, body);
      const { token, record } = await tokens.create(me(req), { name: form.name, scope: form.scope, expiresInDays: form.expires === 'never' ? null : Number(form.expires) });
      res.set('Cache-Control', 'no-store');
      render(res, 'pages/account/tokens', { ...(await page(req)), created: { token, name: record.name }, values: { scope: 'read', expires: '90' }, errors: {} }, 201);
    }, () => page(req));
  });

  router.post('/account/tokens/:id/revoke', async (req, res) => {
    const token = await tokens.revoke(me(req), String(req.params.id));
    flash(req, 'success', `“${token.name}” is revoked: calls with it are refused from now on.`);
    navigate(req, res, '/account/tokens');
  });

  return router;
}
