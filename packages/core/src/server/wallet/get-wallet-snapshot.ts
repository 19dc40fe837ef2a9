import "server-only";
import { cose, decodeCredentialPublicKey } from "@simplewebauthn/server/helpers";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { OfflinePasskey, WalletSnapshot } from "../../universal/offline-wallet.ts";
import { loadEktpPhoto, loadKtpCard } from "../siak/load-ktp-card.ts";
import { findBiodata } from "./biodata.ts";
import { findDocuments } from "./documents.ts";
import { findFamilyCard } from "./family-card.ts";

/**
 * What the phone keeps to open the wallet without a network (issue 13, item 6): the card and its
 * photo, the KK, the documents and the biodata, read as the pages read them, and the public half
 * of the passkey that must answer before any of it is shown offline. A locked identity gets none.
 */
export async function getWalletSnapshot({ db, registrationId, nik, rpId, now = new Date() }: { db: Db; registrationId: string; nik: string; rpId: string; now?: Date }): Promise<WalletSnapshot> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, select: { lockedAt: true, device: { select: { credentialId: true, publicKey: true, revokedAt: true } } } });
  if (!registration?.device || registration.device.revokedAt) throw new AppError("NOT_SIGNED_IN");
  if (registration.lockedAt) throw new AppError("IDENTITY_LOCKED");
  const [card, photo, family, documents, biodata] = await Promise.all([
    loadKtpCard({ db, nik }),
    loadEktpPhoto({ db, nik }),
    findFamilyCard({ db, nik }),
    findDocuments({ db, nik, now }),
    findBiodata({ db, nik }),
  ]);
  if (!card) throw new AppError("NOT_SIGNED_IN");
  const { credentialId, publicKey } = registration.device;
  return {
    version: 1,
    takenAt: now.toISOString(),
    card,
    photo: photo ? { mime: photo.mime, base64: Buffer.from(photo.bytes).toString("base64") } : null,
    family,
    documents,
    biodata,
    passkey: offlinePasskey(credentialId, new Uint8Array(publicKey), rpId),
  };
}

/** The passkey's COSE public key as a JWK WebCrypto can import, or null for an algorithm browsers cannot check (or a key that is not COSE). */
export function offlinePasskey(credentialId: string, coseKey: Uint8Array<ArrayBuffer>, rpId: string): OfflinePasskey | null {
  let decoded: unknown;
  try {
    decoded = decodeCredentialPublicKey(coseKey);
  } catch {
    return null;
  }
  // Bytes that decode to something other than a CBOR map (not a COSE key at all).
  if (!(decoded instanceof Map)) return null;
  const key = decoded as cose.COSEPublicKey;
  const b64 = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString("base64url") : undefined);
  const alg = key.get(cose.COSEKEYS.alg);
  if (alg === cose.COSEALG.ES256 && cose.isCOSEPublicKeyEC2(key) && key.get(cose.COSEKEYS.crv) === cose.COSECRV.P256) {
    const [x, y] = [b64(key.get(cose.COSEKEYS.x)), b64(key.get(cose.COSEKEYS.y))];
    return x && y ? { credentialId, rpId, alg: -7, publicKey: { kty: "EC", crv: "P-256", x, y } } : null;
  }
  if (alg === cose.COSEALG.RS256 && cose.isCOSEPublicKeyRSA(key)) {
    const [n, e] = [b64(key.get(cose.COSEKEYS.n)), b64(key.get(cose.COSEKEYS.e))];
    return n && e ? { credentialId, rpId, alg: -257, publicKey: { kty: "RSA", n, e } } : null;
  }
  return null;
}
