import { createMailer, type Mailer } from "@ktp/core/server/mail/mailer";
import { env } from "./env.ts";

const holder = globalThis as { ktpMailer?: Mailer };

export function getMailer(): Mailer {
  return (holder.ktpMailer ??= createMailer({ smtpUrl: env().SMTP_URL, from: env().MAIL_FROM }));
}
