import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "@ktp/testing/mail-catcher";
import { createCounterSession } from "@ktp/testing/officer";
import { createActivatedCitizen, createCitizenSession } from "@ktp/testing/residents";
import { createSoftPasskey, type SoftPasskey } from "@ktp/testing/soft-passkey";
import { ZChangePinRequest } from "../../universal/account.ts";
import { getResidentCase } from "../counter/resident-case.ts";
import { resetResident } from "../counter/reset-resident.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { hashToken } from "../secrets.ts";
import { listActivity } from "../wallet/activity-history.ts";
import { setIdentityLock } from "../wallet/lock-identity.ts";
import { beginPinChange, changePin } from "./change-pin.ts";
import { findCitizenSession, signOutCitizen } from "./citizen-session.ts";
import { hashPin } from "./pin-hash.ts";
import { lockLostPhone, readLostPhoneLink, requestLostPhoneLink } from "./report-lost-phone.ts";
import { beginSignIn, finishPasskeySignIn } from "./sign-in-passkey.ts";
import { finishPinSignIn } from "./sign-in-pin.ts";

// The account's controls (issue 13, item 2) with a real WebAuthn assertion from a software passkey,
// real PostgreSQL and real SMTP: change PIN, "Ponsel hilang", sign-out, and the activity history
// they write. Each abuse a stranger or a replay would try is here, races fired in parallel.

const RP = { id: "localhost", origin: "http://localhost:3000" };
const CITIZEN_URL = "http://localhost:3000";
const PIN = "284519";
const pinPepper = Buffer.from("pepper-for-tests-only-000000000000");
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
}, 60_000);
afterAll(async () => {
  await catcher.stop();
  await test.drop();
});
beforeEach(() => fetch(`${catcher.inboxUrl}/api/messages`, { method: "DELETE" }));

const inbox = async (): Promise<CaughtMail[]> => (await fetch(`${catcher.inboxUrl}/api/messages`)).json();
const lostLinkIn = (mail: CaughtMail) => /\/ponsel-hilang\/kunci\?t=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

async function citizen() {
  const passkey = createSoftPasskey();
  const { resident, registration } = await createActivatedCitizen(test.db, { nama: "SITI RAHAYU" }, { pinHash: await hashPin(PIN, pinPepper), passkey });
  const { value: token } = await createCitizenSession(test.db, registration.id);
  return { nik: resident.nik, registrationId: registration.id, email: registration.email, passkey, token };
}

/** One PIN change from start to finish, as the account page does it. */
async function changeWith(c: { token: string; passkey: SoftPasskey }, pins: { oldPin: string; newPin: string; confirmation?: string }) {
  const options = await beginPinChange({ db: test.db, rp: RP, token: c.token });
  const request = { passkey: c.passkey.answer(options.challenge, RP), oldPin: pins.oldPin, newPin: pins.newPin, confirmation: pins.confirmation ?? pins.newPin };
  return changePin({ db: test.db, rp: RP, token: c.token, request, pinPepper });
}

/** Signs in through both steps with the software passkey; the session token, or the error code. */
async function signIn(passkey: SoftPasskey, pin: string): Promise<string> {
  const { token, options } = await beginSignIn({ db: test.db, rp: RP });
  await finishPasskeySignIn({ db: test.db, token, rp: RP, request: passkey.answer(options.challenge, RP) });
  return (await finishPinSignIn({ db: test.db, token, pin, pinPepper })).token;
}

describe("change PIN", () => {
  it("takes the passkey and the old PIN, ends the other sessions, and the new PIN signs in", async () => {
    const c = await citizen();
    const { value: elsewhere } = await createCitizenSession(test.db, c.registrationId);
    await changeWith(c, { oldPin: PIN, newPin: "730164" });
    expect(await findCitizenSession({ db: test.db, token: c.token })).toMatchObject({ nik: c.nik });
    expect(await findCitizenSession({ db: test.db, token: elsewhere })).toBeNull();
    expect(await error(signIn(c.passkey, PIN))).toBe("PIN_WRONG");
    expect(await signIn(c.passkey, "730164")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await test.db.auditEvent.count({ where: { action: "citizen.pin_change", registrationId: c.registrationId } })).toBe(1);
  });

  it("refuses a wrong old PIN (counted by the sign-in lockout), the same PIN, a guessable one and a mismatch", async () => {
    const c = await citizen();
    expect(await error(changeWith(c, { oldPin: "999111", newPin: "730164" }))).toBe("PIN_WRONG");
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: c.registrationId } })).pinFailures).toBe(1);
    expect(await error(changeWith(c, { oldPin: PIN, newPin: PIN }))).toBe("PIN_UNCHANGED");
    expect(await error(changeWith(c, { oldPin: PIN, newPin: "123456" }))).toBe("PIN_TRIVIAL");
    expect(await error(changeWith(c, { oldPin: PIN, newPin: "150190" }))).toBe("PIN_BIRTH_DATE");
    const mismatch = ZChangePinRequest.safeParse({ passkey: c.passkey.answer("x", RP), oldPin: PIN, newPin: "730164", confirmation: "730165" });
    expect(mismatch.error?.issues.map((i) => i.message)).toEqual(["PIN_MISMATCH"]);
    expect(await test.db.auditEvent.count({ where: { action: "citizen.pin_change", registrationId: c.registrationId } })).toBe(0);
  });

  it("refuses another phone's passkey, a replayed answer, no challenge, an expired one, and a session not signed in", async () => {
    const c = await citizen();
    const stranger = await citizen();
    const options = await beginPinChange({ db: test.db, rp: RP, token: c.token });
    const request = (passkey: SoftPasskey, challenge = options.challenge) => ({ passkey: passkey.answer(challenge, RP), oldPin: PIN, newPin: "730164", confirmation: "730164" });
    // The stranger's own passkey, answering the citizen's challenge from the citizen's session.
    expect(await error(changePin({ db: test.db, rp: RP, token: c.token, request: request(stranger.passkey), pinPepper }))).toBe("PASSKEY_NOT_RECOGNISED");
    const answer = request(c.passkey);
    await changePin({ db: test.db, rp: RP, token: c.token, request: answer, pinPepper });
    expect(await error(changePin({ db: test.db, rp: RP, token: c.token, request: { ...answer, oldPin: "730164", newPin: "604821", confirmation: "604821" }, pinPepper }))).toBe("STEP_UP_EXPIRED");

    const late = await beginPinChange({ db: test.db, rp: RP, token: c.token });
    await test.db.citizenSession.update({ where: { tokenHash: hashToken(c.token) }, data: { challengeExpiresAt: new Date(Date.now() - 1000) } });
    expect(await error(changePin({ db: test.db, rp: RP, token: c.token, request: request(c.passkey, late.challenge), pinPepper }))).toBe("STEP_UP_EXPIRED");

    const { token: halfway, options: signInOptions } = await beginSignIn({ db: test.db, rp: RP });
    expect(await error(beginPinChange({ db: test.db, rp: RP, token: halfway }))).toBe("NOT_SIGNED_IN");
    expect(await error(changePin({ db: test.db, rp: RP, token: halfway, request: request(c.passkey, signInOptions.challenge), pinPepper }))).toBe("NOT_SIGNED_IN");
    expect(await error(beginPinChange({ db: test.db, rp: RP, token: undefined }))).toBe("NOT_SIGNED_IN");
  });

  it("never lets a signed-in session's confirmation challenge sign a session in again", async () => {
    const c = await citizen();
    const options = await beginPinChange({ db: test.db, rp: RP, token: c.token });
    expect(await error(finishPasskeySignIn({ db: test.db, token: c.token, rp: RP, request: c.passkey.answer(options.challenge, RP) }))).toBe("SIGN_IN_EXPIRED");
  });

  it("uses one confirmation once when the same answer is sent five times at once", async () => {
    const c = await citizen();
    const options = await beginPinChange({ db: test.db, rp: RP, token: c.token });
    const request = { passkey: c.passkey.answer(options.challenge, RP), oldPin: PIN, newPin: "730164", confirmation: "730164" };
    const results = await Promise.all(Array.from({ length: 5 }, () => error(changePin({ db: test.db, rp: RP, token: c.token, request, pinPepper }))));
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(results.filter((r) => r === "STEP_UP_EXPIRED")).toHaveLength(4);
  });
});

describe("Ponsel hilang", () => {
  it("e-mails a link for an active NIK, and nothing for a NIK without KTP Digital, answering alike", async () => {
    const c = await citizen();
    await requestLostPhoneLink({ db: test.db, mailer, nik: c.nik, citizenUrl: CITIZEN_URL });
    await requestLostPhoneLink({ db: test.db, mailer, nik: "3171011501900001", citizenUrl: CITIZEN_URL });
    const mails = await inbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: [c.email], subject: "Kunci KTP Digital: ponsel hilang" });
    expect(mails[0]!.text).toContain("SI** RA****");
    expect(await readLostPhoneLink({ db: test.db, token: lostLinkIn(mails[0]!) })).toMatchObject({ name: "SI** RA****" });
  });

  it("locks everything with the link: verifications, sessions, sign-in and the PIN unlock, until the counter resets the phone", async () => {
    const c = await citizen();
    await requestLostPhoneLink({ db: test.db, mailer, nik: c.nik, citizenUrl: CITIZEN_URL });
    const token = lostLinkIn((await inbox())[0]!);
    await lockLostPhone({ db: test.db, token });
    const row = await test.db.registration.findUniqueOrThrow({ where: { id: c.registrationId } });
    expect(row.lockedAt).not.toBeNull();
    expect(row.lostReportedAt).not.toBeNull();
    expect(await findCitizenSession({ db: test.db, token: c.token })).toBeNull();
    expect(await error(signIn(c.passkey, PIN))).toBe("LOST_PHONE_REPORTED");
    expect(await error(setIdentityLock({ db: test.db, registrationId: c.registrationId, pin: PIN, pinPepper, locked: false }))).toBe("LOST_PHONE_REPORTED");
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: c.registrationId } })).lockedAt).not.toBeNull();
    expect(await error(lockLostPhone({ db: test.db, token }))).toBe("LOST_PHONE_LINK_INVALID");
    expect(await error(readLostPhoneLink({ db: test.db, token }))).toBe("LOST_PHONE_LINK_INVALID");
    // No more links for a KTP Digital already reported.
    await requestLostPhoneLink({ db: test.db, mailer, nik: c.nik, citizenUrl: CITIZEN_URL });
    expect(await inbox()).toHaveLength(1);

    // The officer's desk says so, and offers the device reset.
    const session = await createCounterSession(test.db);
    const desk = await getResidentCase({ db: test.db, session, nik: c.nik });
    expect(desk.active?.lostReportedAt).toEqual(row.lostReportedAt);
    expect(desk.actions).toContain("DEVICE");
    await resetResident({ db: test.db, session, request: { nik: c.nik, action: "DEVICE", note: "ponsel hilang, datang dengan e-KTP" } });
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: c.registrationId } })).step).toBe("SUPERSEDED");
  });

  it("keeps older links valid when more are asked for, and uses a link once when it is sent five times at once", async () => {
    const c = await citizen();
    await requestLostPhoneLink({ db: test.db, mailer, nik: c.nik, citizenUrl: CITIZEN_URL });
    await requestLostPhoneLink({ db: test.db, mailer, nik: c.nik, citizenUrl: CITIZEN_URL });
    const [first, second] = (await inbox()).map(lostLinkIn);
    expect(first).not.toBe(second);
    const results = await Promise.all(Array.from({ length: 5 }, () => error(lockLostPhone({ db: test.db, token: first! }))));
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(await test.db.auditEvent.count({ where: { action: "citizen.lost_phone.locked", registrationId: c.registrationId } })).toBe(1);
    // Once reported, the other link has nothing left to lock.
    expect(await error(lockLostPhone({ db: test.db, token: second! }))).toBe("LOST_PHONE_LINK_INVALID");
  });

  it("refuses an expired link and an unknown one", async () => {
    const c = await citizen();
    await requestLostPhoneLink({ db: test.db, mailer, nik: c.nik, citizenUrl: CITIZEN_URL });
    const token = lostLinkIn((await inbox())[0]!);
    await test.db.lostPhoneLink.updateMany({ where: { registrationId: c.registrationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await error(lockLostPhone({ db: test.db, token }))).toBe("LOST_PHONE_LINK_INVALID");
    expect(await error(lockLostPhone({ db: test.db, token: "A".repeat(43) }))).toBe("LOST_PHONE_LINK_INVALID");
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: c.registrationId } })).lostReportedAt).toBeNull();
  });
});

describe("activity history", () => {
  it("lists the citizen's and officers' actions on this NIK, newest first, without an officer's note or another NIK's events", async () => {
    const c = await citizen();
    const other = await citizen();
    await signIn(c.passkey, PIN);
    await changeWith(c, { oldPin: PIN, newPin: "730164" });
    await setIdentityLock({ db: test.db, registrationId: c.registrationId, pin: "730164", pinPepper, locked: true });
    const session = await createCounterSession(test.db);
    await getResidentCase({ db: test.db, session, nik: c.nik });
    await signOutCitizen({ db: test.db, token: c.token });
    await signOutCitizen({ db: test.db, token: (await beginSignIn({ db: test.db, rp: RP })).token });
    await signIn(other.passkey, PIN);

    const activity = await listActivity({ db: test.db, nik: c.nik });
    expect(activity.map((a) => a.kind)).toEqual(["citizen.sign_out", "resident.lookup", "citizen.lock", "citizen.pin_change", "citizen.sign_in", "device.bound"]);
    expect(activity.find((a) => a.kind === "resident.lookup")).toMatchObject({ actor: "OFFICER", place: expect.any(String), note: null });
    expect(activity.every((a, i) => i === 0 || activity[i - 1]!.at >= a.at)).toBe(true);
  });
});
