import type { RequestHandler } from 'express';
import { ForbiddenError } from '../../services/errors.js';
import type { Role } from '../../services/team/types.js';
import { SignInRequiredError } from '../errors.js';

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new SignInRequiredError();
  next();
};

export const requireRole =
  (role: Role): RequestHandler =>
  (req, _res, next) => {
    if (!req.user) throw new SignInRequiredError();
    if (req.user.role !== role) throw new ForbiddenError(role === 'admin' ? 'Only admins can open this page.' : 'You do not have access to this page.');
    next();
  };
