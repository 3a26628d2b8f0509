import { Router, type Request } from 'express';
import qrcode from 'qrcode-generator';
import { z } from 'zod';
import type { TwoFactorService } from '../../services/team/two-factor-service.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireUser } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const PasswordForm = z.object({ password: z.string().max(256).default('') });
const DisableForm = z.object({ password: z.string().max(256).default(''), code: z.string().trim().max(40).default('') });
const EnableForm = z.object({ code: z.string().trim().max(20).default(''), password: z.string().max(256).default('') });

/** The otpauth:// URI as an inline SVG QR code (no script, no image request). */
function qrSvg(uri: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(uri);
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
}

/** Each person's own two-factor sign-in: set it up, see how many recovery codes are left, replace them, turn it off. */
export function twoFactorRoutes(twoFactor: TwoFactorService): Router {
  const router = Router();
  router.use('/account/two-factor', requireUser);
  const me = (req: Request) => req.user as User;

  const page = async (req: Request, extra: Record<string, unknown> = {}) => {
    const setup = req.session.twoFactorSetup;
    const user = me(req);
    return {
      on: !!user.twoFactorAt,
      required: await twoFactor.required(),
      codesLeft: user.twoFactorAt ? await twoFactor.recoveryCodesLeft(user) : 0,
      setup: setup && !user.twoFactorAt ? { secret: setup, qr: qrSvg(await twoFactor.uri(user, setup)) } : undefined,
      values: {},
      errors: {},
      ...extra,
    };
  };

  router.get('/account/two-factor', async (req, res) => render(res, 'pages/account/two-factor', await page(req)));

  router.post('/account/two-factor/start', async (req, res) => {
    req.session.twoFactorSetup = (await twoFactor.start(me(req))).secret;
    // Stored before the redirect goes out: the browser follows it at once, and the page reads it.
    req.session.save(() => navigate(req, res, '/account/two-factor'));
  });

  router.post('/account/two-factor/enable', async (req, res) => {
    const form = parseForm(EnableForm, req.body);
    await submitForm(res, 'pages/account/two-factor', {}, async () => {
      const codes = await twoFactor.enable(me(req), { secret: req.session.twoFactorSetup ?? '', code: form.code, password: form.password }, { sessionId: req.sessionID });
      delete req.session.twoFactorSetup;
      render(res, 'pages/account/two-factor', { ...(await page(req)), on: true, codes });
    }, () => page(req, { posted: 'enable' }));
  });

  router.post('/account/two-factor/recovery-codes', async (req, res) => {
    const form = parseForm(PasswordForm, req.body);
    await submitForm(res, 'pages/account/two-factor', {}, async () => {
      const codes = await twoFactor.newRecoveryCodes(me(req), form);
      render(res, 'pages/account/two-factor', { ...(await page(req)), codes });
    }, () => page(req, { posted: 'codes' }));
  });

  router.post('/account/two-factor/disable', async (req, res) => {
    const form = parseForm(DisableForm, req.body);
    await submitForm(res, 'pages/account/two-factor', {}, async () => {
      await twoFactor.disable(me(req), form);
      flash(req, 'success', 'Two-factor sign-in is off.');
      navigate(req, res, '/account/two-factor');
    }, () => page(req, { posted: 'disable' }));
  });

  return router;
}
