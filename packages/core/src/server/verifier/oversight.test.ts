import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "@ktp/testing/mail-catcher";
import { createCounterSession } from "@ktp/testing/officer";
import { createActivatedCitizen } from "@ktp/testing/residents";
import type { TRegisterVerifierOrgRequest } from "../../universal/verifier.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { reportVerification } from "../wallet/verification-history.ts";
import { authenticateApiKey, createApiKey } from "./api-keys.ts";
import { decideVerifierOrg } from "./decide-verifier-org.ts";
import { closeMisuseReport, listMisuseReports, listVerifierOrgs, revealReportCitizen } from "./oversight.ts";
import { registerVerifierOrg } from "./register-verifier-org.ts";
import { changeStaff, createStaff } from "./staff-accounts.ts";

let test: TestDatabase;
let catcher: MailCatcher;
let mailer: Mailer;
let adminId: string;
const error = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e) => e.code as string,
  );
const inbox = async (): Promise<CaughtMail[]> => (await fetch(`${catcher.inboxUrl}/api/messages`)).json();

const register = (over: Partial<TRegisterVerifierOrgRequest> = {}) =>
  registerVerifierOrg({
    db: test.db,
    request: {
      legalName: "PT Bank Pengawasan Uji",
      registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
      type: "BANK",
      purposes: ["bank", "age17"],
      contactEmail: "kepatuhan@uji.co.id",
      branches: [{ name: "KCP Uji", city: "Samarinda" }],
      ...over,
    },
  });

beforeAll(async () => {
  test = await createTestDatabase();
  catcher = await startMailCatcher();
  mailer = createMailer({ smtpUrl: catcher.smtpUrl });
  adminId = (await createCounterSession(test.db, { role: "ADMIN" })).officer.id;
});
afterAll(async () => {
  await catcher.stop();
  await test.drop();
});
beforeEach(() => fetch(`${catcher.inboxUrl}/api/messages`, { method: "DELETE" }));

describe("deciding on an organisation", () => {
  it("tells the organisation by e-mail, with the reason of a refusal; of two admins deciding at once exactly one wins", async () => {
    const { id } = await register();
    const results = await Promise.allSettled([
      decideVerifierOrg({ db: test.db, mailer, actor: { id: adminId }, orgId: id, decision: "REFUSE", reason: "Nomor NIB tidak ditemukan di OSS." }),
      decideVerifierOrg({ db: test.db, mailer, actor: { id: adminId }, orgId: id, decision: "APPROVE" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => r.reason.code)).toEqual(["ALREADY_DECIDED"]);
    const mails = await inbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(["kepatuhan@uji.co.id"]);
    const org = await test.db.verifierOrg.findUniqueOrThrow({ where: { id } });
    if (org.status === "REFUSED") expect(mails[0]!.text).toContain("Nomor NIB tidak ditemukan di OSS.");
    expect(await test.db.auditEvent.count({ where: { action: { startsWith: "verifier_org." }, note: { startsWith: id }, actorId: adminId } })).toBe(1);
  });

  it("grants only purposes the organisation asked for, and a refusal needs a reason", async () => {
    const { id } = await register();
    expect(await error(decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId: id, decision: "REFUSE", reason: " " }))).toBe("REFUSAL_REASON_REQUIRED");
    expect(await error(decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId: id, decision: "APPROVE", purposes: ["full"] }))).toBe("PURPOSE_UNKNOWN");
    await decideVerifierOrg({ db: test.db, mailer, actor: { id: adminId }, orgId: id, decision: "APPROVE", purposes: ["age17"] });
    expect((await test.db.verifierOrg.findUniqueOrThrow({ where: { id } })).purposes).toEqual(["age17"]);
    expect((await inbox())[0]!.text).toContain("Cek usia 17+");
  });

  it("a decision stands when its e-mail cannot be sent, and says so", async () => {
    const { id } = await register();
    const deadMailer = createMailer({ smtpUrl: "smtp://127.0.0.1:1" });
    const decided = await decideVerifierOrg({ db: test.db, mailer: deadMailer, actor: { id: adminId }, orgId: id, decision: "REFUSE", reason: "Alamat kontak tidak dapat dihubungi." });
    expect(decided).toEqual({ id, status: "REFUSED", emailSent: false });
    expect((await test.db.verifierOrg.findUniqueOrThrow({ where: { id } })).status).toBe("REFUSED");
  });

  it("lists pending organisations first, whatever their age", async () => {
    const { id } = await register({ legalName: "PT Lama Menunggu" });
    await test.db.verifierOrg.update({ where: { id }, data: { createdAt: new Date("2020-01-01") } });
    const orgs = await listVerifierOrgs({ db: test.db });
    const firstDecided = orgs.findIndex((o) => o.status !== "PENDING");
    expect(orgs.findIndex((o) => o.id === id)).toBeLessThan(firstDecided);
  });

  it("refuses a suspended organisation's API key at once in this process", async () => {
    const { id } = await register();
    await decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId: id, decision: "APPROVE" });
    const { key } = await createApiKey({ db: test.db, orgId: id, label: "Server KYC", actor: { type: "OFFICER", id: adminId } });
    expect(await authenticateApiKey(test.db, `Bearer ${key}`)).not.toBeNull();
    await decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId: id, decision: "SUSPEND", reason: "Laporan penyalahgunaan data." });
    expect(await authenticateApiKey(test.db, `Bearer ${key}`)).toBeNull();
    expect(await error(createStaff({ db: test.db, orgId: id, email: "baru@uji.co.id", nama: "BARU", actor: { type: "OFFICER", id: adminId } }))).toBe("VERIFIER_NOT_APPROVED");
  });
});

describe("staff accounts", () => {
  it("refuses a taken e-mail with a 409 code and changes only the organisation's own staff", async () => {
    const { id } = await register();
    const { id: other } = await register({ legalName: "PT Lain Uji" });
    await decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId: id, decision: "APPROVE" });
    await decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId: other, decision: "APPROVE" });
    const email = `teller-${randomBytes(3).toString("hex")}@uji.co.id`;
    const actor = { type: "OFFICER" as const, id: adminId };
    const staff = await createStaff({ db: test.db, orgId: id, email, nama: "TELLER UJI", actor });
    expect(staff.password.length).toBeGreaterThanOrEqual(16);
    expect(await error(createStaff({ db: test.db, orgId: other, email: email.toUpperCase(), nama: "DUPLIKAT", actor }))).toBe("STAFF_EMAIL_TAKEN");
    expect(await error(changeStaff({ db: test.db, orgId: other, staffId: staff.id, action: "DISABLE", actor }))).toBe("NOT_FOUND");
    // A lost phone: passkeys gone, the old password replaced by one shown once.
    const reset = await changeStaff({ db: test.db, orgId: id, staffId: staff.id, action: "RESET_PASSKEYS", actor });
    expect(reset.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(reset.password).not.toBe(staff.password);
    await changeStaff({ db: test.db, orgId: id, staffId: staff.id, action: "DISABLE", actor });
    expect(await error(changeStaff({ db: test.db, orgId: id, staffId: staff.id, action: "DISABLE", actor }))).toBe("STAFF_DISABLED");
    expect(await test.db.auditEvent.count({ where: { action: "verifier_staff.disable", note: `${id} ${staff.id}` } })).toBe(1);
    const [listed] = (await listVerifierOrgs({ db: test.db })).filter((o) => o.id === id);
    expect(listed!.staff).toEqual([expect.objectContaining({ email, disabledAt: expect.any(Date), passkeyEnrolled: false })]);
  });
});

describe("citizens' misuse reports", () => {
  it("reach the admin with the verification they point to; of parallel closes exactly one wins", async () => {
    const { id: orgId } = await register({ legalName: "PT Bank Dilaporkan Uji" });
    await decideVerifierOrg({ db: test.db, actor: { id: adminId }, orgId, decision: "APPROVE" });
    const { resident, registration } = await createActivatedCitizen(test.db);
    const verification = await test.db.verification.create({
      data: { orgId, registrationId: registration.id, askedPurpose: "bank", sharedPurpose: "bank", verdict: "valid", fields: ["nama", "nik"] },
    });
    await reportVerification({ db: test.db, registrationId: registration.id, verificationId: verification.id, note: "Saya tidak pernah ke bank ini" });

    const [report] = (await listMisuseReports({ db: test.db })).filter((r) => r.id === verification.id);
    expect(report).toMatchObject({ reportNote: "Saya tidak pernah ke bank ini", reportClosedAt: null, org: { legalName: "PT Bank Dilaporkan Uji" }, fields: ["nama", "nik"] });
    // Masked in the list; shown on request, and that is audited with the NIK.
    expect(report!.citizen!.nik).toBe(`${resident.nik.slice(0, 4)}********${resident.nik.slice(12)}`);
    expect(report!.citizen!.email).toMatch(/^.\*\*\*@/);
    const shown = await revealReportCitizen({ db: test.db, actor: { id: adminId }, verificationId: verification.id });
    expect(shown.nik).toBe(resident.nik);
    expect(await test.db.auditEvent.count({ where: { action: "verification_report.reveal", nik: resident.nik, actorId: adminId } })).toBe(1);
    expect((await listVerifierOrgs({ db: test.db })).find((o) => o.id === orgId)!.openReports).toBe(1);

    const closes = await Promise.allSettled([1, 2, 3].map((n) => closeMisuseReport({ db: test.db, actor: { id: adminId }, verificationId: verification.id, outcome: `Ditindaklanjuti ${n}` })));
    expect(closes.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(new Set(closes.flatMap((r) => (r.status === "rejected" ? [r.reason.code] : [])))).toEqual(new Set(["REPORT_CLOSED"]));
    expect(await test.db.auditEvent.count({ where: { action: "verification_report.close", note: { startsWith: verification.id } } })).toBe(1);
    expect(await error(closeMisuseReport({ db: test.db, actor: { id: adminId }, verificationId: orgId, outcome: "tidak ada" }))).toBe("NOT_FOUND");
    expect((await listVerifierOrgs({ db: test.db })).find((o) => o.id === orgId)!.openReports).toBe(0);
  });
});
