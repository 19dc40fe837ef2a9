import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createResident } from "@ktp/testing/residents";
import type { LimitName, RateLimiter } from "../rate-limit.ts";
import { hashToken } from "../secrets.ts";
import { cancelRegistration } from "./cancel-registration.ts";
import { changeRegistrationContact } from "./change-contact.ts";
import { claimRegistrationHandoff } from "./claim-handoff.ts";
import { createRegistrationHandoff } from "./create-handoff.ts";
import { findActivationLinkProblem } from "./find-activation-link-problem.ts";
import { findRegistration } from "./registration-view.ts";
import { startRegistration } from "./start-registration.ts";

// Issue 13, the ways out and across: start over, correct the contact, continue on the phone.

const TODAY = { year: 2026, month: 11, day: 22 };
const CITIZEN_URL = "http://localhost:3000";
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.drop());

let n = 0;
async function registered() {
  const resident = await createResident(test.db, { nama: "DEWI LESTARI" });
  n++;
  const { resumeToken, registration } = await startRegistration({
    db: test.db,
    request: { nik: resident.nik, email: `dewi${n}@contoh.id`, phone: `+62812000${String(n).padStart(5, "0")}` },
    today: TODAY,
  });
  const { id } = (await findRegistration({ db: test.db, resumeToken }))!;
  return { nik: resident.nik, resumeToken, registration, id };
}

/** Counts what a limiter is asked for, and refuses past a budget. */
function countingLimiter(budget = Infinity) {
  const asked: [LimitName, string][] = [];
  const limiter: RateLimiter = {
    async consume(limit, subject) {
      asked.push([limit, subject]);
      if (asked.filter(([l, s]) => l === limit && s === subject).length > budget) throw Object.assign(new Error("limited"), { code: "RATE_LIMITED" });
    },
    async reward() {},
  };
  return { limiter, asked };
}

const audits = (registrationId: string) => test.db.auditEvent.findMany({ where: { registrationId }, orderBy: { at: "asc" }, select: { action: true, actorType: true, note: true } });

describe("cancelRegistration", () => {
  it("ends the citizen's own registration, audited, and the cookie's token finds nothing after", async () => {
    const { resumeToken, id } = await registered();
    await cancelRegistration({ db: test.db, resumeToken });
    expect((await test.db.registration.findUniqueOrThrow({ where: { id } })).step).toBe("CANCELLED");
    expect(await findRegistration({ db: test.db, resumeToken })).toBeNull();
    expect(await audits(id)).toEqual([{ action: "registration.cancel", actorType: "CITIZEN", note: "by the citizen" }]);
    expect(await error(cancelRegistration({ db: test.db, resumeToken }))).toBe("REGISTRATION_NOT_FOUND");
  });

  it("refuses once the KTP Digital is active", async () => {
    const { resumeToken, id } = await registered();
    await test.db.registration.update({ where: { id }, data: { step: "ACTIVE" } });
    expect(await error(cancelRegistration({ db: test.db, resumeToken }))).toBe("REGISTRATION_ENDED");
  });
});

describe("changeRegistrationContact", () => {
  it("corrects the e-mail and phone before the counter decides, counted per new e-mail and phone, audited", async () => {
    const { resumeToken, id } = await registered();
    const { limiter, asked } = countingLimiter();
    const view = await changeRegistrationContact({ db: test.db, resumeToken, request: { email: "dewi.benar@contoh.id", phone: "+6281299990000" }, limiter });
    expect(view.maskedEmail).toBe("de********@contoh.id");
    expect(await test.db.registration.findUniqueOrThrow({ where: { id }, select: { email: true, phone: true } })).toEqual({ email: "dewi.benar@contoh.id", phone: "+6281299990000" });
    expect(asked).toEqual([
      ["registrationEmail", "dewi.benar@contoh.id"],
      ["registrationPhone", "+6281299990000"],
    ]);
    expect(await audits(id)).toEqual([{ action: "registration.contact.change", actorType: "CITIZEN", note: "changed: email, phone" }]);
    // The same again changes nothing and spends nothing.
    await changeRegistrationContact({ db: test.db, resumeToken, request: { email: "dewi.benar@contoh.id", phone: "+6281299990000" }, limiter });
    expect(asked).toHaveLength(2);
  });

  it("is refused once the counter decided (the e-mail is on its way), and past the e-mail budget", async () => {
    const first = await registered();
    await test.db.registration.update({ where: { id: first.id }, data: { step: "EMAIL" } });
    expect(await error(changeRegistrationContact({ db: test.db, resumeToken: first.resumeToken, request: { email: "x@contoh.id", phone: "+6281299990001" } }))).toBe("CONTACT_LOCKED");
    const second = await registered();
    const { limiter } = countingLimiter(0);
    expect(await error(changeRegistrationContact({ db: test.db, resumeToken: second.resumeToken, request: { email: "y@contoh.id", phone: "+6281299990002" }, limiter }))).toBe("RATE_LIMITED");
  });
});

describe("registration handoff (Lanjutkan di ponsel)", () => {
  const codeOf = (url: string) => /#k=([A-Za-z0-9_-]{43})$/.exec(url)![1]!;

  it("moves the registration to the phone's browser; the first browser's token stops working", async () => {
    const { resumeToken, id } = await registered();
    const { url, expiresAt } = await createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL });
    expect(url).toMatch(/^http:\/\/localhost:3000\/daftar\/lanjut#k=/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const code = codeOf(url);
    expect((await test.db.registrationHandoff.findFirstOrThrow({ where: { registrationId: id } })).codeHash).toBe(hashToken(code));
    const claimed = await claimRegistrationHandoff({ db: test.db, code, userAgent: "Phone" });
    expect(claimed.registration.step).toBe("SELFIE");
    expect((await findRegistration({ db: test.db, resumeToken: claimed.resumeToken }))?.id).toBe(id);
    expect(await findRegistration({ db: test.db, resumeToken })).toBeNull();
    expect(await error(claimRegistrationHandoff({ db: test.db, code }))).toBe("HANDOFF_LINK_USED");
    expect((await audits(id)).map((a) => a.action)).toEqual(["registration.handoff.create", "registration.handoff.claim"]);
  });

  it("is claimed exactly once when opened in parallel", async () => {
    const { resumeToken } = await registered();
    const code = codeOf((await createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL })).url);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        claimRegistrationHandoff({ db: test.db, code }).then(
          (r) => r.resumeToken,
          (e: { code: string }) => e.code,
        ),
      ),
    );
    const won = results.filter((r) => !r.startsWith("HANDOFF_"));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r === "HANDOFF_LINK_USED")).toHaveLength(7);
    expect(await findRegistration({ db: test.db, resumeToken: won[0] })).not.toBeNull();
  });

  it("says which: unknown, expired, replaced; and only before the selfie; and limited per registration", async () => {
    expect(await error(claimRegistrationHandoff({ db: test.db, code: "A".repeat(43) }))).toBe("HANDOFF_LINK_INVALID");
    const { resumeToken, id } = await registered();
    const old = codeOf((await createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL })).url);
    const fresh = codeOf((await createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL })).url);
    expect(await error(claimRegistrationHandoff({ db: test.db, code: old }))).toBe("HANDOFF_LINK_USED");
    await test.db.registrationHandoff.updateMany({ where: { codeHash: hashToken(fresh) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await error(claimRegistrationHandoff({ db: test.db, code: fresh }))).toBe("HANDOFF_LINK_EXPIRED");
    const late = codeOf((await createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL })).url);
    await test.db.registration.update({ where: { id }, data: { step: "PIN" } });
    expect(await error(claimRegistrationHandoff({ db: test.db, code: late }))).toBe("HANDOFF_NOT_AT_SELFIE");
    expect(await error(createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL }))).toBe("HANDOFF_NOT_AT_SELFIE");
    const other = await registered();
    const { limiter } = countingLimiter(1);
    await createRegistrationHandoff({ db: test.db, resumeToken: other.resumeToken, citizenUrl: CITIZEN_URL, limiter });
    expect(await error(createRegistrationHandoff({ db: test.db, resumeToken: other.resumeToken, citizenUrl: CITIZEN_URL, limiter }))).toBe("RATE_LIMITED");
  });

  it("cancelling ends the codes too", async () => {
    const { resumeToken } = await registered();
    const code = codeOf((await createRegistrationHandoff({ db: test.db, resumeToken, citizenUrl: CITIZEN_URL })).url);
    await cancelRegistration({ db: test.db, resumeToken });
    expect(await error(claimRegistrationHandoff({ db: test.db, code }))).toBe("HANDOFF_LINK_USED");
  });
});

describe("findActivationLinkProblem", () => {
  it("says which is wrong without using the link up", async () => {
    const { id } = await registered();
    const token = "B".repeat(43);
    expect(await findActivationLinkProblem({ db: test.db, token: undefined })).toBe("ACTIVATION_LINK_INVALID");
    expect(await findActivationLinkProblem({ db: test.db, token })).toBe("ACTIVATION_LINK_INVALID");
    await test.db.activationEmail.create({ data: { registrationId: id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60_000) } });
    expect(await findActivationLinkProblem({ db: test.db, token })).toBeNull();
    expect(await findActivationLinkProblem({ db: test.db, token })).toBeNull();
    await test.db.activationEmail.updateMany({ where: { registrationId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findActivationLinkProblem({ db: test.db, token })).toBe("ACTIVATION_LINK_EXPIRED");
    await test.db.activationEmail.updateMany({ where: { registrationId: id }, data: { usedAt: new Date() } });
    expect(await findActivationLinkProblem({ db: test.db, token })).toBe("ACTIVATION_LINK_USED");
  });
});
