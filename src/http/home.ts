import { Router } from 'express';
import type { TeamService } from '../services/team/team-service.js';
import type { User } from '../services/team/types.js';
import { requireUser } from './middleware/require-role.js';
import { render } from './render.js';

export function homeRoutes(team: TeamService): Router {
  const router = Router();
  router.get('/', requireUser, async (req, res) => {
    const user = req.user as User;
    const teamInfo = user.role === 'admin' ? await team.listTeam(user) : undefined;
    render(res, 'pages/home', { teamInfo });
  });
  return router;
}
