import type { Closure, Interval } from './hours.js';

export interface ReplyWindow {
  amount: number;
  unit: 'hours' | 'business_days';
}

/** What the visitor is promised, and when the team is nudged. */
export interface PromiseSettings {
  /** "Usually within N minutes" until there are enough handoffs to take the median from. */
  firstResponseMinutes: number;
  /** "We'll reply within X" when nobody is online or the team is closed. */
  replyWithin: ReplyWindow;
  /** Nobody claimed a waiting conversation in this long (while available): offer email too. */
  emailOfferAfterMinutes: number;
  /** A conversation waiting this long gets the team an email reminder; 0 turns it off. */
  waitingReminderMinutes: number;
  /** Linked from the consent line beside the email field; empty for none. */
  privacyPolicyUrl: string;
}

export interface AvailabilitySettings {
  /** The organisation's time zone. */
  timeZone: string;
  weekly: Interval[][];
  closures: Closure[];
  promises: PromiseSettings;
}

export const DEFAULT_WEEKLY: Interval[][] = [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ start: '09:00', end: '17:00' }] : []));

export const DEFAULT_PROMISES: PromiseSettings = {
  firstResponseMinutes: 5,
  replyWithin: { amount: 1, unit: 'business_days' },
  emailOfferAfterMinutes: 5,
  waitingReminderMinutes: 15,
  privacyPolicyUrl: '',
};

/**
 * Whether a person can answer now: open (support hours) and at least one agent online. The
 * handoff promise is made from this.
 */
export interface Availability {
  state: 'available' | 'offline' | 'closed';
  /** The organisation's time zone (the visitor's own is preferred when known). */
  timeZone: string;
  open: boolean;
  agentsOnline: number;
  /** The next opening, when closed (undefined: the schedule never opens). */
  nextOpening: Date | undefined;
  /** "Usually within N minutes": the recent median first response, or the configured value. */
  typicalMinutes: number;
  replyWithin: ReplyWindow;
  emailOfferAfterMinutes: number;
}
