import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server that keeps every message in memory, and an HTTP inbox to read them:
// `npm start` and the tests use it unless SMTP_URL points at a real server (docker-compose: Mailpit).

export interface CaughtMail {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface MailCatcher {
  smtpUrl: string;
  inboxUrl: string;
  stop(): Promise<void>;
}

/** Ports 0 (the default) take free ones, as unit tests do, so checkouts can test side by side. */
export async function startMailCatcher({ smtpPort = 0, httpPort = 0 }: { smtpPort?: number; httpPort?: number } = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          mails.push({
            id: mails.length + 1,
            from: mail.from?.text ?? "",
            to: [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? "")),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            receivedAt: new Date().toISOString(),
          });
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  const http = createServer((request, response) => {
    if (request.url === "/api/messages" && request.method === "DELETE") {
      mails.length = 0;
      return void response.writeHead(204).end();
    }
    if (request.url === "/api/messages") {
      return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
    }
    const rows = mails.toReversed().map((m) => `<li><b>${escape(m.subject)}</b> to ${escape(m.to.join(", "))}<pre>${escape(m.text)}</pre></li>`);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><title>Kotak surat uji</title><h1>Kotak surat uji (${mails.length})</h1><ul>${rows.join("")}</ul>`);
  });
  await new Promise<void>((resolve, reject) => smtp.listen(smtpPort, "localhost", resolve).once("error", reject));
  await new Promise<void>((resolve, reject) => http.listen(httpPort, "localhost", resolve).once("error", reject));
  const portOf = (server: { address(): unknown }) => (server.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://localhost:${portOf(smtp.server)}`,
    inboxUrl: `http://localhost:${portOf(http)}`,
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
