import "server-only";
import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export const DEFAULT_MAIL_FROM = '"SIAK Terpusat" <noreply@siak-terpusat.ktp-digital.test>';

/** Sends over SMTP (SMTP_URL, e.g. smtp://localhost:1025). */
export function createMailer({ smtpUrl, from = DEFAULT_MAIL_FROM }: { smtpUrl: string; from?: string }): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
