import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { PURPOSE_RULES, type Purpose } from "../../universal/identity/purposes.ts";
import { log } from "../log.ts";
import type { Mailer } from "../mail/mailer.ts";
import { type OfficerActor, recordAudit } from "../audit/record-audit.ts";
import { forgetOrganisationKeys } from "./api-keys.ts";

export interface DecideVerifierOrgOptions {
  db: Db;
  actor: OfficerActor;
  orgId: string;
  decision: "APPROVE" | "REFUSE" | "SUSPEND";
  /** Required to refuse or suspend: the organisation is told. */
  reason?: string;
  /** On approval, the purposes granted: a subset of those asked for (all of them by default). */
  purposes?: Purpose[];
  /** Tells the organisation's contact, after the decision is committed. */
  mailer?: Mailer;
  requestId?: string;
}

/**
 * An admin of the officer console approves, refuses or suspends an organisation; audited. The
 * decision stands whether or not the e-mail then goes out (an address that bounces must not keep
 * an organisation from being suspended): `emailSent` says, and the console tells the admin.
 */
export async function decideVerifierOrg({ db, actor, orgId, decision, reason, purposes, mailer, requestId }: DecideVerifierOrgOptions) {
  if (decision !== "APPROVE" && !reason?.trim()) throw new AppError("REFUSAL_REASON_REQUIRED", { field: "reason" });
  const decided = await db.$transaction(async (tx) => {
    const org = await tx.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true, purposes: true, legalName: true, contactEmail: true } });
    if (!org) throw new AppError("NOT_FOUND");
    const allowed = decision === "SUSPEND" ? org.status === "APPROVED" : org.status === "PENDING";
    if (!allowed) throw new AppError("ALREADY_DECIDED");
    const granted = (purposes ? purposes.filter((p) => org.purposes.includes(p)) : org.purposes) as Purpose[];
    if (decision === "APPROVE" && granted.length === 0) throw new AppError("PURPOSE_UNKNOWN", { field: "purposes" });
    const status = decision === "APPROVE" ? "APPROVED" : decision === "REFUSE" ? "REFUSED" : "SUSPENDED";
    // Conditional on the status read above, so two admins deciding at once cannot both win.
    const moved = await tx.verifierOrg.updateMany({
      where: { id: orgId, status: org.status },
      data: { status, decisionReason: reason?.trim() || null, decidedBy: actor.id, decidedAt: new Date(), ...(decision === "APPROVE" ? { purposes: granted } : {}) },
    });
    if (moved.count === 0) throw new AppError("ALREADY_DECIDED");
    await recordAudit(tx, {
      actorType: "OFFICER",
      actorId: actor.id,
      counterId: actor.counterId,
      action: `verifier_org.${decision.toLowerCase()}`,
      note: `${orgId}${reason ? `: ${reason}` : ""}`,
      requestId,
    });
    return { status, org, granted };
  });
  if (decision === "SUSPEND") forgetOrganisationKeys(orgId);

  const emailSent = mailer
    ? await mailer.send({ to: decided.org.contactEmail, ...decisionMail({ legalName: decided.org.legalName, decision, reason: reason?.trim(), purposes: decided.granted }) }).then(
        () => true,
        (error: unknown) => {
          log.warn({ err: error, orgId }, "verifier decision e-mail failed; the decision stands");
          return false;
        },
      )
    : false;
  return { id: orgId, status: decided.status, emailSent };
}

function decisionMail({ legalName, decision, reason, purposes }: { legalName: string; decision: DecideVerifierOrgOptions["decision"]; reason?: string; purposes: Purpose[] }) {
  const granted = purposes.map((p) => PURPOSE_RULES[p].label.id).join(", ");
  const [subject, id, en] =
    decision === "APPROVE"
      ? [
          "Pendaftaran pengguna data KTP Digital disetujui",
          `Pendaftaran ${legalName} sebagai pengguna data KTP Digital disetujui untuk keperluan: ${granted}. Admin Ditjen Dukcapil akan menyerahkan akun petugas dan kunci API.`,
          `${legalName} is approved to verify KTP Digital for: ${purposes.map((p) => PURPOSE_RULES[p].label.en).join(", ")}. The Ditjen Dukcapil admin will hand over the staff accounts and API keys.`,
        ]
      : decision === "REFUSE"
        ? [
            "Pendaftaran pengguna data KTP Digital ditolak",
            `Pendaftaran ${legalName} sebagai pengguna data KTP Digital ditolak. Alasan: ${reason}`,
            `The registration of ${legalName} to verify KTP Digital was refused. Reason: ${reason}`,
          ]
        : [
            "Izin pengguna data KTP Digital ditangguhkan",
            `Izin ${legalName} untuk memeriksa KTP Digital ditangguhkan; kunci API dan akun petugas tidak dapat dipakai. Alasan: ${reason}`,
            `${legalName}'s permission to verify KTP Digital is suspended; its API keys and staff accounts no longer work. Reason: ${reason}`,
          ];
  const text = `${id}\n\nSalam,\nDitjen Dukcapil Kemendagri\n\n---\n${en}`;
  const html = `<p>${escapeHtml(id)}</p><p>Ditjen Dukcapil Kemendagri</p><hr><p lang="en">${escapeHtml(en)}</p>`;
  return { subject, text, html };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
