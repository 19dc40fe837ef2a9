// What the card keeps on this device to work without a network (issue 11; browser only): a day of
// identity QRs issued in advance, one per offline purpose and five-minute window, sealed in the
// offline wallet's store (wallet-store.ts, issue 13). Sign-out, lock and reset wipe it.
import type { Locale } from "@ktp/core/universal/errors";
import type { Purpose } from "@ktp/core/universal/identity/purposes";
import { post } from "@ktp/ui/api-client";
import { loadRecord, saveRecord } from "./wallet-store.ts";

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

/** A new batch is asked for when the kept one is older than this: at most 12 a day (the server's limit). */
const REFRESH_AFTER_MS = 2 * 3600_000;

export async function loadBatch(): Promise<OfflineBatch | null> {
  const batch = await loadRecord<OfflineBatch>("batch");
  return batch && new Date(batch.expiresAt).getTime() > Date.now() ? batch : null;
}

/** While online: a fresh batch when none is kept or the kept one is old; the kept one otherwise (or on any failure). */
export async function refreshBatch(locale: Locale): Promise<OfflineBatch | null> {
  const kept = await loadBatch();
  if (kept && Date.now() - new Date(kept.issuedAt).getTime() < REFRESH_AFTER_MS) return kept;
  const fresh = await post<OfflineBatch>("/api/kartu/offline", locale).catch(() => null);
  if (!fresh?.ok) return kept;
  await saveRecord("batch", fresh.data).catch(() => undefined);
  return fresh.data;
}

/** The kept token for `purpose` whose window holds `now`, or null. */
export function offlineToken(batch: OfflineBatch | null, purpose: Purpose, now = Date.now()): IssuedToken | null {
  return batch?.tokens.find((t) => t.purpose === purpose && new Date(t.validFrom).getTime() <= now && now < new Date(t.expiresAt).getTime()) ?? null;
}

/** The card's service worker, in production builds (development serves no /sw.js). */
export function registerCardWorker() {
  if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}
