// What the scan page keeps on the device for offline checks (browser only): the offline pack
// (public keys and signed status lists, refreshed while online) and the queue of results made
// offline, sent once back online. Each staff member has their own queue.

import type { Locale } from "@ktp/core/universal/errors";
import type { OfflinePack } from "@ktp/core/universal/identity/verify-offline";
import { STATUS_LIST_TTL_SECONDS } from "@ktp/core/universal/identity/status";
import type { TOfflineResultRequest } from "@ktp/core/universal/verifier";
import { get, post } from "@ktp/ui/api-client";

const PACK_KEY = "ktp-verifier-pack";
const queueKey = (staff: string) => `ktp-verifier-queue:${staff}`;

export function loadPack(): OfflinePack | null {
  try {
    return JSON.parse(localStorage.getItem(PACK_KEY) ?? "null") as OfflinePack | null;
  } catch {
    return null;
  }
}

/** Fetches a fresh pack when the kept one is older than the status list's time to live. */
export async function refreshPack(locale: Locale, { force = false } = {}): Promise<OfflinePack | null> {
  const kept = loadPack();
  if (!force && kept && Date.now() - kept.fetchedAt < STATUS_LIST_TTL_SECONDS * 1000) return kept;
  const fresh = await get<OfflinePack>("/api/luring", locale).catch(() => null);
  if (!fresh?.ok) return kept;
  localStorage.setItem(PACK_KEY, JSON.stringify(fresh.data));
  return fresh.data;
}

export function pendingResults(staff: string): TOfflineResultRequest[] {
  try {
    return JSON.parse(localStorage.getItem(queueKey(staff)) ?? "[]") as TOfflineResultRequest[];
  } catch {
    return [];
  }
}

export function queueResult(staff: string, result: TOfflineResultRequest) {
  localStorage.setItem(queueKey(staff), JSON.stringify([...pendingResults(staff), result]));
}

function forget(staff: string, id: string) {
  localStorage.setItem(queueKey(staff), JSON.stringify(pendingResults(staff).filter((r) => r.id !== id)));
}

let syncing: Promise<number> | null = null;

/**
 * Sends the queued results one by one; each leaves the queue once the server has answered it
 * (the server records each id once, so a lost answer and a second send count once). Stops at the
 * first network failure, sign-out or rate limit, to try again later. Returns how many are left.
 */
export function syncResults(staff: string, locale: Locale): Promise<number> {
  if (!syncing) syncing = sendQueued(staff, locale).finally(() => (syncing = null));
  return syncing;
}

async function sendQueued(staff: string, locale: Locale): Promise<number> {
  for (const result of pendingResults(staff)) {
    const answer = await post("/api/pindai/luring", locale, result).catch(() => null);
    if (!answer) break;
    if (!answer.ok && ["STAFF_SIGNED_OUT", "RATE_LIMITED", "SERVICE_UNAVAILABLE", "INTERNAL"].includes(answer.error.code)) break;
    forget(staff, result.id);
  }
  return pendingResults(staff).length;
}
