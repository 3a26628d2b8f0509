export const ROLES = ['admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  /** Admins: whether they get the weekly insights digest by email. */
  weeklyDigest: boolean;
  createdAt: Date;
  /** When they turned on two-factor sign-in; null when it is off. */
  twoFactorAt: Date | null;
}

export interface Organisation {
  id: string;
  name: string;
  timeZone: string;
  /** Everyone must sign in with a second factor (set by TwoFactorService, read with the organisation). */
  requireTwoFactor?: boolean;
  /** The public address the admin gave (BASE_URL wins when set). */
  publicUrl?: string | null;
  /** When someone first tried a question in Knowledge (the getting-started checklist). */
  triedQuestionAt?: Date | null;
}

export type TokenPurpose = 'invite' | 'password_reset';

/** A single-use link token: only its SHA-256 is stored, so a database leak exposes no live link. */
export interface UserToken {
  id: string;
  purpose: TokenPurpose;
  email: string;
  role: Role | null;
  userId: string | null;
  invitedById: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  invitedByName: string | null;
  expiresAt: Date;
  createdAt: Date;
}

export interface Team {
  users: User[];
  invites: PendingInvite[];
}
