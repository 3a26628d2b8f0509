import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { maskEmail } from '../../services/audit/types.js';
import type { HealthCheck, Mailer, OutgoingEmail } from '../../services/ports.js';

export type RenderEmail = (template: string, data: Record<string, unknown>) => { html: string; text: string };

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

/** Sends through the operator's SMTP server. */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;

  constructor(
    settings: SmtpSettings,
    /** MAIL_FROM, or the sender worked out when each email goes (the organisation's name may change). */
    private readonly from: string | (() => Promise<{ name: string; address: string }>),
    private readonly render: RenderEmail,
  ) {
    this.#transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const { html, text } = this.render(email.template, email.data);
    await this.#transport.sendMail({
      from: typeof this.from === 'string' ? this.from : await this.from(),
      to: email.to,
      subject: email.subject,
      html,
      text,
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      ...(email.messageId ? { messageId: email.messageId } : {}),
    });
  }

  health(): HealthCheck {
    let last: { at: number; result: Awaited<ReturnType<HealthCheck['check']>> } | undefined;
    return {
      name: 'smtp',
      check: async () => {
        // /readyz may be polled every few seconds; one SMTP handshake per 30 s is plenty.
        if (last && Date.now() - last.at < 30_000) return last.result;
        let result: Awaited<ReturnType<HealthCheck['check']>>;
        try {
          await withTimeout(this.#transport.verify(), 5_000);
          result = { ok: true };
        } catch (e) {
          result = { ok: false, reason: e instanceof Error ? e.message : String(e) };
        }
        last = { at: Date.now(), result };
        return result;
      },
    };
  }

  close() {
    this.#transport.close();
  }
}

/**
 * Teammates' own emails whose link someone must be able to use on a machine without mail: the
 * first admin inviting the team, a forgotten password. Nothing of a visitor's is in them.
 */
const LOGGED_IN_FULL = new Set(['invite', 'password-reset']);

/**
 * Used when SMTP_HOST is unset. Invitations and password resets go to the log, so their link can
 * be copied from there. Every other email is refused, permanently: those carry visitors'
 * addresses, words and conversation links, which do not belong in a log, and the outbox shows
 * them as not sent instead of pretending they went.
 */
export class LogMailer implements Mailer {
  constructor(
    private readonly logger: Logger,
    private readonly render: RenderEmail,
  ) {}

  async send(email: OutgoingEmail): Promise<void> {
    if (!LOGGED_IN_FULL.has(email.template)) {
      this.logger.warn({ template: email.template, to: maskEmail(email.to) }, 'SMTP is not configured (SMTP_HOST): an email was not sent');
      throw Object.assign(new Error('SMTP is not configured (SMTP_HOST)'), { permanent: true });
    }
    const { text } = this.render(email.template, email.data);
    this.logger.warn({ to: email.to, subject: email.subject, text }, 'SMTP is not configured (SMTP_HOST): this email was written to the log instead of being sent');
  }

  health(): HealthCheck {
    return { name: 'smtp', check: async () => ({ ok: true, detail: 'not configured: invitations and password resets are written to the log, other emails are not sent' }) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
