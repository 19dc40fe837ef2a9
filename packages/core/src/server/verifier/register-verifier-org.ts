import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { OFFLINE_STATUS_MAX_MINUTES, type TRegisterVerifierOrgRequest } from "../../universal/verifier.ts";

/** An organisation asks to verify KTP Digital; it waits, PENDING, for an admin's decision. */
export async function registerVerifierOrg({ db, request, requestId }: { db: Db; request: TRegisterVerifierOrgRequest; requestId?: string }) {
  const names = new Set(request.branches.map((b) => b.name.toUpperCase()));
  if (names.size !== request.branches.length) throw new AppError("VALIDATION_FAILED", { field: "branches" });
  // The organisation, its branches and the audit record together, or nothing.
  return db.$transaction(async (tx) => {
    const created = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO app.verifier_org (id, legal_name, registration_number, type, purposes, contact_email, offline_status_max_minutes)
      VALUES (gen_random_uuid(), ${request.legalName}, ${request.registrationNumber.toUpperCase()}, ${request.type}::app.verifier_org_type,
              ${[...new Set(request.purposes)]}::text[], ${request.contactEmail}, ${OFFLINE_STATUS_MAX_MINUTES[request.type]})
      ON CONFLICT (registration_number) DO NOTHING
      RETURNING id`;
    if (!created[0]) throw new AppError("VERIFIER_ALREADY_REGISTERED", { field: "registrationNumber" });
    const id = created[0].id;
    await tx.verifierBranch.createMany({ data: request.branches.map((b) => ({ orgId: id, name: b.name, city: b.city })) });
    await tx.auditEvent.create({ data: { actorType: "VERIFIER", actorId: id, action: "verifier_org.register", note: `${request.registrationNumber.toUpperCase()} ${request.type}`, requestId } });
    return { id, status: "PENDING" as const };
  });
}
