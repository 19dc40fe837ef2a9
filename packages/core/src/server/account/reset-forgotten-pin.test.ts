import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "@ktp/testing/mail-catcher";
import { addEktpPhoto, createActivatedCitizen, createCitizenSession } from "@ktp/testing/residents";
import { cropFace, groupPhoto, retake, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { createSoftPasskey } from "@ktp/testing/soft-passkey";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { hashToken } from "../secrets.ts";
import { findCitizenSession } from "./citizen-session.ts";
import { hashPin } from "./pin-hash.ts";
import { finishPinReset, readPinReset, startPinReset, submitPinResetSelfie } from "./reset-forgotten-pin.ts";
import { beginSignIn, finishPasskeySignIn } from "./sign-in-passkey.ts";
import { finishPinSignIn } from "./sign-in-pin.ts";

// "Lupa PIN" with a real face model, real SMTP and real WebAuthn answers (a software passkey):
// the phone, the mailbox and the face, each counted, raced and refused out of order.

const RP = { id: "localhost", origin: "http://localhost:3000" };
const pinPepper = Buffer.from("pepper-for-tests-only-000000000000");
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );

let test: TestDatabase;
let catcher: MailCatcher;
let mailer: Mailer;
let faces: Buffer[];

beforeAll(async () => {
  test = await createTestDatabase();
  catcher = await startMailCatcher();
  mailer = createMailer({ smtpUrl: catcher.smtpUrl });
  faces = await Promise.all(SAMPLE1_FACES.map((f) => cropFace(groupPhoto(1), f)));
}, 120_000);
afterAll(async () => {
  await catcher.stop();
  await test.drop();
});
beforeEach(() => fetch(`${catcher.inboxUrl}/api/messages`, { method: "DELETE" }));

const inbox = async (): Promise<CaughtMail[]> => (await fetch(`${catcher.inboxUrl}/api/messages`)).json();
const codeIn = (mail: CaughtMail) => /: (\d{6})/.exec(mail.text)![1]!;

/** A citizen (face 2 of the group photo on the e-KTP) who has passed the passkey step of a sign-in. */
async function afterPasskey() {
  const passkey = createSoftPasskey();
  const { resident, registration } = await createActivatedCitizen(test.db, {}, { passkey, pinHash: await hashPin("284519", pinPepper) });
  await addEktpPhoto(test.db, resident.nik, 2);
  const { token, options } = await beginSignIn({ db: test.db, rp: RP });
  await finishPasskeySignIn({ db: test.db, token, rp: RP, request: passkey.answer(options.challenge, RP) });
  return { token, registrationId: registration.id, email: registration.email };
}

const finish = (token: string, code: string, pin = "730164") => finishPinReset({ db: test.db, mailer, token, code, request: { pin, confirmation: pin }, pinPepper });

describe("Lupa PIN", () => {
  it("sets a new PIN after the passkey, a matching selfie and the e-mailed code; the sign-in then takes the new PIN", async () => {
    const c = await afterPasskey();
    await test.db.registration.update({ where: { id: c.registrationId }, data: { pinFailures: 10 } });
    const started = await startPinReset({ db: test.db, mailer, token: c.token });
    expect(started).toMatchObject({ faceMatched: false, selfieAttemptsLeft: 3 });
    const [mail] = await inbox();
    expect(mail).toMatchObject({ to: [c.email], subject: "Kode atur ulang PIN KTP Digital" });
    expect(await error(finish(c.token, codeIn(mail!)))).toBe("PIN_RESET_FACE_FIRST");

    const selfie = await retake(faces[2]!);
    expect(await submitPinResetSelfie({ db: test.db, token: c.token, readImage: async () => selfie })).toMatchObject({ faceMatched: true });
    expect(await error(finish(c.token, "000000" === codeIn(mail!) ? "000001" : "000000"))).toBe("PIN_RESET_CODE_WRONG");
    expect(await error(finish(c.token, codeIn(mail!), "123456"))).toBe("PIN_TRIVIAL");
    await finish(c.token, codeIn(mail!));
    expect(await readPinReset({ db: test.db, token: c.token })).toBeNull();
    expect((await inbox()).map((m) => m.subject)).toContain("PIN KTP Digital Anda diatur ulang");

    expect(await error(finishPinSignIn({ db: test.db, token: c.token, pin: "284519", pinPepper }))).toBe("PIN_WRONG");
    const { token: signedIn } = await finishPinSignIn({ db: test.db, token: c.token, pin: "730164", pinPepper });
    expect(await findCitizenSession({ db: test.db, token: signedIn })).not.toBeNull();
    expect(await error(finish(c.token, codeIn(mail!)))).toBe("SIGN_IN_EXPIRED");
    expect(await test.db.auditEvent.count({ where: { registrationId: c.registrationId, action: "citizen.pin_reset" } })).toBe(1);
  }, 60_000);

  it("starts only after the passkey step: not signed out, not from a signed-in session", async () => {
    const c = await afterPasskey();
    expect(await error(startPinReset({ db: test.db, mailer, token: undefined }))).toBe("SIGN_IN_EXPIRED");
    const { value: signedIn } = await createCitizenSession(test.db, c.registrationId);
    expect(await error(startPinReset({ db: test.db, mailer, token: signedIn }))).toBe("SIGN_IN_EXPIRED");
    const { token: fresh } = await beginSignIn({ db: test.db, rp: RP });
    expect(await error(startPinReset({ db: test.db, mailer, token: fresh }))).toBe("SIGN_IN_EXPIRED");
    expect(await error(submitPinResetSelfie({ db: test.db, token: c.token, readImage: async () => faces[2]! }))).toBe("PIN_RESET_NOT_STARTED");
  });

  it("compares at most three selfies, however many arrive at once, and accepts no other face", async () => {
    const c = await afterPasskey();
    await startPinReset({ db: test.db, mailer, token: c.token });
    const stranger = await retake(faces[0]!);
    const results = await Promise.all(Array.from({ length: 5 }, () => error(submitPinResetSelfie({ db: test.db, token: c.token, readImage: async () => stranger }))));
    expect(results.filter((r) => r === "FACE_NO_MATCH")).toHaveLength(2);
    expect(results.filter((r) => r === "PIN_RESET_SELFIE_EXHAUSTED")).toHaveLength(3);
    expect(await error(submitPinResetSelfie({ db: test.db, token: c.token, readImage: async () => retake(faces[2]!) }))).toBe("PIN_RESET_SELFIE_EXHAUSTED");
    expect((await test.db.pinReset.findFirstOrThrow({ where: { registrationId: c.registrationId } })).selfieAttempts).toBe(3);
  }, 120_000);

  it("counts five wrong codes, even eight sent at once, then refuses the right one", async () => {
    const c = await afterPasskey();
    await startPinReset({ db: test.db, mailer, token: c.token });
    const code = codeIn((await inbox())[0]!);
    await submitPinResetSelfie({ db: test.db, token: c.token, readImage: () => retake(faces[2]!) });
    const wrong = code === "999999" ? "999998" : "999999";
    const results = await Promise.all(Array.from({ length: 8 }, () => error(finish(c.token, wrong))));
    expect(results.filter((r) => r === "PIN_RESET_CODE_WRONG")).toHaveLength(4);
    expect(results.filter((r) => r === "PIN_RESET_CODE_EXHAUSTED")).toHaveLength(4);
    expect(await error(finish(c.token, code))).toBe("PIN_RESET_CODE_EXHAUSTED");
  }, 60_000);

  it("sends at most three resets' codes a day per KTP Digital", async () => {
    const c = await afterPasskey();
    await startPinReset({ db: test.db, mailer, token: c.token });
    // A new code in the same sign-in is the same reset.
    await startPinReset({ db: test.db, mailer, token: c.token });
    // Later sign-ins of the same phone, past their passkey step.
    const passkeyAgain = async () => {
      const { token } = await beginSignIn({ db: test.db, rp: RP });
      await test.db.citizenSession.update({ where: { tokenHash: hashToken(token) }, data: { registrationId: c.registrationId, passkeyVerifiedAt: new Date(), challenge: null } });
      return token;
    };
    await startPinReset({ db: test.db, mailer, token: await passkeyAgain() });
    await startPinReset({ db: test.db, mailer, token: await passkeyAgain() });
    expect(await error(startPinReset({ db: test.db, mailer, token: await passkeyAgain() }))).toBe("PIN_RESET_LIMIT");
  });
});
