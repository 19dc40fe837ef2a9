import { requestId } from "@ktp/core/server/http";
import { getBranchId } from "@ktp/core/server/verifier/branch-id";
import { type VerifyPresentationOptions, verifyPresentation } from "@ktp/core/server/verifier/verify-presentation";
import { issuer, issuerSealKey } from "./issuer.ts";
import { getDb } from "./services.ts";

type ScanOptions = Omit<VerifyPresentationOptions, "db" | "sealKey" | "issuer" | "branchId" | "requestId"> & {
  /** The branch the request names, if any; an unknown name is refused (BRANCH_UNKNOWN). */
  branch?: string | undefined;
};

/**
 * One check of an identity QR for this app's three doors (the scan page online and offline, and
 * POST /api/v1/verify): verifyPresentation with this app's database, sealing key and issuer.
 */
export async function verifyScan(request: Request, { branch, ...options }: ScanOptions) {
  const db = getDb();
  const branchId = branch === undefined ? null : await getBranchId({ db, orgId: options.org.id, name: branch });
  return verifyPresentation({ ...options, db, sealKey: issuerSealKey(), issuer: issuer(), branchId, requestId: requestId(request) });
}
