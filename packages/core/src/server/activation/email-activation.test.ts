import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "@ktp/testing/mail-catcher";
import { createResident } from "@ktp/testing/residents";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { hashToken } from "../secrets.ts";
import { activateWithEmailLink } from "./activate-with-email-link.ts";
import { sendActivationEmail } from "./send-activation-email.ts";
import { startRegistration } from "./start-registration.ts";

const TODAY = { year: 2026, month: 11, day: 22 };
const CITIZEN_URL = "http://localhost:3000";
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );

let test: TestDatabase;
let catcher: MailCatcher;
let mailer: Mailer;

beforeAll(async () => {
  test = await createTestDatabase();
  catcher = await startMailCatcher();
  mailer = createMailer({ smtpUrl: catcher.smtpUrl });
});
afterAll(async () => {
  await catcher.stop();
  await test.drop();
});
beforeEach(() => fetch(`${catcher.inboxUrl}/api/messages`, { method: "DELETE" }));

const inbox = async (): Promise<CaughtMail[]> => (await fetch(`${catcher.inboxUrl}/api/messages`)).json();
const tokenIn = (mail: CaughtMail) => /\/aktivasi\?t=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

/** A registration the officer has approved, waiting for the e-mail step. */
async function atEmailStep() {
  const resident = await createResident(test.db, { nama: "DEWI LESTARI" });
  const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, email: "dewi@contoh.id", phone: "+6281234567890" }, today: TODAY });
  const { id } = await test.db.registration.update({ where: { resumeTokenHash: hashToken(resumeToken) }, data: { step: "EMAIL" } });
  return id;
}

describe("activation e-mail", () => {
  it("arrives over SMTP from SIAK Terpusat with a single-use link that activates the registration", async () => {
    const registrationId = await atEmailStep();
    await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    const [mail] = await inbox();
    expect(mail).toMatchObject({ to: ["dewi@contoh.id"], subject: "Aktivasi KTP Digital dari SIAK Terpusat" });
    expect(mail!.from).toContain("SIAK Terpusat");
    expect(mail!.text).toContain("DE** LE*****");
    const token = tokenIn(mail!);
    const stored = await test.db.activationEmail.findFirstOrThrow({ where: { registrationId } });
    expect(stored.tokenHash).toBe(hashToken(token));

    expect((await activateWithEmailLink({ db: test.db, token })).step).toBe("ACTIVE");
    expect(await error(activateWithEmailLink({ db: test.db, token }))).toBe("ACTIVATION_LINK_USED");
  });

  it("activates exactly once when the link is opened twice at the same moment", async () => {
    const registrationId = await atEmailStep();
    await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    const token = tokenIn((await inbox())[0]!);
    const results = await Promise.all(Array.from({ length: 5 }, () => error(activateWithEmailLink({ db: test.db, token }))));
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(results.filter((r) => r === "ACTIVATION_LINK_USED")).toHaveLength(4);
  });

  it("refuses unknown and expired links", async () => {
    expect(await error(activateWithEmailLink({ db: test.db, token: "A".repeat(43) }))).toBe("ACTIVATION_LINK_INVALID");
    const registrationId = await atEmailStep();
    await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    await test.db.activationEmail.updateMany({ where: { registrationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await error(activateWithEmailLink({ db: test.db, token: tokenIn((await inbox())[0]!) }))).toBe("ACTIVATION_LINK_EXPIRED");
  });

  it("limits resending, and a new link replaces the old one", async () => {
    const registrationId = await atEmailStep();
    await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    expect(await error(sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL }))).toBe("EMAIL_RESEND_TOO_SOON");
    const backdate = () => test.db.activationEmail.updateMany({ where: { registrationId }, data: { sentAt: new Date(Date.now() - 2 * 60_000) } });
    await backdate();
    await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    const [first, second] = await inbox();
    expect(await error(activateWithEmailLink({ db: test.db, token: tokenIn(first!) }))).toBe("ACTIVATION_LINK_USED");
    for (let i = 0; i < 3; i++) {
      await backdate();
      await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    }
    await backdate();
    expect(await error(sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL }))).toBe("EMAIL_RESEND_LIMIT");
    expect(await error(activateWithEmailLink({ db: test.db, token: tokenIn(second!) }))).toBe("ACTIVATION_LINK_USED");
    expect((await activateWithEmailLink({ db: test.db, token: tokenIn((await inbox()).at(-1)!) })).step).toBe("ACTIVE");
  });

  it("changes nothing when the mail server is down: the older link still works, no resend is used up", async () => {
    const registrationId = await atEmailStep();
    await sendActivationEmail({ db: test.db, mailer, registrationId, citizenUrl: CITIZEN_URL });
    const first = tokenIn((await inbox())[0]!);
    await test.db.activationEmail.updateMany({ where: { registrationId }, data: { sentAt: new Date(Date.now() - 2 * 60_000) } });
    const down = createMailer({ smtpUrl: "smtp://localhost:1" });
    const failure = await sendActivationEmail({ db: test.db, mailer: down, registrationId, citizenUrl: CITIZEN_URL }).catch((e) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(await test.db.activationEmail.count({ where: { registrationId } })).toBe(1);
    expect((await activateWithEmailLink({ db: test.db, token: first })).step).toBe("ACTIVE");
  });

  it("is not sent before the officer's approval", async () => {
    const resident = await createResident(test.db);
    const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, email: "a@contoh.id", phone: "+6281234567890" }, today: TODAY });
    const { id } = await test.db.registration.findUniqueOrThrow({ where: { resumeTokenHash: hashToken(resumeToken) } });
    expect(await error(sendActivationEmail({ db: test.db, mailer, registrationId: id, citizenUrl: CITIZEN_URL }))).toBe("WRONG_STEP");
    expect(await inbox()).toEqual([]);
  });
});
