import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { Purpose } from "../../universal/identity/purposes.ts";

export interface DecideVerifierOrgOptions {
  db: Db;
  officerId: string;
  orgId: string;
  decision: "APPROVE" | "REFUSE" | "SUSPEND";
  /** Required to refuse or suspend: the organisation is told. */
  reason?: string;
  /** On approval, the purposes granted: a subset of those asked for (all of them by default). */
  purposes?: Purpose[];
  requestId?: string;
}

/** An admin of the officer console approves, refuses or suspends an organisation; audited. */
export async function decideVerifierOrg({ db, officerId, orgId, decision, reason, purposes, requestId }: DecideVerifierOrgOptions) {
  if (decision !== "APPROVE" && !reason?.trim()) throw new AppError("REFUSAL_REASON_REQUIRED", { field: "reason" });
  return db.$transaction(async (tx) => {
    const org = await tx.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true, purposes: true } });
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
    return { id: orgId, status };
  });
}
