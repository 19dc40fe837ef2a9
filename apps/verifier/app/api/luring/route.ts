import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { publishedKeys } from "@ktp/core/server/identity/issuer-keys";
import { allStatusLists } from "@ktp/core/server/identity/public-documents";
import { getStaffSession } from "@ktp/core/server/verifier/staff-session";
import type { OfflinePack } from "@ktp/core/universal/identity/verify-offline";
import { getDb } from "@/services";
import { issuer, issuerSealKey } from "@/issuer";
import { readStaffToken } from "@/staff-cookie";

/**
 * What the scan page keeps for offline checks: the issuer's public keys and its signed status
 * lists (public documents, served here so the page talks to its own origin only). The page asks
 * every few minutes; that is not activity that keeps it signed in.
 */
export const GET = apiRoute(async () => {
  const db = getDb();
  await getStaffSession({ db, token: await readStaffToken(), activity: false });
  const pack: OfflinePack = {
    issuer: issuer(),
    jwks: await publishedKeys(db),
    statusLists: await allStatusLists({ db, sealKey: issuerSealKey(), issuer: issuer() }),
    fetchedAt: Date.now(),
  };
  return Response.json(pack);
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
