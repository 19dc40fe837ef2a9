// Where the offline wallet lives on the phone (issue 13, item 6; browser only): one IndexedDB
// database of its own, holding the non-extractable AES-GCM key and the records sealed with it (the
// wallet snapshot, the day's QR batch). The device key (device-key.ts) is in another database and
// is never wiped here: it is what binds the phone. wipeOfflineWallet() removes everything of the
// citizen the wallet kept: this database, and what older versions kept in the clear.
import { newWalletKey, openJson, type Sealed, sealJson } from "./sealed-json.ts";

const DB = "ktp-dompet-luring";
const STORE = "records";
const KEY = "key";
export type RecordName = "snapshot" | "batch";
/**
 * The cache that held the card page and photo in the clear before the wallet was sealed. The
 * shell's cache (`ktp-shell`) stays: it holds no personal data, and offline it tells a signed-out
 * citizen what to do instead of the browser's error page.
 */
const OLD_CARD_CACHE = "ktp-card";
/** Where the QR batch was kept in plain text before it was sealed here; removed on sight. */
const LEGACY_BATCH_KEY = "ktp-card-offline";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? (request.result as T) : undefined);
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    });
  } finally {
    db.close();
  }
}

async function walletKey(create: boolean): Promise<CryptoKey | null> {
  const kept = await withStore<CryptoKey>("readonly", (store) => store.get(KEY));
  if (kept || !create) return kept ?? null;
  // The batch and the snapshot are saved at the same time: `add` (never `put`) lets only the first
  // new key in, and the other saver takes that one, or it would seal with a key that is then lost.
  const key = await newWalletKey();
  const added = await withStore("readwrite", (store) => store.add(key, KEY)).then(
    () => true,
    () => false,
  );
  return added ? key : ((await withStore<CryptoKey>("readonly", (store) => store.get(KEY))) ?? null);
}

export async function saveRecord(name: RecordName, value: unknown): Promise<void> {
  const key = await walletKey(true);
  if (!key) throw new Error("The offline wallet's key could not be kept.");
  const sealed = await sealJson(key, name, value);
  await withStore("readwrite", (store) => store.put(sealed, name));
}

/** The record, or null when none is kept, the storage is unavailable, or it does not open. */
export async function loadRecord<T>(name: RecordName): Promise<T | null> {
  try {
    const key = await walletKey(false);
    const sealed = key && (await withStore<Sealed>("readonly", (store) => store.get(name)));
    return key && sealed ? await openJson<T>(key, name, sealed) : null;
  } catch {
    return null;
  }
}

/** Whether a snapshot is kept, without opening it (the lock screen's first question). */
export async function hasRecord(name: RecordName): Promise<boolean> {
  try {
    return (await withStore<number>("readonly", (store) => store.count(name))) === 1;
  } catch {
    return false;
  }
}

/** Sign-out, lock, lost phone or officer reset: nothing of the wallet stays on this phone. */
export async function wipeOfflineWallet(): Promise<void> {
  localStorage.removeItem(LEGACY_BATCH_KEY);
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  if ("caches" in globalThis) await caches.delete(OLD_CARD_CACHE).catch(() => false);
}
