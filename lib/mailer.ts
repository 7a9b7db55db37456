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

/** The address links in an email lead to: the service's own (NEXTAUTH_URL). */
export function serviceUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
}
