import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { TeamService } from '../../services/team/team-service.js';
import type { TwoFactorService } from '../../services/team/two-factor-service.js';
import { ROLES, type User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, isFragmentRequest, navigate, render } from '../render.js';

const InviteForm = z.object({
  email: z.email({ error: 'Enter a valid email address.' }).max(254),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
});
const RoleForm = z.object({ role: z.enum(ROLES, { error: 'Choose a role.' }) });

/** Team management: invitations, roles, deactivation. Admins only. */
/** What the Team page says about single sign-on (it is set in the environment). */
export interface SsoSummary {
  label: string;
  issuer: string;
  allowedDomains: string[];
  defaultRole: string;
  only: boolean;
}

export function teamRoutes(team: TeamService, twoFactor: TwoFactorService, sso?: SsoSummary): Router {
  const router = Router();
  router.use('/team', requireRole('admin'));

  const me = (req: Request) => req.user as User;
  /** The team as the page shows it: members, invitations, and whether two-factor sign-in is required. */
  const listTeam = async (req: Request) => ({ ...(await team.listTeam(me(req))), twoFactorRequired: await twoFactor.required(), sso });
  router.get('/team', async (req, res) => {
    render(res, 'pages/admin/team', { ...(await listTeam(req)), now: new Date(), values: { role: 'agent' }, errors: {} });
  });

  router.post('/team/invites', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fragment = isFragmentRequest(req);
    await submitForm(res, fragment ? 'partials/admin/invite-form' : 'pages/admin/team', body, async () => {
      const { invite, delivery } = await team.invite(me(req), parseForm(InviteForm, body));
      const notice = delivery.sent
        ? { kind: 'success' as const, message: `Invitation sent to ${invite.email}.` }
        : { kind: 'error' as const, message: `The invitation for ${invite.email} is saved, but the email could not be sent (${delivery.reason}). Check the SMTP settings, then press Resend.` };
      if (!fragment) {
        flash(req, notice.kind, notice.message);
        return navigate(req, res, '/team');
      }
      render(res, 'partials/admin/invite-created', { ...(await listTeam(req)), now: new Date(), notice, values: { role: 'agent' }, errors: {} });
    }, async () => ({ ...(fragment ? {} : await listTeam(req)), now: new Date() }));
  });

  type Notice = { kind: 'success' | 'error'; message: string };
  const inviteAction = (action: (req: Request) => Promise<Notice>) => async (req: Request, res: Response) => {
    const notice = await action(req);
    if (!isFragmentRequest(req)) {
      flash(req, notice.kind, notice.message);
      return navigate(req, res, '/team');
    }
    render(res, 'partials/admin/invites-updated', { ...(await listTeam(req)), now: new Date(), notice });
  };

  router.post('/team/invites/:id/resend', inviteAction(async (req) => {
    const { invite, delivery } = await team.resendInvite(me(req), String(req.params.id));
    return delivery.sent
      ? { kind: 'success', message: `A new invitation was sent to ${invite.email}; the old link no longer works.` }
      : { kind: 'error', message: `The email to ${invite.email} could not be sent (${delivery.reason}).` };
  }));

  router.post('/team/invites/:id/revoke', inviteAction(async (req) => {
    await team.revokeInvite(me(req), String(req.params.id));
    return { kind: 'success', message: 'The invitation was withdrawn; its link no longer works.' };
  }));

  const userAction = (action: (req: Request) => Promise<User>, message: (u: User) => string) => async (req: Request, res: Response) => {
    const user = await action(req);
    if (!isFragmentRequest(req)) {
      flash(req, 'success', message(user));
      return navigate(req, res, '/team');
    }
    render(res, 'partials/admin/user-updated', { member: user, notice: { kind: 'success', message: message(user) } });
  };

  router.post('/team/users/:id/role', userAction(
    (req) => team.changeRole(me(req), String(req.params.id), parseForm(RoleForm, req.body).role),
    (u) => `${u.name} is now ${u.role === 'admin' ? 'an admin' : 'an agent'}.`,
  ));
  router.post('/team/users/:id/deactivate', userAction(
    (req) => team.setActive(me(req), String(req.params.id), false),
    (u) => `${u.name} was deactivated and signed out everywhere.`,
  ));
  router.post('/team/users/:id/reactivate', userAction(
    (req) => team.setActive(me(req), String(req.params.id), true),
    (u) => `${u.name} can sign in again.`,
  ));

  router.post('/team/users/:id/two-factor/reset', userAction(
    (req) => twoFactor.reset(me(req), { userId: String(req.params.id) }),
    (u) => `${u.name}'s two-factor sign-in was reset: they set it up again at their next sign-in.`,
  ));

  router.post('/team/two-factor', async (req, res) => {
    const required = (req.body as Record<string, unknown> | undefined)?.required === 'on';
    await twoFactor.setRequired(me(req), required);
    flash(req, 'success', required ? 'Two-factor sign-in is now required: everyone without it is asked to set it up.' : 'Two-factor sign-in is no longer required.');
    navigate(req, res, '/team');
  });

  return router;
}
