import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { PURPOSE_RULES, type Purpose } from "../../universal/identity/purposes.ts";
import type { Mailer } from "../mail/mailer.ts";
import { forgetOrganisationKeys } from "./api-keys.ts";

export interface DecideVerifierOrgOptions {
  db: Db;
  officerId: string;
  orgId: string;
  decision: "APPROVE" | "REFUSE" | "SUSPEND";
  /** Required to refuse or suspend: the organisation is told. */
  reason?: string;
  /** On approval, the purposes granted: a subset of those asked for (all of them by default). */
  purposes?: Purpose[];
  /** Tells the organisation's contact; sent before the commit, so a decision it was not told of does not stand. */
  mailer?: Mailer;
  requestId?: string;
}

/** An admin of the officer console approves, refuses or suspends an organisation; audited. */
export async function decideVerifierOrg({ db, officerId, orgId, decision, reason, purposes, mailer, requestId }: DecideVerifierOrgOptions) {
  if (decision !== "APPROVE" && !reason?.trim()) throw new AppError("REFUSAL_REASON_REQUIRED", { field: "reason" });
  return db.$transaction(async (tx) => {
    const org = await tx.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true, purposes: true, legalName: true, contactEmail: true } });
    if (!org) throw new AppError("NOT_FOUND");
    const allowed = decision === "SUSPEND" ? org.status === "APPROVED" : org.status === "PENDING";
    if (!allowed) throw new AppError("ALREADY_DECIDED");
    const granted = purposes ? purposes.filter((p) => org.purposes.includes(p)) : org.purposes;
    if (decision === "APPROVE" && granted.length === 0) throw new AppError("PURPOSE_UNKNOWN", { field: "purposes" });
    const status = decision === "APPROVE" ? "APPROVED" : decision === "REFUSE" ? "REFUSED" : "SUSPENDED";
    // Conditional on the status read above, so two admins deciding at once cannot both win.
    const moved = await tx.verifierOrg.updateMany({
      where: { id: orgId, status: org.status },
      data: { status, decisionReason: reason?.trim() || null, decidedBy: officerId, decidedAt: new Date(), ...(decision === "APPROVE" ? { purposes: granted } : {}) },
    });
    if (moved.count === 0) throw new AppError("ALREADY_DECIDED");
    await tx.auditEvent.create({ data: { actorType: "OFFICER", actorId: officerId, action: `verifier_org.${decision.toLowerCase()}`, note: `${orgId}${reason ? `: ${reason}` : ""}`.slice(0, 500), requestId } });
    await mailer?.send({ to: org.contactEmail, ...decisionMail({ legalName: org.legalName, decision, reason: reason?.trim(), purposes: granted as Purpose[] }) });
    return { id: orgId, status };
  }).finally(() => {
    if (decision === "SUSPEND") forgetOrganisationKeys(orgId);
  });
}

function decisionMail({ legalName, decision, reason, purposes }: { legalName: string; decision: DecideVerifierOrgOptions["decision"]; reason?: string; purposes: Purpose[] }) {
  const granted = purposes.map((p) => PURPOSE_RULES[p].label.id).join(", ");
  const [subject, id, en] =
    decision === "APPROVE"
      ? ["Pendaftaran pengguna data KTP Digital disetujui", `Pendaftaran ${legalName} sebagai pengguna data KTP Digital disetujui untuk keperluan: ${granted}. Admin Ditjen Dukcapil akan menyerahkan akun petugas dan kunci API.`, `${legalName} is approved to verify KTP Digital for: ${purposes.map((p) => PURPOSE_RULES[p].label.en).join(", ")}. The Ditjen Dukcapil admin will hand over the staff accounts and API keys.`]
      : decision === "REFUSE"
        ? ["Pendaftaran pengguna data KTP Digital ditolak", `Pendaftaran ${legalName} sebagai pengguna data KTP Digital ditolak. Alasan: ${reason}`, `The registration of ${legalName} to verify KTP Digital was refused. Reason: ${reason}`]
        : ["Izin pengguna data KTP Digital ditangguhkan", `Izin ${legalName} untuk memeriksa KTP Digital ditangguhkan; kunci API dan akun petugas tidak dapat dipakai. Alasan: ${reason}`, `${legalName}'s permission to verify KTP Digital is suspended; its API keys and staff accounts no longer work. Reason: ${reason}`];
  const text = `${id}\n\nSalam,\nDitjen Dukcapil Kemendagri\n\n---\n${en}`;
  const html = `<p>${escapeHtml(id)}</p><p>Ditjen Dukcapil Kemendagri</p><hr><p lang="en">${escapeHtml(en)}</p>`;
  return { subject, text, html };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
