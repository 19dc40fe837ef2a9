// The wallet without a network (issue 13, item 6; browser only). Online, after sign-in, the card
// page keeps a snapshot of the wallet (syncOfflineWallet) and the offline page's shell; offline,
// /luring (served by the service worker in place of any wallet page) opens the snapshot only after
// the citizen's platform passkey answers a challenge made here (unlockOfflineWallet), checked
// against the passkey's public key in the snapshot. On the next contact, checkOfflineBinding asks
// whether the phone is still bound and wipes everything when it is not (officer reset, lock).
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from "@simplewebauthn/browser";
import type { Locale } from "@ktp/core/universal/errors";
import { OFFLINE_WALLET_HOURS, type WalletSnapshot } from "@ktp/core/universal/offline-wallet";
import { newOfflineChallenge, verifyOfflineAssertion } from "@ktp/core/universal/webauthn-offline";
import { get, post } from "@ktp/ui/api-client";
import { loadRecord, saveRecord, wipeOfflineWallet } from "./wallet-store.ts";

/** The offline page, kept by the service worker for every wallet page that cannot load. */
export const OFFLINE_SHELL = "/luring";
const SHELL_CACHE = "ktp-shell";

/** While online and signed in: a fresh snapshot, sealed; its shell cached. Answers whether the wallet now works offline. */
export async function syncOfflineWallet(locale: Locale): Promise<boolean> {
  const result = await get<WalletSnapshot>("/api/dompet/luring", locale).catch(() => null);
  if (!result) return false;
  if (!result.ok) {
    // A locked identity or an ended binding keeps nothing; a rate limit keeps what it has.
    if (result.error.code === "IDENTITY_LOCKED" || result.error.code === "NOT_SIGNED_IN") await wipeOfflineWallet();
    return false;
  }
  if (!result.data.passkey) return false;
  try {
    await saveRecord("snapshot", result.data);
  } catch {
    return false;
  }
  if ("caches" in globalThis) await (await caches.open(SHELL_CACHE)).add(OFFLINE_SHELL).catch(() => undefined);
  return true;
}

/** Whether the server answers now: `navigator.onLine` says only that some network is up (and browsers differ on it). */
export async function serverReachable(timeoutMs = 3000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return (await fetch("/api/health", { cache: "no-store", signal: controller.signal })).ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** On the next contact after time offline: wipes the wallet when the phone is no longer bound, locked or reset. */
export async function checkOfflineBinding(locale: Locale, snapshot: WalletSnapshot): Promise<"active" | "wiped" | "unknown"> {
  const result = await post<{ active: boolean }>("/api/dompet/luring/status", locale, { credentialId: snapshot.passkey!.credentialId }).catch(() => null);
  if (!result?.ok) return "unknown";
  if (result.data.active) return "active";
  await wipeOfflineWallet();
  return "wiped";
}

export type UnlockResult = { ok: true; snapshot: WalletSnapshot } | { ok: false; reason: "none" | "expired" | "cancelled" | "refused" };

/** The kept snapshot's age limit: older ones are wiped, not shown. */
export function isFresh(snapshot: WalletSnapshot, now = Date.now()): boolean {
  return now - new Date(snapshot.takenAt).getTime() < OFFLINE_WALLET_HOURS * 3600_000;
}

/** The snapshot, without unlocking it (null if none or too old; a too-old one is wiped). */
export async function keptSnapshot(): Promise<WalletSnapshot | null> {
  const snapshot = await loadRecord<WalletSnapshot>("snapshot");
  if (!snapshot?.passkey) return null;
  if (!isFresh(snapshot)) {
    await wipeOfflineWallet();
    return null;
  }
  return snapshot;
}

/** "Buka dengan sidik jari / wajah": the platform passkey, with user verification, checked here. */
export async function unlockOfflineWallet(snapshot: WalletSnapshot): Promise<UnlockResult> {
  const passkey = snapshot.passkey!;
  const challenge = newOfflineChallenge();
  const options: PublicKeyCredentialRequestOptionsJSON = {
    challenge,
    rpId: passkey.rpId,
    allowCredentials: [{ id: passkey.credentialId, type: "public-key" }],
    userVerification: "required",
    timeout: 60_000,
  };
  let assertion;
  try {
    assertion = await startAuthentication({ optionsJSON: options });
  } catch {
    return { ok: false, reason: "cancelled" };
  }
  const verdict = await verifyOfflineAssertion({ passkey, challenge, origin: location.origin, assertion });
  return verdict === "ok" ? { ok: true, snapshot } : { ok: false, reason: "refused" };
}
