import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, NO_LIMITS } from "../rate-limit.ts";
import { hashToken } from "../secrets.ts";
import { changeStaff, createStaff } from "./staff-accounts.ts";
import { getStaffSession, signOutStaff } from "./staff-session.ts";
import { finishStaffPasskey, signInStaff } from "./staff-sign-in.ts";

// The scan page's staff accounts: the password step with its lockout (checked under parallel
// guesses, as the officer's is), the passkey step's refusals, and the session's end. A passkey
// itself is enrolled and used in a real browser (apps/verifier/e2e/scan-page.spec.ts).

const RP = { id: "localhost", origin: "http://localhost:3002" };
let test: TestDatabase;
let orgId: string;
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );

beforeAll(async () => {
  test = await createTestDatabase();
  orgId = (
    await test.db.verifierOrg.create({
      data: {
        legalName: "PT Bank Staf Uji",
        registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
        type: "BANK",
        purposes: ["bank"],
        status: "APPROVED",
        contactEmail: "it@uji.id",
        offlineStatusMaxMinutes: 60,
        branches: { create: [{ name: "KCP Uji", city: "Samarinda" }] },
      },
    })
  ).id;
}, 60_000);
afterAll(() => test.drop());

const newStaff = async (password = "sandi-staf-benar") => {
  const email = `staf.${randomBytes(4).toString("hex")}@uji.id`;
  const { id } = await createStaff({ db: test.db, orgId, email, nama: "STAF UJI", password, actor: { type: "VERIFIER", id: orgId } });
  return { id, email, password };
};
const signIn = (email: string, password: string, limiter = NO_LIMITS) => signInStaff({ db: test.db, request: { email, password }, limiter, rp: RP });

describe("staff sign-in", () => {
  it("asks a new account to enrol a passkey, and opens nothing before the passkey step", async () => {
    const staff = await newStaff();
    const { token, step } = await signIn(staff.email, staff.password);
    expect(step.next).toBe("enrol");
    expect(step.options).toMatchObject({ rp: { id: "localhost" }, user: { name: staff.email }, authenticatorSelection: { userVerification: "required" } });
    expect(await error(getStaffSession({ db: test.db, token }))).toBe("STAFF_SIGNED_OUT");
  });

  it("asks an enrolled account for that passkey, and refuses another or garbage", async () => {
    const staff = await newStaff();
    await test.db.verifierStaffPasskey.create({ data: { staffId: staff.id, credentialId: "terdaftar", publicKey: new Uint8Array(32) } });
    const { token, step } = await signIn(staff.email, staff.password);
    expect(step).toMatchObject({ next: "passkey", options: { allowCredentials: [{ id: "terdaftar" }], userVerification: "required" } });
    const answer = (id: string) =>
      finishStaffPasskey({ db: test.db, token, rp: RP, request: { credential: { id, rawId: id, type: "public-key", response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" } } } });
    expect(await error(answer("lain"))).toBe("STAFF_PASSKEY_NOT_RECOGNISED");
    expect(await error(answer("terdaftar"))).toBe("STAFF_PASSKEY_NOT_RECOGNISED");
    expect(await error(getStaffSession({ db: test.db, token }))).toBe("STAFF_SIGNED_OUT");
  });

  it("refuses a passkey answer without a live password step", async () => {
    const staff = await newStaff();
    const { token } = await signIn(staff.email, staff.password);
    await test.db.verifierSession.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const credential = { id: "x", rawId: "x", type: "public-key" as const, response: {} };
    expect(await error(finishStaffPasskey({ db: test.db, token, rp: RP, request: { credential } }))).toBe("STAFF_SIGN_IN_EXPIRED");
    expect(await error(finishStaffPasskey({ db: test.db, token: undefined, rp: RP, request: { credential } }))).toBe("STAFF_SIGN_IN_EXPIRED");
  });

  it("checks at most 5 of 40 parallel wrong passwords, then locks; a right one inside the burst does not lift it", async () => {
    const staff = await newStaff();
    const burst = Array.from({ length: 40 }, (_, i) => (i === 20 ? staff.password : "tebakan"));
    const results = await Promise.all(burst.map((password) => error(signIn(staff.email, password))));
    expect(results.filter((code) => code !== "STAFF_LOCKED")).toHaveLength(5);
    expect(await error(signIn(staff.email, staff.password))).toBe("STAFF_LOCKED");
    expect(await test.db.auditEvent.count({ where: { actorId: staff.id, action: "verifier_staff.locked" } })).toBeLessThanOrEqual(1);
  });

  it("answers an unknown e-mail exactly as a real one: wrong five times, then locked", async () => {
    const limiter = createRateLimiter({ databaseUrl: test.url, secret: new Uint8Array(32) });
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await error(signIn("tidak.ada@uji.id", "x", limiter)));
    expect(tries).toEqual([...Array(5).fill("STAFF_CREDENTIALS_WRONG"), "STAFF_LOCKED"]);
  });

  it("refuses a disabled account, and an organisation no longer approved after the right password", async () => {
    const disabled = await newStaff();
    await test.db.verifierStaff.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await error(signIn(disabled.email, disabled.password))).toBe("STAFF_CREDENTIALS_WRONG");
    const suspended = await test.db.verifierOrg.create({
      data: {
        legalName: "PT Ditangguhkan",
        registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
        type: "BANK",
        purposes: ["bank"],
        status: "APPROVED",
        contactEmail: "it@uji.id",
        offlineStatusMaxMinutes: 60,
      },
    });
    const email = `staf.${randomBytes(4).toString("hex")}@uji.id`;
    await createStaff({ db: test.db, orgId: suspended.id, email, nama: "STAF", password: "sandi-benar", actor: { type: "VERIFIER", id: suspended.id } });
    await test.db.verifierOrg.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    expect(await error(signIn(email, "sandi-benar"))).toBe("VERIFIER_NOT_APPROVED");
    expect(await error(createStaff({ db: test.db, orgId: suspended.id, email: "baru@uji.id", nama: "X", actor: { type: "VERIFIER", id: suspended.id } }))).toBe("VERIFIER_NOT_APPROVED");
  });
});

describe("staff session", () => {
  /** A session as the passkey step leaves it. */
  async function openSession() {
    const staff = await newStaff();
    const { token } = await signIn(staff.email, staff.password);
    await test.db.verifierSession.updateMany({ where: { tokenHash: hashToken(token) }, data: { challenge: null, passkeyVerifiedAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) } });
    return { staff, token };
  }

  it("knows the staff member, the organisation's purposes and branches", async () => {
    const { token } = await openSession();
    expect(await getStaffSession({ db: test.db, token })).toMatchObject({
      staff: { nama: "STAF UJI" },
      org: { id: orgId, legalName: "PT Bank Staf Uji", purposes: ["bank"], offlineStatusMaxMinutes: 60 },
      branches: [{ name: "KCP Uji", city: "Samarinda" }],
    });
  });

  it("ends at sign-out, after 30 idle minutes, when the account is disabled, and when passkeys are reset", async () => {
    const first = await openSession();
    await signOutStaff({ db: test.db, token: first.token });
    expect(await error(getStaffSession({ db: test.db, token: first.token }))).toBe("STAFF_SIGNED_OUT");

    const idle = await openSession();
    await test.db.verifierSession.updateMany({ where: { tokenHash: hashToken(idle.token) }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await error(getStaffSession({ db: test.db, token: idle.token }))).toBe("STAFF_SIGNED_OUT");

    const disabled = await openSession();
    await test.db.verifierStaff.update({ where: { id: disabled.staff.id }, data: { disabledAt: new Date() } });
    expect(await error(getStaffSession({ db: test.db, token: disabled.token }))).toBe("STAFF_SIGNED_OUT");

    const lost = await openSession();
    const { password } = await changeStaff({ db: test.db, orgId, staffId: lost.staff.id, action: "RESET_PASSKEYS", actor: { type: "OFFICER", id: orgId } });
    expect(await error(getStaffSession({ db: test.db, token: lost.token }))).toBe("STAFF_SIGNED_OUT");
    // Whoever has the lost phone may know the old password: only the new one opens the account.
    expect(await error(signIn(lost.staff.email, lost.staff.password))).toBe("STAFF_CREDENTIALS_WRONG");
    expect((await signIn(lost.staff.email, password!)).step.next).toBe("enrol");
  });
});
