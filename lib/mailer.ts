/**
 * The mail server the reminders go through: SMTP_URL (for example Microsoft 365's authenticated submission,
 * smtp://user:password@smtp.office365.com:587, upgraded to TLS by STARTTLS) and MAIL_FROM. Without SMTP_URL
 * there is no mailer, and the job records each digest as not sent instead.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from '@/db/mutations/reminders';

export const DEFAULT_MAIL_FROM = 'OPCC risk register <risk-register@localhost>';

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  if (!env.SMTP_URL) return null;
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const from = env.MAIL_FROM || DEFAULT_MAIL_FROM;
  return async (mail) => {
    const info = await transport.sendMail({ from, ...mail });
    return { messageId: info.messageId };
  };
}

export class ServiceUrlMissingError extends Error {
  constructor() {
    super(
      'Set NEXTAUTH_URL to the address people reach the service at (for example https://risks.example.org): the links in emails and calendar feeds are built from it',
    );
    this.name = 'ServiceUrlMissingError';
  }
}

/**
 * The address links in an email or a calendar feed lead to: the service's own (NEXTAUTH_URL). Required
 * wherever they can reach someone (in production, or whenever a mail server is configured), so no email
 * goes out with links to localhost; only a local trial falls back to it.
 */
export function serviceUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (!env.NEXTAUTH_URL && (env.NODE_ENV === 'production' || env.SMTP_URL)) throw new ServiceUrlMissingError();
  return (env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
}
