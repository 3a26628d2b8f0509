import type { Availability } from '../availability/types.js';
import type { Organisation, User } from '../team/types.js';
import { openingText } from '../conversations/notices.js';
import type { Clock } from '../ports.js';

/** One step of getting started, ticked by what has happened, not by anyone ticking it. */
export interface ChecklistStep {
  key: 'knowledge' | 'try' | 'address' | 'widget' | 'hours' | 'email' | 'team';
  done: boolean;
  title: string;
  /** What to do, when not done; what was done, when done. */
  text: string;
  href: string;
}

/** What Home shows: the waiting count for everyone; the checklist and "closed now" for admins. */
export interface HomeView {
  waiting: number;
  /** The chat is closed now: when visitors are told the team is back ("tomorrow at 09:00 CET"), if ever. */
  closedNow: { back: string | null } | undefined;
  checklist: ChecklistStep[] | undefined;
}

export interface OnboardingDeps {
  organisation(): Promise<Organisation | undefined>;
  sourceCount(): Promise<number>;
  /** Where people reach Baton, and whether anyone chose it (BASE_URL or the admin). */
  publicAddress: { get(): string; chosen: boolean };
  /** A conversation started on a page that is not Baton's own (the widget on a real site). */
  visitorFromAnotherSite(ownOrigin: string): Promise<boolean>;
  hoursChosen(): Promise<boolean>;
  availability(): Promise<Availability>;
  /** A mail server is set. */
  emailReady: boolean;
  /** Teammates besides the first admin, and pending invitations. */
  teamSize(): Promise<{ users: number; invites: number }>;
  waiting(user: User): Promise<number>;
  clock: Clock;
}

/**
 * Home after setup: a getting-started checklist that ticks itself as the organisation does each
 * thing, how many visitors wait, and whether the chat is closed right now.
 */
export class OnboardingService {
  constructor(private readonly deps: OnboardingDeps) {}

  async home(user: User): Promise<HomeView> {
    const waiting = await this.deps.waiting(user);
    if (user.role !== 'admin') return { waiting, closedNow: undefined, checklist: undefined };
    const [availability, org] = await Promise.all([this.deps.availability(), this.deps.organisation()]);
    const closedNow =
      availability.state === 'closed'
        ? { back: availability.nextOpening ? openingText(availability.nextOpening, this.deps.clock.now(), 'en', org?.timeZone ?? 'UTC') : null }
        : undefined;
    return { waiting, closedNow, checklist: await this.checklist() };
  }

  async checklist(): Promise<ChecklistStep[]> {
    const d = this.deps;
    const address = d.publicAddress.get();
    const [org, sources, fromSite, hours, team] = await Promise.all([d.organisation(), d.sourceCount(), d.visitorFromAnotherSite(new URL(address).origin), d.hoursChosen(), d.teamSize()]);
    return [
      { key: 'knowledge', done: sources > 0, title: 'Add what Baton answers from', text: sources > 0 ? `${sources} source${sources === 1 ? '' : 's'}: your website, documents or Q&A.` : 'Your help centre or website, documents, or questions and answers.', href: '/knowledge' },
      { key: 'try', done: !!org?.triedQuestionAt, title: 'Try a question', text: 'Ask what your visitors ask, and see the answer and its sources.', href: '/knowledge/try' },
      { key: 'address', done: d.publicAddress.chosen, title: 'Set the public address', text: d.publicAddress.chosen ? `Links and the widget use ${address}.` : `Links and the widget use ${address}, which your visitors may not reach.`, href: '/settings/organisation' },
      { key: 'widget', done: fromSite, title: 'Install the widget and see your first visitor', text: fromSite ? 'Visitors are chatting on your site.' : 'Paste the snippet on your site and allow the site.', href: '/settings/widget' },
      { key: 'hours', done: hours, title: 'Set your support hours', text: 'So visitors are told honestly when someone will reply.', href: '/settings/hours' },
      { key: 'email', done: d.emailReady, title: 'Set up email', text: d.emailReady ? 'Visitors can get the reply by email.' : 'So visitors get the reply by email when nobody is online (SMTP_HOST on the server).', href: '/settings/email' },
      { key: 'team', done: team.users > 1 || team.invites > 0, title: 'Invite your team', text: 'Agents answer in the inbox; admins also manage settings.', href: '/team' },
    ];
  }
}
