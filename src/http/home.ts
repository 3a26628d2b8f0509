import { Router } from 'express';
import type { OnboardingService } from '../services/onboarding/onboarding-service.js';
import type { User } from '../services/team/types.js';
import { requireUser } from './middleware/require-role.js';
import { render } from './render.js';

/** Home: who is waiting, and for admins, getting started and whether the chat is closed. */
export function homeRoutes(onboarding: OnboardingService): Router {
  const router = Router();
  router.get('/', requireUser, async (req, res) => render(res, 'pages/home', { ...(await onboarding.home(req.user as User)) }));
  return router;
}
