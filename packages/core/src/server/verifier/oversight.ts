import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { maskNik } from "../../universal/identity/purposes.ts";
import type { MisuseReport, VerifierOrgView } from "../../universal/verifier.ts";
import { type OfficerActor, recordAudit } from "../audit/record-audit.ts";

// What the national admin of the officer console sees of the organisations that verify KTP
// Digital: their registrations (pending first), keys and staff, and citizens' misuse reports.

const ORG_LIST_LIMIT = 200;
const REPORT_LIST_LIMIT = 200;

export type { MisuseReport, VerifierOrgView } from "../../universal/verifier.ts";

/** Every organisation, pending ones first, with its branches, keys (never the secrets) and staff. */
export async function listVerifierOrgs({ db }: { db: Db }): Promise<VerifierOrgView[]> {
  // Pending first in the query itself (the enum's order), so none falls past the limit unseen.
  const orgs = await db.verifierOrg.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: ORG_LIST_LIMIT,
    select: {
      id: true,
      legalName: true,
      registrationNumber: true,
      type: true,
      purposes: true,
      status: true,
      decisionReason: true,
      decidedAt: true,
      contactEmail: true,
      offlineStatusMaxMinutes: true,
      createdAt: true,
      branches: { select: { name: true, city: true }, orderBy: { name: "asc" } },
      apiKeys: { select: { prefix: true, label: true, purposes: true, createdAt: true, revokedAt: true }, orderBy: { createdAt: "desc" } },
      staff: { select: { id: true, email: true, nama: true, disabledAt: true, lockedUntil: true, _count: { select: { passkeys: true } } }, orderBy: { email: "asc" } },
      _count: { select: { verifications: true } },
    },
  });
  const reports = await db.verification.groupBy({ by: ["orgId"], where: { reportedAt: { not: null }, reportClosedAt: null }, _count: { _all: true } });
  const openReports = new Map(reports.map((r) => [r.orgId, r._count._all]));
  return orgs.map(({ _count, staff, ...org }) => ({
    ...org,
    staff: staff.map(({ _count: passkeys, ...s }) => ({ ...s, passkeyEnrolled: passkeys.passkeys > 0 })),
    verifications: _count.verifications,
    openReports: openReports.get(org.id) ?? 0,
  }));
}

/**
 * Citizens' "Bukan saya / laporkan", open ones first, each with the verification it points to. The
 * citizen's NIK, e-mail and phone come masked: `revealReportCitizen` shows them, and audits it.
 */
export async function listMisuseReports({ db }: { db: Db }): Promise<MisuseReport[]> {
  const rows = await db.verification.findMany({
    where: { reportedAt: { not: null } },
    orderBy: [{ reportClosedAt: { sort: "asc", nulls: "first" } }, { reportedAt: "desc" }],
    take: REPORT_LIST_LIMIT,
    select: {
      id: true,
      at: true,
      reportedAt: true,
      reportNote: true,
      reportClosedAt: true,
      reportOutcome: true,
      askedPurpose: true,
      sharedPurpose: true,
      verdict: true,
      reason: true,
      fields: true,
      offline: true,
      staffId: true,
      apiKeyId: true,
      registrationId: true,
      org: { select: { id: true, legalName: true, status: true } },
      branch: { select: { name: true, city: true } },
    },
  });
  const [staff, keys, registrations] = await Promise.all([
    db.verifierStaff.findMany({ where: { id: { in: ids(rows.map((r) => r.staffId)) } }, select: { id: true, nama: true, email: true } }),
    db.verifierApiKey.findMany({ where: { id: { in: ids(rows.map((r) => r.apiKeyId)) } }, select: { id: true, prefix: true, label: true } }),
    db.registration.findMany({ where: { id: { in: ids(rows.map((r) => r.registrationId)) } }, select: { id: true, nik: true, email: true, phone: true } }),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [staffById, keyById, registrationById] = [byId(staff), byId(keys), byId(registrations)];
  return rows.map(({ staffId, apiKeyId, registrationId, ...r }) => {
    const citizen = registrationId ? registrationById.get(registrationId) : undefined;
    return {
      ...r,
      staff: staffId ? (staffById.get(staffId) ?? null) : null,
      apiKey: apiKeyId ? (keyById.get(apiKeyId) ?? null) : null,
      citizen: citizen ? { nik: maskNik(citizen.nik), email: maskEmail(citizen.email), phone: `${citizen.phone.slice(0, 6)}****${citizen.phone.slice(-3)}` } : null,
    };
  });
}

/** The reporting citizen's NIK, e-mail and phone, to contact them about their report; audited with the NIK. */
export async function revealReportCitizen({ db, actor, verificationId, requestId }: { db: Db; actor: OfficerActor; verificationId: string; requestId?: string }) {
  const report = await db.verification.findFirst({ where: { id: verificationId, reportedAt: { not: null } }, select: { registrationId: true } });
  const citizen = report?.registrationId ? await db.registration.findUnique({ where: { id: report.registrationId }, select: { nik: true, email: true, phone: true } }) : null;
  if (!citizen) throw new AppError("NOT_FOUND");
  await recordAudit(db, {
    actorType: "OFFICER",
    actorId: actor.id,
    counterId: actor.counterId,
    action: "verification_report.reveal",
    nik: citizen.nik,
    registrationId: report!.registrationId,
    note: verificationId,
    requestId,
  });
  return citizen;
}

/** d***@contoh.id */
const maskEmail = (email: string) => email.replace(/^(.)[^@]*/, "$1***");

/** Closes an open report with what was done (told the organisation, suspended it…); audited. */
export async function closeMisuseReport({ db, actor, verificationId, outcome, requestId }: { db: Db; actor: OfficerActor; verificationId: string; outcome: string; requestId?: string }) {
  return db.$transaction(async (tx) => {
    const closed = await tx.verification.updateMany({
      where: { id: verificationId, reportedAt: { not: null }, reportClosedAt: null },
      data: { reportClosedAt: new Date(), reportClosedBy: actor.id, reportOutcome: outcome },
    });
    if (closed.count === 0) {
      const report = await tx.verification.findFirst({ where: { id: verificationId, reportedAt: { not: null } }, select: { id: true } });
      throw new AppError(report ? "REPORT_CLOSED" : "NOT_FOUND");
    }
    await recordAudit(tx, { actorType: "OFFICER", actorId: actor.id, counterId: actor.counterId, action: "verification_report.close", note: `${verificationId}: ${outcome}`, requestId });
  });
}

const ids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
