import "server-only";
import { randomInt } from "node:crypto";
import { deflateSync } from "node:zlib";
import { SignJWT } from "jose";
import type { Db } from "@ktp/db";
import { STATUS, STATUS_LIST_BITS, STATUS_LIST_SIZE, STATUS_LIST_TTL_SECONDS, type TokenStatus } from "../../universal/identity/status.ts";
import { getSigningKey, type IssuerKeyOptions } from "./issuer-keys.ts";

// The status list of the IETF OAuth Token Status List draft: a signed JWT (typ statuslist+jwt)
// whose `status_list.lst` is the zlib-compressed bitstring, two bits per entry, least significant
// bit first. Every batch of tokens has one entry at a random index of a list of fixed size, so
// neither an index nor the list's length says anything about a person (decision 013).

/** How many lists entries are spread over; each holds STATUS_LIST_SIZE entries. */
export const STATUS_LISTS = 1;
/** An entry is recycled this long after its batch expired (no token can still point at it). */
const RECYCLE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/** A free entry: a random list and index; another batch's collision just picks again. */
export function randomStatusEntry(): { statusList: number; statusIdx: number } {
  return { statusList: 1 + randomInt(STATUS_LISTS), statusIdx: randomInt(STATUS_LIST_SIZE) };
}

/** Every entry whose status is not VALID now: the citizen's lock, a reset device, a death in SIAK. */
export async function findEntryStatuses(db: Db, list: number, now = new Date()): Promise<{ idx: number; status: TokenStatus }[]> {
  const recycledBefore = new Date(now.getTime() - RECYCLE_AFTER_MS);
  const rows = await db.$queryRaw<{ idx: number; status: TokenStatus }[]>`
    SELECT b.status_idx AS idx,
           CASE WHEN r.step <> 'ACTIVE' OR d.revoked_at IS NOT NULL OR p.tanggal_meninggal IS NOT NULL THEN 'INVALID'
                ELSE 'SUSPENDED' END AS status
      FROM app.credential_batch b
      JOIN app.registration r ON r.id = b.registration_id
      JOIN siak.penduduk p ON p.nik = r.nik
      LEFT JOIN app.device d ON d.registration_id = r.id
     WHERE b.status_list = ${list} AND b.expires_at > ${recycledBefore}
       AND (r.step <> 'ACTIVE' OR d.revoked_at IS NOT NULL OR p.tanggal_meninggal IS NOT NULL OR r.locked_at IS NOT NULL)`;
  return rows;
}

/** The bitstring: two bits per entry, entry i at bits 2i and 2i+1 counted from each byte's least significant bit. */
export function packStatuses(entries: { idx: number; status: TokenStatus }[], size = STATUS_LIST_SIZE): Uint8Array {
  const bytes = new Uint8Array((size * STATUS_LIST_BITS) / 8);
  for (const { idx, status } of entries) {
    const bit = idx * STATUS_LIST_BITS;
    bytes[bit >> 3]! |= STATUS[status] << (bit & 7);
  }
  return bytes;
}

export interface SignedStatusList {
  jwt: string;
  /** Seconds a verifier may keep it (also the HTTP cache lifetime's upper bound). */
  ttl: number;
}

/** The signed list `list`, as served at `uri` (its `sub`). */
export async function signStatusList({ db, sealKey, list, uri, now = new Date() }: IssuerKeyOptions & { list: number; uri: string }): Promise<SignedStatusList> {
  const entries = await findEntryStatuses(db, list, now);
  const lst = Buffer.from(deflateSync(packStatuses(entries), { level: 9 })).toString("base64url");
  const key = await getSigningKey({ db, sealKey, use: "IDENTITY", now });
  const iat = Math.floor(now.getTime() / 1000);
  const jwt = await new SignJWT({ status_list: { bits: STATUS_LIST_BITS, lst }, ttl: STATUS_LIST_TTL_SECONDS })
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: "statuslist+jwt" })
    .setSubject(uri)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 24 * 60 * 60)
    .sign(key.privateKey);
  return { jwt, ttl: STATUS_LIST_TTL_SECONDS };
}
