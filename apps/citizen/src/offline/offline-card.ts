// What the card keeps on this device to work without a network (issue 11; browser only): a day of
// identity QRs issued in advance, one per offline purpose and five-minute window. localStorage is
// readable by this origin only. Sign-out forgets them, with the card page the service worker kept.
import type { Locale } from "@ktp/core/universal/errors";
import type { Purpose } from "@ktp/core/universal/identity/purposes";
import { post } from "@ktp/ui/api-client";

export interface IssuedToken {
  purpose: Purpose;
  qr: string;
  validFrom: string;
  expiresAt: string;
}
export interface OfflineBatch {
  issuedAt: string;
  expiresAt: string;
  tokens: IssuedToken[];
}

const BATCH_KEY = "ktp-card-offline";
/** The service worker's cache of the card page and photo (src/sw/sw.ts). */
const CARD_CACHE = "ktp-card";
/** A new batch is asked for when the kept one is older than this: at most 12 a day (the server's limit). */
const REFRESH_AFTER_MS = 2 * 3600_000;

export function loadBatch(): OfflineBatch | null {
  try {
    const batch = JSON.parse(localStorage.getItem(BATCH_KEY) ?? "null") as OfflineBatch | null;
    return batch && new Date(batch.expiresAt).getTime() > Date.now() ? batch : null;
  } catch {
    return null;
  }
}

/** While online: a fresh batch when none is kept or the kept one is old; the kept one otherwise (or on any failure). */
export async function refreshBatch(locale: Locale): Promise<OfflineBatch | null> {
  const kept = loadBatch();
  if (kept && Date.now() - new Date(kept.issuedAt).getTime() < REFRESH_AFTER_MS) return kept;
  const fresh = await post<OfflineBatch>("/api/kartu/offline", locale).catch(() => null);
  if (!fresh?.ok) return kept;
  localStorage.setItem(BATCH_KEY, JSON.stringify(fresh.data));
  return fresh.data;
}

/** The kept token for `purpose` whose window holds `now`, or null. */
export function offlineToken(batch: OfflineBatch | null, purpose: Purpose, now = Date.now()): IssuedToken | null {
  return batch?.tokens.find((t) => t.purpose === purpose && new Date(t.validFrom).getTime() <= now && now < new Date(t.expiresAt).getTime()) ?? null;
}

/** At sign-out: nothing of the card stays on the device. */
export async function forgetOfflineCard(): Promise<void> {
  localStorage.removeItem(BATCH_KEY);
  if ("caches" in globalThis) await caches.delete(CARD_CACHE).catch(() => false);
}

/** The card's service worker, in production builds (development serves no /sw.js). */
export function registerCardWorker() {
  if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}
