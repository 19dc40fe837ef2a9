import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createResident } from "@ktp/testing/residents";
import { cropFace, groupPhoto, retake, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { verifyPin } from "../account/pin-hash.ts";
import { deriveKey, hashToken, unseal } from "../secrets.ts";
import { beginDeviceBinding } from "./begin-device-binding.ts";
import { finishDeviceBinding } from "./finish-device-binding.ts";
import { findRegistration } from "./registration-view.ts";
import { setPin } from "./set-pin.ts";
import { startRegistration } from "./start-registration.ts";
import { submitSelfie } from "./submit-selfie.ts";

const TODAY = { year: 2026, month: 11, day: 22 };
const selfieKey = deriveKey("test-secret-that-is-long-enough-000000", "selfie");
const pinPepper = deriveKey("test-secret-that-is-long-enough-000000", "pin-pepper");
const contact = { email: "warga@contoh.id", phone: "+6281234567890" };
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );

let test: TestDatabase;
let faces: Buffer[];

beforeAll(async () => {
  test = await createTestDatabase();
  faces = await Promise.all(SAMPLE1_FACES.map((f) => cropFace(groupPhoto(1), f)));
}, 60_000);
afterAll(() => test.drop());

/** A resident whose e-KTP photo is face `photo` of the group photo. */
async function residentWithPhoto(photo: 0 | 1 | 2 | null = 2, overrides: Parameters<typeof createResident>[1] = {}) {
  const resident = await createResident(test.db, overrides);
  if (photo !== null) {
    await test.db.fotoEktp.create({ data: { nik: resident.nik, gambar: new Uint8Array(faces[photo]!), mime: "image/jpeg", diambilPada: new Date() } });
  }
  return resident;
}

describe("startRegistration", () => {
  it("opens a registration for an eligible resident and hands back a resume token", async () => {
    const resident = await residentWithPhoto(2, { nama: "DEWI LESTARI" });
    const { resumeToken, registration } = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
    expect(registration).toEqual({
      step: "SELFIE",
      reference: expect.stringMatching(/^[0-9A-F]{8}$/),
      maskedName: "DE** LE*****",
      maskedEmail: "wa***@contoh.id",
      selfieAttemptsLeft: 3,
      counter: null,
      refusal: null,
    });
    const stored = await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik } });
    expect(stored.resumeTokenHash).toBe(hashToken(resumeToken));
    expect(stored.resumeTokenHash).not.toContain(resumeToken);
  });

  it("says why SIAK refuses: unknown, deceased, under 17, no e-KTP", async () => {
    const start = (nik: string) => error(startRegistration({ db: test.db, request: { nik, ...contact }, today: TODAY }));
    expect(await start("6472051708459999")).toBe("SIAK_NOT_FOUND");
    expect(await start((await createResident(test.db, { tanggalMeninggal: new Date("2024-04-12") })).nik)).toBe("SIAK_DECEASED");
    expect(await start((await createResident(test.db, { tanggalLahir: new Date("2012-03-10"), ektpDirekamPada: null })).nik)).toBe("SIAK_UNDER_17");
    expect(await start((await createResident(test.db, { ektpDirekamPada: null })).nik)).toBe("SIAK_NO_EKTP");
  });

  it("gives each registration its own selfie attempts: a stranger's failures never reach the owner's", async () => {
    const resident = await residentWithPhoto(1);
    const stranger = await startRegistration({ db: test.db, request: { nik: resident.nik, email: "orang.lain@contoh.id", phone: "+6281299998888" }, today: TODAY });
    for (let i = 0; i < 3; i++) await error(submitSelfie({ db: test.db, resumeToken: stranger.resumeToken, readImage: async () => faces[2]!, selfieKey }));
    expect((await findRegistration({ db: test.db, resumeToken: stranger.resumeToken }))!.step).toBe("COUNTER_REQUIRED");
    // Finding 3: the owner starts afresh with three attempts, and their face goes on.
    const owner = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
    expect(owner.registration.selfieAttemptsLeft).toBe(3);
    const passed = await submitSelfie({ db: test.db, resumeToken: owner.resumeToken, readImage: async () => retake(faces[1]!), selfieKey });
    expect(passed.registration.step).toBe("PIN");
    expect(await findRegistration({ db: test.db, resumeToken: stranger.resumeToken })).toBeNull();
  });

  it("lets several registrations wait at the selfie, and only the first matching face go on", async () => {
    const resident = await residentWithPhoto(2);
    const starts = await Promise.all(
      Array.from({ length: 5 }, (_, i) => startRegistration({ db: test.db, request: { nik: resident.nik, email: `w${i}@contoh.id`, phone: "+6281234567890" }, today: TODAY })),
    );
    expect(await test.db.registration.count({ where: { nik: resident.nik, step: "SELFIE" } })).toBe(5);
    const selfie = await retake(faces[2]!);
    const results = await Promise.all(starts.map((s) => error(submitSelfie({ db: test.db, resumeToken: s.resumeToken, readImage: async () => selfie, selfieKey }))));
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(await test.db.registration.count({ where: { nik: resident.nik, step: "PIN" } })).toBe(1);
    expect(await test.db.registration.count({ where: { nik: resident.nik, step: "SELFIE" } })).toBe(0);
  }, 60_000);

  it("never lets a stranger replace a registration past the selfie, even one approved and waiting for the e-mail", async () => {
    for (const step of ["PIN", "DEVICE", "COUNTER", "EMAIL"] as const) {
      const resident = await residentWithPhoto(2);
      const owner = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
      await test.db.registration.update({ where: { resumeTokenHash: hashToken(owner.resumeToken) }, data: { step } });
      expect(await error(startRegistration({ db: test.db, request: { nik: resident.nik, email: "orang.lain@contoh.id", phone: "+6281299998888" }, today: TODAY }))).toBe("REGISTRATION_IN_PROGRESS");
      expect((await findRegistration({ db: test.db, resumeToken: owner.resumeToken }))!.step).toBe(step);
    }
  });

  it("refuses a NIK that is already active", async () => {
    const resident = await residentWithPhoto(2);
    const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
    await test.db.registration.update({ where: { resumeTokenHash: hashToken(resumeToken) }, data: { step: "ACTIVE" } });
    expect(await error(startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY }))).toBe("ALREADY_ACTIVE");
  });
});

describe("submitSelfie", () => {
  const open = async (photo: 0 | 1 | 2 | null) => {
    const resident = await residentWithPhoto(photo);
    return { resident, ...(await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY })) };
  };

  it("moves a matching selfie to the PIN step and keeps it encrypted for the officer", async () => {
    const { resumeToken, resident } = await open(2);
    const selfie = await retake(faces[2]!);
    const result = await submitSelfie({ db: test.db, resumeToken, readImage: async () => selfie, selfieKey });
    expect(result.decision).toBe("match");
    expect(result.registration.step).toBe("PIN");
    const stored = await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik, step: "PIN" }, select: { selfieEncrypted: true } });
    expect(Buffer.from(stored.selfieEncrypted!).includes(selfie.subarray(0, 64))).toBe(false);
    const id = (await findRegistration({ db: test.db, resumeToken }))!.id;
    expect(unseal(selfieKey, stored.selfieEncrypted!, id).equals(selfie)).toBe(true);
    // Bound to its registration: the same ciphertext does not open under another id.
    expect(() => unseal(selfieKey, stored.selfieEncrypted!, crypto.randomUUID())).toThrow();
    expect(await error(submitSelfie({ db: test.db, resumeToken, readImage: async () => selfie, selfieKey }))).toBe("WRONG_STEP");
  });

  it("sends the citizen to the counter after the third mismatch", async () => {
    const { resumeToken, resident } = await open(1);
    const wrong = () => submitSelfie({ db: test.db, resumeToken, readImage: async () => faces[2]!, selfieKey });
    expect(await wrong().catch((e) => e.details)).toEqual({ attemptsLeft: 2 });
    expect(await wrong().catch((e) => e.details)).toEqual({ attemptsLeft: 1 });
    expect(await error(wrong())).toBe("SELFIE_ATTEMPTS_EXHAUSTED");
    const stored = await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik } });
    expect(stored).toMatchObject({ step: "COUNTER_REQUIRED", selfieAttempts: 3, matchDecision: "no_match" });
    expect(await error(wrong())).toBe("SELFIE_ATTEMPTS_EXHAUSTED");
  });

  it("never allows more than three comparisons, even in parallel", async () => {
    const { resumeToken, resident } = await open(1);
    const codes = await Promise.all(Array.from({ length: 6 }, () => error(submitSelfie({ db: test.db, resumeToken, readImage: async () => faces[2]!, selfieKey }))));
    const stored = await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik } });
    expect(stored.selfieAttempts).toBe(3);
    expect(codes.filter((c) => c === "FACE_NO_MATCH").length).toBeLessThanOrEqual(2);
    expect(codes).toContain("SELFIE_ATTEMPTS_EXHAUSTED");
  }, 60_000);

  it("refuses an unusable photo with its reason: no comparison spent, but the upload counts, ten at most", async () => {
    const { resumeToken, resident } = await open(2);
    expect(await error(submitSelfie({ db: test.db, resumeToken, readImage: async () => Buffer.from("nope"), selfieKey }))).toBe("IMAGE_UNREADABLE");
    expect((await findRegistration({ db: test.db, resumeToken }))!.selfieAttempts).toBe(0);
    const codes = await Promise.all(Array.from({ length: 12 }, () => error(submitSelfie({ db: test.db, resumeToken, readImage: async () => Buffer.from("nope"), selfieKey }))));
    expect(codes.filter((c) => c === "IMAGE_UNREADABLE")).toHaveLength(8);
    expect(await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik }, select: { step: true, selfieUploads: true } })).toEqual({ step: "COUNTER_REQUIRED", selfieUploads: 10 });
  });

  it("reads no photo for a request without a registration", async () => {
    let read = false;
    const readImage = async () => ((read = true), faces[2]!);
    expect(await error(submitSelfie({ db: test.db, resumeToken: undefined, readImage, selfieKey }))).toBe("REGISTRATION_NOT_FOUND");
    expect(read).toBe(false);
  });

  it("sends residents without an e-KTP photo to the counter, and unknown tokens away", async () => {
    const { resumeToken } = await open(null);
    expect(await error(submitSelfie({ db: test.db, resumeToken, readImage: async () => faces[2]!, selfieKey }))).toBe("EKTP_PHOTO_MISSING");
    expect(await error(submitSelfie({ db: test.db, resumeToken: "forged", readImage: async () => faces[2]!, selfieKey }))).toBe("REGISTRATION_NOT_FOUND");
    expect(await error(submitSelfie({ db: test.db, resumeToken: undefined, readImage: async () => faces[2]!, selfieKey }))).toBe("REGISTRATION_NOT_FOUND");
  });
});

describe("setPin", () => {
  const atPin = async () => {
    const resident = await residentWithPhoto(2, { tanggalLahir: new Date(Date.UTC(1990, 10, 2)) });
    const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
    await submitSelfie({ db: test.db, resumeToken, readImage: async () => await retake(faces[2]!), selfieKey });
    return { resident, resumeToken };
  };

  it("stores only an argon2id hash, left out of ordinary queries, and moves on to the device", async () => {
    const { resident, resumeToken } = await atPin();
    const view = await setPin({ db: test.db, pinPepper, resumeToken, request: { pin: "284519", confirmation: "284519" } });
    expect(view.step).toBe("DEVICE");
    const plain = await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik, step: "DEVICE" } });
    expect(plain).not.toHaveProperty("pinHash");
    const { pinHash } = await test.db.registration.findFirstOrThrow({ where: { nik: resident.nik, step: "DEVICE" }, select: { pinHash: true } });
    expect(pinHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPin(pinHash!, "284519", pinPepper)).toBe(true);
    expect(await verifyPin(pinHash!, "284519", deriveKey("another-secret-that-is-long-enough-00", "pin-pepper"))).toBe(false);
    expect(await error(setPin({ db: test.db, pinPepper, resumeToken, request: { pin: "730164", confirmation: "730164" } }))).toBe("WRONG_STEP");
  });

  it("refuses guessable PINs and the birth date, and the PIN step before the selfie", async () => {
    const { resumeToken } = await atPin();
    expect(await error(setPin({ db: test.db, pinPepper, resumeToken, request: { pin: "123456", confirmation: "123456" } }))).toBe("PIN_TRIVIAL");
    expect(await error(setPin({ db: test.db, pinPepper, resumeToken, request: { pin: "021190", confirmation: "021190" } }))).toBe("PIN_BIRTH_DATE");
    const early = await startRegistration({ db: test.db, request: { nik: (await residentWithPhoto(2)).nik, ...contact }, today: TODAY });
    expect(await error(setPin({ db: test.db, pinPepper, resumeToken: early.resumeToken, request: { pin: "284519", confirmation: "284519" } }))).toBe("WRONG_STEP");
  });
});

describe("device binding", () => {
  const rp = { id: "localhost", origin: "http://localhost:3000" };
  const atDevice = async () => {
    const resident = await residentWithPhoto(2);
    const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
    await submitSelfie({ db: test.db, resumeToken, readImage: async () => await retake(faces[2]!), selfieKey });
    await setPin({ db: test.db, pinPepper, resumeToken, request: { pin: "284519", confirmation: "284519" } });
    return resumeToken;
  };
  const forged = {
    credential: { id: "abc", rawId: "abc", type: "public-key" as const, response: { clientDataJSON: "e30", attestationObject: "oA" } },
    deviceKey: { kty: "EC" as const, crv: "P-256" as const, x: "A".repeat(43), y: "B".repeat(43) },
    deviceKeySignature: "C".repeat(86),
  };

  it("asks for a platform passkey with user verification and keeps a single-use challenge", async () => {
    const resumeToken = await atDevice();
    const options = await beginDeviceBinding({ db: test.db, resumeToken, rp });
    expect(options.authenticatorSelection).toMatchObject({ authenticatorAttachment: "platform", residentKey: "required", userVerification: "required" });
    expect(options.rp.id).toBe("localhost");
    const stored = await test.db.registration.findFirstOrThrow({ where: { resumeTokenHash: hashToken(resumeToken) }, select: { deviceChallenge: true } });
    expect(stored.deviceChallenge).toBe(options.challenge);
  });

  it("answers forged or malformed credentials with a 4xx code, never a crash", async () => {
    const resumeToken = await atDevice();
    expect(await error(finishDeviceBinding({ db: test.db, resumeToken, rp, request: forged }))).toBe("DEVICE_CHALLENGE_EXPIRED");
    await beginDeviceBinding({ db: test.db, resumeToken, rp });
    expect(await error(finishDeviceBinding({ db: test.db, resumeToken, rp, request: forged }))).toBe("DEVICE_NOT_VERIFIED");
    await test.db.registration.updateMany({ where: { resumeTokenHash: hashToken(resumeToken) }, data: { deviceChallengeExpiresAt: new Date(Date.now() - 1000) } });
    expect(await error(finishDeviceBinding({ db: test.db, resumeToken, rp, request: forged }))).toBe("DEVICE_CHALLENGE_EXPIRED");
  });

  it("is not offered before the PIN", async () => {
    const resident = await residentWithPhoto(2);
    const { resumeToken } = await startRegistration({ db: test.db, request: { nik: resident.nik, ...contact }, today: TODAY });
    expect(await error(beginDeviceBinding({ db: test.db, resumeToken, rp }))).toBe("WRONG_STEP");
  });
});
