import { webcrypto } from "node:crypto";
import sharp from "sharp";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { type MailCatcher, startMailCatcher } from "@ktp/testing/mail-catcher";
import { createCounterSession } from "@ktp/testing/officer";
import { createResident } from "@ktp/testing/residents";
import { startRegistration } from "../activation/start-registration.ts";
import { findRegistration } from "../activation/registration-view.ts";
import { deviceKeyThumbprint } from "../device-key.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { createRateLimiter, NO_LIMITS } from "../rate-limit.ts";
import { deriveKey, hashToken, newToken, seal } from "../secrets.ts";
import { issueActivationQr, scanActivationQr } from "./activation-qr.ts";
import { applicantPhoto } from "./applicant-photo.ts";
import { decideActivation, verifyActivationRecord } from "./decide-activation.ts";
import { listApplicants } from "./list-applicants.ts";
import { hashPassword } from "@ktp/db/password-hash";
import { getCounterSession, signOutOfficer } from "./officer-session.ts";
import { signInOfficer } from "./officer-sign-in.ts";
import { getResidentCase } from "./resident-case.ts";
import { resetResident } from "./reset-resident.ts";
import { loadZxing } from "../../universal/qr-readback.ts";

// html5-qrcode's own zxing-js: what the citizen app's scanner runs.
const zxing = await loadZxing();

/** What zxing-js reads from an SVG code drawn at `pixelsPerModule`, as the console shows it. */
async function readSvg(svg: string, pixelsPerModule: number): Promise<string | null> {
  const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const size = modules * pixelsPerModule;
  const { data, info } = await sharp(Buffer.from(svg)).resize(size, size, { kernel: "nearest" }).flatten({ background: "#fff" }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const hints = new Map<number, unknown>([
    [zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.QR_CODE]],
    [zxing.DecodeHintType.TRY_HARDER, false],
  ]);
  try {
    const source = new zxing.RGBLuminanceSource(new Uint8ClampedArray(data), info.width, info.height);
    return new zxing.MultiFormatReader(false, hints).decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))).text;
  } catch {
    return null;
  }
}

const SECRET = "test-secret-that-is-long-enough-000000";
const qrKey = deriveKey(SECRET, "activation-qr");
const recordKey = deriveKey(SECRET, "activation-record");
const selfieKey = deriveKey(SECRET, "selfie");
const TODAY = { year: 2026, month: 11, day: 22 };
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );

let test: TestDatabase;
let catcher: MailCatcher;
let mailer: Mailer;
let counterCode: string;
const officerNip = `19870315201001${String(Math.floor(Math.random() * 9000) + 1000)}`;

beforeAll(async () => {
  test = await createTestDatabase();
  catcher = await startMailCatcher();
  mailer = createMailer({ smtpUrl: catcher.smtpUrl });
  counterCode = "UJI-01";
  await test.db.counter.create({ data: { code: counterCode, name: "Loket Uji 1", kabupatenKode: "64.72" } });
  await test.db.counter.create({ data: { code: "UJI-PDG", name: "Loket Uji Padang", kabupatenKode: "13.71" } });
  await test.db.officer.create({ data: { nip: officerNip, nama: "RATNA PETUGAS", passwordHash: await hashPassword("sandi-petugas-uji"), kabupatenKode: "64.72" } });
}, 60_000);
afterAll(async () => {
  await catcher.stop();
  await test.drop();
});

async function openCounter() {
  const { token } = await signInOfficer({ db: test.db, limiter: NO_LIMITS, request: { nip: officerNip, password: "sandi-petugas-uji", counter: counterCode } });
  return { token, session: await getCounterSession({ db: test.db, token }) };
}

/** A citizen whose phone is bound (a device key we hold) and who stands at the COUNTER step. */
async function citizenAtCounter() {
  const resident = await createResident(test.db, { nama: "SITI RAHAYU" });
  await test.db.fotoEktp.create({ data: { nik: resident.nik, gambar: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), mime: "image/jpeg", diambilPada: new Date() } });
  const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, email: "siti@contoh.id", phone: "+6281234567890" }, today: TODAY });
  const pair = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const { kty, crv, x, y } = await webcrypto.subtle.exportKey("jwk", pair.publicKey);
  const { id } = await test.db.registration.findUniqueOrThrow({ where: { resumeTokenHash: hashToken(resumeToken) }, select: { id: true } });
  const registration = await test.db.registration.update({
    where: { id },
    data: { step: "COUNTER", matchScore: 0.31, matchDecision: "match", selfieEncrypted: seal(selfieKey, Buffer.from("selfie-jpeg"), id) },
  });
  const deviceKey = { kty: kty!, crv: crv!, x: x!, y: y! };
  await test.db.device.create({
    data: { registrationId: registration.id, credentialId: newToken(), publicKey: new Uint8Array(8), transports: [], backupEligible: false, backedUp: false, deviceKey },
  });
  const sign = async (text: string, key = pair.privateKey) => Buffer.from(await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, new TextEncoder().encode(text))).toString("base64url");
  const scan = async (qr: string, options: { key?: webcrypto.CryptoKey; now?: Date } = {}) =>
    scanActivationQr({ db: test.db, resumeToken, request: { qr, deviceKeySignature: await sign(qr, options.key) }, qrKey, now: options.now });
  return { resident, resumeToken, registrationId: registration.id, deviceKey, scan };
}

describe("officer sign-in", () => {
  it("opens a counter session for the right password and refuses a wrong one", async () => {
    const { token, session } = await openCounter();
    expect(session.counter.code).toBe(counterCode);
    expect(session.officer.nama).toBe("RATNA PETUGAS");
    expect(await error(signInOfficer({ db: test.db, limiter: NO_LIMITS, request: { nip: officerNip, password: "salah", counter: counterCode } }))).toBe("OFFICER_CREDENTIALS_WRONG");
    expect(await error(signInOfficer({ db: test.db, limiter: NO_LIMITS, request: { nip: "199001012015011999", password: "x", counter: counterCode } }))).toBe("OFFICER_CREDENTIALS_WRONG");
    expect(await error(signInOfficer({ db: test.db, limiter: NO_LIMITS, request: { nip: officerNip, password: "sandi-petugas-uji", counter: "NOPE" } }))).toBe("COUNTER_UNKNOWN");
    await signOutOfficer({ db: test.db, token });
    expect(await error(getCounterSession({ db: test.db, token }))).toBe("OFFICER_SIGNED_OUT");
  });

  const lockTarget = async (nip: string) => test.db.officer.create({ data: { nip, nama: "UJI KUNCI", passwordHash: await hashPassword("benar-sekali"), kabupatenKode: "64.72" } });
  const guess = (nip: string, password: string) => error(signInOfficer({ db: test.db, limiter: NO_LIMITS, request: { nip, password, counter: counterCode } }));

  it("checks at most 5 of 40 parallel wrong passwords, then locks for 15 minutes (finding 1)", async () => {
    const nip = "199202022015012002";
    await lockTarget(nip);
    const guesses = await Promise.all(Array.from({ length: 40 }, () => guess(nip, "tebakan")));
    expect(guesses.filter((code) => code === "OFFICER_CREDENTIALS_WRONG")).toHaveLength(5);
    expect(guesses.filter((code) => code === "OFFICER_LOCKED")).toHaveLength(35);
    expect(await guess(nip, "benar-sekali")).toBe("OFFICER_LOCKED");
    const officer = await test.db.officer.findUniqueOrThrow({ where: { nip }, select: { lockedUntil: true } });
    expect(officer.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
  });

  it("lets a right password inside a burst of 29 wrong ones neither slip past the lock nor lift it (finding 1)", async () => {
    const nip = "199202022015012003";
    await lockTarget(nip);
    const burst = Array.from({ length: 30 }, (_, i) => (i === 15 ? "benar-sekali" : "tebakan"));
    const results = await Promise.all(burst.map((password) => guess(nip, password)));
    expect(results.filter((code) => code !== "OFFICER_LOCKED")).toHaveLength(5);
    expect(await guess(nip, "benar-sekali")).toBe("OFFICER_LOCKED");
  });

  it("answers an unknown NIP exactly as a real one: wrong five times, then locked", async () => {
    const limiter = createRateLimiter({ databaseUrl: test.url, secret: new Uint8Array(32) });
    const nip = "199909092020091009";
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await error(signInOfficer({ db: test.db, limiter, request: { nip, password: "x", counter: counterCode } })));
    expect(tries).toEqual([...Array(5).fill("OFFICER_CREDENTIALS_WRONG"), "OFFICER_LOCKED"]);
  });

  it("signs an officer in only at a counter of their own Dinas (finding 8)", async () => {
    expect(await error(signInOfficer({ db: test.db, limiter: NO_LIMITS, request: { nip: officerNip, password: "sandi-petugas-uji", counter: "UJI-PDG" } }))).toBe("OFFICER_WRONG_REGION");
    const officer = await test.db.officer.findUniqueOrThrow({ where: { nip: officerNip }, select: { id: true } });
    expect(await test.db.auditEvent.count({ where: { actorId: officer.id, action: "officer.sign_in_wrong_region" } })).toBe(1);
  });

  it("signs out a console left idle for 30 minutes; its own polling does not count as activity", async () => {
    const { token, session } = await openCounter();
    await test.db.counterSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });
    await getCounterSession({ db: test.db, token, activity: false });
    const { lastSeenAt } = await test.db.counterSession.findUniqueOrThrow({ where: { id: session.id }, select: { lastSeenAt: true } });
    expect(Date.now() - lastSeenAt.getTime()).toBeGreaterThan(28 * 60_000);
    await test.db.counterSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await error(getCounterSession({ db: test.db, token }))).toBe("OFFICER_SIGNED_OUT");
  });
});

describe("activation QR", () => {
  it("lets the bound phone join the counter's queue once, and shows the officer its data and photos", async () => {
    const { session } = await openCounter();
    const citizen = await citizenAtCounter();
    const { qr, svg, expiresAt } = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
    expect(qr.length).toBeLessThan(300);
    expect(svg).toContain("<svg");
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);

    const view = await citizen.scan(qr);
    expect(view.counter).toEqual({ code: counterCode, name: "Loket Uji 1" });
    const [applicant] = await listApplicants({ db: test.db, counterSessionId: session.id });
    expect(applicant).toMatchObject({ id: citizen.registrationId, matchScore: expect.closeTo(0.31, 5), hasSelfie: true, card: { nama: "SITI RAHAYU", nik: citizen.resident.nik } });
    const selfie = await applicantPhoto({ db: test.db, counterSessionId: session.id, registrationId: citizen.registrationId, which: "selfie", selfieKey });
    expect(Buffer.from(selfie.bytes).toString()).toBe("selfie-jpeg");

    // Another counter's officer sees nothing of it.
    const other = await openCounter();
    expect(await listApplicants({ db: test.db, counterSessionId: other.session.id })).toEqual([]);
    expect(await error(applicantPhoto({ db: test.db, counterSessionId: other.session.id, registrationId: citizen.registrationId, which: "ektp", selfieKey }))).toBe("APPLICANT_NOT_FOUND");
  });

  it("refuses a replayed, expired, forged or ended-session code", async () => {
    const { token, session } = await openCounter();
    const citizen = await citizenAtCounter();
    const { qr } = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
    await citizen.scan(qr);
    expect(await error(citizen.scan(qr))).toBe("QR_USED");

    const late = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
    expect(await error(citizen.scan(late.qr, { now: new Date(Date.now() + 61_000) }))).toBe("QR_EXPIRED");

    const forged = await new SignJWT({ sid: session.id })
      .setProtectedHeader({ alg: "HS256" })
      .setJti(crypto.randomUUID())
      .setExpirationTime("1m")
      .sign(deriveKey("another-secret-of-enough-length-00000", "activation-qr"));
    expect(await error(citizen.scan(forged))).toBe("QR_INVALID");
    const [header, , signature] = late.qr.split(".");
    const payload = Buffer.from(JSON.stringify({ sid: session.id, jti: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) + 60 })).toString("base64url");
    expect(await error(citizen.scan(`${header}.${payload}.${signature}`))).toBe("QR_INVALID");
    // Signed by us but never issued.
    const unissued = await new SignJWT({ sid: session.id }).setProtectedHeader({ alg: "HS256" }).setJti(crypto.randomUUID()).setExpirationTime("1m").sign(qrKey);
    expect(await error(citizen.scan(unissued))).toBe("QR_INVALID");

    const fresh = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
    await signOutOfficer({ db: test.db, token });
    expect(await error(citizen.scan(fresh.qr))).toBe("QR_EXPIRED");
  });

  it("refuses a scan from a second phone without the device key, and leaves the code unused", async () => {
    const { session } = await openCounter();
    const citizen = await citizenAtCounter();
    const { qr } = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
    const otherPhone = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    expect(await error(citizen.scan(qr, { key: otherPhone.privateKey }))).toBe("DEVICE_KEY_INVALID");
    await citizen.scan(qr);
  });

  it("lets exactly one of two phones racing for one code win", async () => {
    const { session } = await openCounter();
    const [a, b] = await Promise.all([citizenAtCounter(), citizenAtCounter()]);
    for (let round = 0; round < 5; round++) {
      await test.db.registration.updateMany({ where: { id: { in: [a.registrationId, b.registrationId] } }, data: { counterSessionId: null } });
      const { qr } = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
      const results = await Promise.all([error(a.scan(qr)), error(b.scan(qr))]);
      expect(results.sort()).toEqual(["QR_USED", "resolved"]);
      expect(await test.db.registration.count({ where: { id: { in: [a.registrationId, b.registrationId] }, counterSessionId: session.id } })).toBe(1);
    }
  });

  it("only issues codes the citizen app's scanner can read", async () => {
    const { session } = await openCounter();
    // readableMask() re-reads each code with html5-qrcode's zxing; 40 codes would hit ~3 unreadable ones otherwise.
    // Each issued SVG is drawn and read here with that same zxing, at 3 and 5 pixels a module.
    for (let i = 0; i < 40; i++) {
      const { qr, svg } = await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey });
      expect(await readSvg(svg, 3)).toBe(qr);
      expect(await readSvg(svg, 5)).toBe(qr);
    }
  });
});

describe("decision at the counter", () => {
  it("approves: erases the selfie, keeps a signed record naming officer, counter and device key, and sends the e-mail", async () => {
    const { session } = await openCounter();
    const citizen = await citizenAtCounter();
    await citizen.scan((await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey })).qr);
    const record = await decideActivation({
      db: test.db,
      counterSessionId: session.id,
      registrationId: citizen.registrationId,
      request: { decision: "APPROVED" },
      recordKey,
      mailer,
      citizenUrl: "http://localhost:3000",
    });
    expect(record.emailSent).toBe(true);

    const stored = await test.db.registration.findUniqueOrThrow({ where: { id: citizen.registrationId }, select: { step: true, selfieEncrypted: true } });
    expect(stored).toEqual({ step: "EMAIL", selfieEncrypted: null });
    const claims = await verifyActivationRecord(record.signature, recordKey);
    expect(claims).toMatchObject({ officer: officerNip, counter: counterCode, decision: "APPROVED", nik: citizen.resident.nik, deviceKey: deviceKeyThumbprint(citizen.deviceKey as never) });
    expect(claims.iat).toBe(Math.floor(record.decidedAt.getTime() / 1000));
    const tampered = record.signature.replace(/\.([^.]+)\./, (_, body: string) => `.${Buffer.from(Buffer.from(body, "base64url").toString().replace("APPROVED", "REFUSED")).toString("base64url")}.`);
    await expect(verifyActivationRecord(tampered, recordKey)).rejects.toThrow();

    const mails = await (await fetch(`${catcher.inboxUrl}/api/messages`)).json();
    expect(mails.some((m: { to: string[] }) => m.to.includes("siti@contoh.id"))).toBe(true);
    expect(
      await error(
        decideActivation({
          db: test.db,
          counterSessionId: session.id,
          registrationId: citizen.registrationId,
          request: { decision: "REFUSED", reason: "FACE_MISMATCH" },
          recordKey,
          mailer,
          citizenUrl: "",
        }),
      ),
    ).toBe("ALREADY_DECIDED");
  });

  it("refuses with a reason the citizen then reads; the NIK may start again", async () => {
    const { session } = await openCounter();
    const citizen = await citizenAtCounter();
    await citizen.scan((await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey })).qr);
    const decide = (request: Parameters<typeof decideActivation>[0]["request"]) =>
      decideActivation({ db: test.db, counterSessionId: session.id, registrationId: citizen.registrationId, request, recordKey, mailer, citizenUrl: "" });
    expect(await error(decide({ decision: "REFUSED", reason: "OTHER" }))).toBe("REFUSAL_REASON_REQUIRED");
    await decide({ decision: "REFUSED", reason: "NOT_PRESENT", note: "Yang datang adiknya" });

    const registration = await findRegistration({ db: test.db, resumeToken: citizen.resumeToken });
    expect(registration?.step).toBe("REFUSED");
    const { toRegistrationView } = await import("../activation/registration-view.ts");
    expect((await toRegistrationView(test.db, registration!)).refusal).toEqual({ reason: "NOT_PRESENT", note: "Yang datang adiknya" });
    expect(await test.db.activationRecord.findUniqueOrThrow({ where: { registrationId: citizen.registrationId }, select: { refusalReason: true, refusalNote: true } })).toEqual({
      refusalReason: "NOT_PRESENT",
      refusalNote: "Yang datang adiknya",
    });
    expect(await test.db.registration.findUniqueOrThrow({ where: { id: citizen.registrationId }, select: { selfieEncrypted: true } })).toEqual({ selfieEncrypted: null });
    const again = await startRegistration({ db: test.db, request: { nik: citizen.resident.nik, email: "siti@contoh.id", phone: "+6281234567890" }, today: TODAY });
    expect(again.registration.step).toBe("SELFIE");
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const { session } = await openCounter();
    const citizen = await citizenAtCounter();
    await citizen.scan((await issueActivationQr({ db: test.db, counterSessionId: session.id, qrKey })).qr);
    const results = await Promise.all([
      error(
        decideActivation({
          db: test.db,
          counterSessionId: session.id,
          registrationId: citizen.registrationId,
          request: { decision: "APPROVED" },
          recordKey,
          mailer,
          citizenUrl: "http://localhost:3000",
        }),
      ),
      error(
        decideActivation({
          db: test.db,
          counterSessionId: session.id,
          registrationId: citizen.registrationId,
          request: { decision: "REFUSED", reason: "FACE_MISMATCH" },
          recordKey,
          mailer,
          citizenUrl: "",
        }),
      ),
    ]);
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(await test.db.activationRecord.count({ where: { registrationId: citizen.registrationId } })).toBe(1);
  });
});

describe("officer resets", () => {
  it("a second phone for an active NIK is refused until the officer resets the lost one, and the reset is audited", async () => {
    const desk = await createCounterSession(test.db);
    const citizen = await citizenAtCounter();
    await test.db.registration.update({ where: { id: citizen.registrationId }, data: { step: "ACTIVE" } });
    const start = () => startRegistration({ db: test.db, request: { nik: citizen.resident.nik, email: "baru@contoh.id", phone: "+6281234567891" }, today: TODAY });
    expect(await error(start())).toBe("ALREADY_ACTIVE");
    expect((await getResidentCase({ db: test.db, session: desk, nik: citizen.resident.nik })).actions).toEqual(["DEVICE"]);

    await resetResident({ db: test.db, session: desk, request: { nik: citizen.resident.nik, action: "DEVICE", note: "ponsel hilang, dicek dengan e-KTP" } });
    expect(await test.db.device.findUniqueOrThrow({ where: { registrationId: citizen.registrationId }, select: { revokedAt: true } })).toEqual({ revokedAt: expect.any(Date) });
    expect((await start()).registration.step).toBe("SELFIE");
    expect(await error(resetResident({ db: test.db, session: desk, request: { nik: citizen.resident.nik, action: "DEVICE", note: "lagi" } }))).toBe("NOTHING_TO_RESET");
    // Finding 8: who reset what, when and why.
    const audit = await test.db.auditEvent.findFirstOrThrow({ where: { nik: citizen.resident.nik, action: "resident.reset.device" } });
    expect(audit).toMatchObject({ actorType: "OFFICER", actorId: desk.officer.id, counterId: desk.counter.id, note: "ponsel hilang, dicek dengan e-KTP", at: expect.any(Date) });
    expect(await test.db.auditEvent.count({ where: { nik: citizen.resident.nik, action: "resident.lookup", actorId: desk.officer.id } })).toBe(1);
  });

  it("lifts the PIN lock after the 10th wrong PIN", async () => {
    const desk = await createCounterSession(test.db);
    const citizen = await citizenAtCounter();
    await test.db.registration.update({ where: { id: citizen.registrationId }, data: { step: "ACTIVE", pinFailures: 10 } });
    await resetResident({ db: test.db, session: desk, request: { nik: citizen.resident.nik, action: "PIN", note: "dicek langsung" } });
    expect(await test.db.registration.findUniqueOrThrow({ where: { id: citizen.registrationId }, select: { pinFailures: true } })).toEqual({ pinFailures: 0 });
    expect(await error(getResidentCase({ db: test.db, session: desk, nik: "6472051708459999" }))).toBe("RESIDENT_NOT_FOUND");
  });

  it("shows what SIAK records beside the KTP Digital state: a deceased resident is not 'never registered' (issue 14, item 9)", async () => {
    const desk = await createCounterSession(test.db);
    const living = await getResidentCase({ db: test.db, session: desk, nik: (await createResident(test.db)).nik });
    expect(living.siak).toEqual({ alive: true, wajibKtp: true, ektpRecorded: true, eligible: true, region: "KOTA SAMARINDA" });
    const deceased = await getResidentCase({ db: test.db, session: desk, nik: (await createResident(test.db, { tanggalMeninggal: new Date(Date.UTC(2025, 0, 1)) })).nik });
    expect(deceased.siak).toMatchObject({ alive: false, eligible: false });
    const unrecorded = await getResidentCase({ db: test.db, session: desk, nik: (await createResident(test.db, { ektpDirekamPada: null })).nik });
    expect(unrecorded.siak).toMatchObject({ alive: true, ektpRecorded: false, eligible: false });
  });

  it("shows whose registrations are open, cancels a stranger's and passes the owner's selfie in person (finding 3)", async () => {
    const desk = await createCounterSession(test.db);
    const resident = await createResident(test.db);
    const stranger = await startRegistration({
      db: test.db,
      request: { nik: resident.nik, email: "penipu@contoh.id", phone: "+6281299990000" },
      today: TODAY,
      userAgent: "Mozilla/5.0 (Linux; Android 9)",
    });
    const owner = await startRegistration({ db: test.db, request: { nik: resident.nik, email: "pemilik@contoh.id", phone: "+6281211112222" }, today: TODAY });
    await test.db.registration.updateMany({
      where: { resumeTokenHash: { in: [hashToken(stranger.resumeToken), hashToken(owner.resumeToken)] } },
      data: { step: "COUNTER_REQUIRED", selfieAttempts: 3 },
    });

    const found = await getResidentCase({ db: test.db, session: desk, nik: resident.nik });
    expect(found.open.map((r) => [r.email, r.phone, r.step])).toEqual([
      ["pemilik@contoh.id", "+6281211112222", "COUNTER_REQUIRED"],
      ["penipu@contoh.id", "+6281299990000", "COUNTER_REQUIRED"],
    ]);
    expect(found.open[1]!.userAgent).toContain("Android");
    expect(found.open[0]!.reference).toBe(owner.registration.reference);

    const strangerId = found.open[1]!.id;
    await resetResident({ db: test.db, session: desk, request: { nik: resident.nik, action: "CANCEL", registrationId: strangerId, note: "bukan pemilik NIK" } });
    expect(await findRegistration({ db: test.db, resumeToken: stranger.resumeToken })).toBeNull();
    await resetResident({ db: test.db, session: desk, request: { nik: resident.nik, action: "FACE_IN_PERSON", registrationId: found.open[0]!.id, note: "wajah cocok dengan e-KTP" } });
    expect((await findRegistration({ db: test.db, resumeToken: owner.resumeToken }))?.step).toBe("PIN");
    expect(await test.db.auditEvent.count({ where: { nik: resident.nik, action: { in: ["registration.cancel", "resident.face_in_person"] }, actorId: desk.officer.id } })).toBe(2);
  });

  it("serves only residents of the officer's own Dinas (finding 8)", async () => {
    const padang = await createCounterSession(test.db, { kabupatenKode: "13.71" });
    const resident = await createResident(test.db);
    expect(await error(getResidentCase({ db: test.db, session: padang, nik: resident.nik }))).toBe("RESIDENT_OUT_OF_REGION");
    expect(await error(resetResident({ db: test.db, session: padang, request: { nik: resident.nik, action: "PIN", note: "coba" } }))).toBe("RESIDENT_OUT_OF_REGION");
  });
});
