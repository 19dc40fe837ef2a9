import { createResident, createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import argon2 from "argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PIN_HASH_OPTIONS } from "../activation/set-pin.ts";
import { resetResident } from "../counter/resident-desk.ts";
import { hashToken, newToken } from "../secrets.ts";
import { beginSignIn, findCitizenSession, finishPasskeySignIn, finishPinSignIn, signOutCitizen } from "./sign-in.ts";

// The passkey half runs against a real authenticator in the e2e (counter-activation.spec.ts);
// here the session is put in the state a verified passkey leaves, to test what follows.

const RP = { id: "localhost", origin: "http://localhost:3000" };
const error = (promise: Promise<unknown>) => promise.then(() => "resolved", (e) => e.code as string);
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

async function activeCitizen() {
  const resident = await createResident(test.db);
  const registration = await test.db.registration.create({
    data: { nik: resident.nik, email: "w@contoh.id", phone: "+6281234567890", step: "ACTIVE", resumeTokenHash: hashToken(newToken()), pinHash: await argon2.hash("284519", PIN_HASH_OPTIONS) },
  });
  await test.db.device.create({
    data: { registrationId: registration.id, credentialId: newToken(), publicKey: new Uint8Array(8), transports: [], backupEligible: false, backedUp: false, deviceKey: {} },
  });
  /** A sign-in whose passkey step has passed. */
  const afterPasskey = async () => {
    const token = newToken();
    await test.db.citizenSession.create({
      data: { tokenHash: hashToken(token), registrationId: registration.id, passkeyVerifiedAt: new Date(), expiresAt: new Date(Date.now() + 300_000) },
    });
    return token;
  };
  return { nik: resident.nik, afterPasskey };
}

describe("citizen sign-in", () => {
  it("signs in only after passkey and the right PIN, and only once per sign-in", async () => {
    const citizen = await activeCitizen();
    const token = await citizen.afterPasskey();
    expect(await findCitizenSession({ db: test.db, token })).toBeNull();
    expect(await error(finishPinSignIn({ db: test.db, token, pin: "111222" }))).toBe("PIN_WRONG");
    await finishPinSignIn({ db: test.db, token, pin: "284519" });
    expect(await findCitizenSession({ db: test.db, token })).toMatchObject({ nik: citizen.nik });
    expect(await error(finishPinSignIn({ db: test.db, token, pin: "284519" }))).toBe("SIGN_IN_EXPIRED");
    await signOutCitizen({ db: test.db, token });
    expect(await findCitizenSession({ db: test.db, token })).toBeNull();
  });

  it("asks for the passkey before the PIN, and refuses a passkey it does not know", async () => {
    const { token } = await beginSignIn({ db: test.db, rp: RP });
    expect(await error(finishPinSignIn({ db: test.db, token, pin: "284519" }))).toBe("SIGN_IN_EXPIRED");
    const credential = { id: "bm90LWEta2V5", rawId: "bm90LWEta2V5", type: "public-key" as const, response: {} };
    expect(await error(finishPasskeySignIn({ db: test.db, token, rp: RP, request: { credential, deviceKeySignature: "A".repeat(86) } }))).toBe("PASSKEY_NOT_RECOGNISED");
    expect(await error(finishPasskeySignIn({ db: test.db, token: undefined, rp: RP, request: { credential, deviceKeySignature: "A".repeat(86) } }))).toBe("SIGN_IN_EXPIRED");
  });

  it("applies the PIN lockout across sign-ins: the 10th wrong PIN sends the citizen to the counter", async () => {
    const citizen = await activeCitizen();
    await test.db.registration.updateMany({ where: { nik: citizen.nik }, data: { pinFailures: 9 } });
    expect(await error(finishPinSignIn({ db: test.db, token: await citizen.afterPasskey(), pin: "000111" }))).toBe("PIN_LOCKED_COUNTER");
    expect(await error(finishPinSignIn({ db: test.db, token: await citizen.afterPasskey(), pin: "284519" }))).toBe("PIN_LOCKED_COUNTER");
    await resetResident({ db: test.db, request: { nik: citizen.nik, action: "PIN" } });
    await finishPinSignIn({ db: test.db, token: await citizen.afterPasskey(), pin: "284519" });
  });

  it("ends every session of a phone the officer resets", async () => {
    const citizen = await activeCitizen();
    const token = await citizen.afterPasskey();
    await finishPinSignIn({ db: test.db, token, pin: "284519" });
    await resetResident({ db: test.db, request: { nik: citizen.nik, action: "DEVICE" } });
    expect(await findCitizenSession({ db: test.db, token })).toBeNull();
  });
});
