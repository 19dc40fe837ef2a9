import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createCounterSession } from "@ktp/testing/officer";
import { createResident } from "@ktp/testing/residents";
import { hashPin } from "./pin-hash.ts";
import { resetResident } from "../counter/reset-resident.ts";
import { hashToken, newToken } from "../secrets.ts";
import { findCitizenSession, signOutCitizen } from "./citizen-session.ts";
import { beginSignIn, finishPasskeySignIn } from "./sign-in-passkey.ts";
import { finishPinSignIn } from "./sign-in-pin.ts";

// The passkey half runs against a real authenticator in the e2e (counter-activation.spec.ts);
// here the session is put in the state a verified passkey leaves, to test what follows.

const RP = { id: "localhost", origin: "http://localhost:3000" };
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );
let test: TestDatabase;
const pinPepper = Buffer.from("pepper-for-tests-only-000000000000");
const signInPin = (token: string, pin: string) => finishPinSignIn({ db: test.db, token, pin, pinPepper });

beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

async function activeCitizen() {
  const resident = await createResident(test.db);
  const registration = await test.db.registration.create({
    data: { nik: resident.nik, email: "w@contoh.id", phone: "+6281234567890", step: "ACTIVE", resumeTokenHash: hashToken(newToken()), pinHash: await hashPin("284519", pinPepper) },
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
    expect(await error(signInPin(token, "111222"))).toBe("PIN_WRONG");
    const { token: signedIn } = await signInPin(token, "284519");
    // The token that waited for the PIN is retired; the session lives on under a new one.
    expect(signedIn).not.toBe(token);
    expect(await findCitizenSession({ db: test.db, token })).toBeNull();
    expect(await findCitizenSession({ db: test.db, token: signedIn })).toMatchObject({ nik: citizen.nik });
    expect(await error(signInPin(token, "284519"))).toBe("SIGN_IN_EXPIRED");
    expect(await error(signInPin(signedIn, "284519"))).toBe("SIGN_IN_EXPIRED");
    expect(await test.db.auditEvent.count({ where: { action: "citizen.sign_in", registrationId: (await findCitizenSession({ db: test.db, token: signedIn }))!.registrationId } })).toBe(1);
    await signOutCitizen({ db: test.db, token: signedIn });
    expect(await findCitizenSession({ db: test.db, token: signedIn })).toBeNull();
  });

  it("ends a busy session 12 hours after the PIN, however recently it was used", async () => {
    const citizen = await activeCitizen();
    const { token } = await signInPin(await citizen.afterPasskey(), "284519");
    expect(await findCitizenSession({ db: test.db, token })).not.toBeNull();
    await test.db.citizenSession.updateMany({ where: { tokenHash: hashToken(token) }, data: { pinVerifiedAt: new Date(Date.now() - 12 * 3600_000 - 1000) } });
    expect(await findCitizenSession({ db: test.db, token })).toBeNull();
  });

  it("asks for the passkey before the PIN, and refuses a passkey it does not know", async () => {
    const { token } = await beginSignIn({ db: test.db, rp: RP });
    expect(await error(signInPin(token, "284519"))).toBe("SIGN_IN_EXPIRED");
    const credential = { id: "bm90LWEta2V5", rawId: "bm90LWEta2V5", type: "public-key" as const, response: {} };
    expect(await error(finishPasskeySignIn({ db: test.db, token, rp: RP, request: { credential, deviceKeySignature: "A".repeat(86) } }))).toBe("PASSKEY_NOT_RECOGNISED");
    expect(await error(finishPasskeySignIn({ db: test.db, token: undefined, rp: RP, request: { credential, deviceKeySignature: "A".repeat(86) } }))).toBe("SIGN_IN_EXPIRED");
  });

  it("applies the PIN lockout across sign-ins: the 10th wrong PIN sends the citizen to the counter", async () => {
    const citizen = await activeCitizen();
    await test.db.registration.updateMany({ where: { nik: citizen.nik }, data: { pinFailures: 9 } });
    expect(await error(signInPin(await citizen.afterPasskey(), "000111"))).toBe("PIN_LOCKED_COUNTER");
    expect(await error(signInPin(await citizen.afterPasskey(), "284519"))).toBe("PIN_LOCKED_COUNTER");
    await resetResident({ db: test.db, session: await createCounterSession(test.db), request: { nik: citizen.nik, action: "PIN", note: "dicek langsung" } });
    await signInPin(await citizen.afterPasskey(), "284519");
  });

  it("ends every session of a phone the officer resets", async () => {
    const citizen = await activeCitizen();
    const token = await citizen.afterPasskey();
    const { token: signedIn } = await signInPin(token, "284519");
    await resetResident({ db: test.db, session: await createCounterSession(test.db), request: { nik: citizen.nik, action: "DEVICE", note: "ponsel hilang" } });
    expect(await findCitizenSession({ db: test.db, token: signedIn })).toBeNull();
  });
});
