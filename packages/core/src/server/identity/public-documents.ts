import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { STATUS_LIST_TTL_SECONDS } from "../../universal/identity/status.ts";
import { publishedKeys } from "./issuer-keys.ts";
import { signStatusList, STATUS_LISTS } from "./status-list.ts";

// The two documents anyone may fetch to check an identity token without us: the JWKS and the
// status lists. Public, CORS-open and cacheable; each process signs a list at most every few
// seconds, however many verifiers ask.

/** Verifiers fetch again after this; an emergency key revocation reaches caches within it. */
const JWKS_MAX_AGE_SECONDS = 300;
/** A list signed by this process is served again for this long (a change shows within it). */
const LIST_REUSE_MS = 5_000;

const PUBLIC_HEADERS = {
  "access-control-allow-origin": "*",
  // Other sites' pages and servers read these; the rest of the app stays same-origin.
  "cross-origin-resource-policy": "cross-origin",
};

export async function jwksResponse({ db }: { db: Db }): Promise<Response> {
  return Response.json(await publishedKeys(db), {
    headers: { ...PUBLIC_HEADERS, "content-type": "application/jwk-set+json", "cache-control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` },
  });
}

const signedLists = new Map<number, { jwt: string; at: number }>();

/** The current signed list `list` (a Token Status List JWT), signed again at most every LIST_REUSE_MS. */
export async function currentStatusList({ db, sealKey, list, issuer }: { db: Db; sealKey: Buffer; list: number; issuer: string }): Promise<string> {
  let signed = signedLists.get(list);
  if (!signed || Date.now() - signed.at > LIST_REUSE_MS) {
    signed = { jwt: (await signStatusList({ db, sealKey, list, uri: `${issuer}/api/status/${list}` })).jwt, at: Date.now() };
    signedLists.set(list, signed);
  }
  return signed.jwt;
}

/** Every status list, by number: what an offline verifier keeps. */
export async function allStatusLists(options: { db: Db; sealKey: Buffer; issuer: string }): Promise<Record<string, string>> {
  const lists: Record<string, string> = {};
  for (let list = 1; list <= STATUS_LISTS; list++) lists[list] = await currentStatusList({ ...options, list });
  return lists;
}

/** `GET /api/status/<list>`: the signed list in the Token Status List JWT form. */
export async function statusListResponse({ db, sealKey, list, issuer }: { db: Db; sealKey: Buffer; list: string; issuer: string }): Promise<Response> {
  const number = Number(list);
  if (!/^\d{1,4}$/.test(list) || number < 1 || number > STATUS_LISTS) throw new AppError("NOT_FOUND");
  const jwt = await currentStatusList({ db, sealKey, list: number, issuer });
  return new Response(jwt, {
    headers: { ...PUBLIC_HEADERS, "content-type": "application/statuslist+jwt", "cache-control": `public, max-age=${Math.min(60, STATUS_LIST_TTL_SECONDS)}` },
  });
}
