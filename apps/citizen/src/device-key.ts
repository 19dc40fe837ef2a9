// The device key: an ECDSA P-256 key pair made by WebCrypto with a non-extractable private half,
// kept in IndexedDB. Script can use it to sign but can never read it out, so it cannot be copied
// to another phone the way a synced passkey can.

const DB = "ktp-digital";
const STORE = "keys";
const NAME = "device";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

async function put(pair: CryptoKeyPair) {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).put(pair, NAME);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });
  db.close();
}

async function load(): Promise<CryptoKeyPair | undefined> {
  const db = await open();
  const pair = await new Promise<CryptoKeyPair | undefined>((resolve, reject) => {
    const request = db.transaction(STORE, "readonly").objectStore(STORE).get(NAME);
    request.onsuccess = () => resolve(request.result as CryptoKeyPair | undefined);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
  db.close();
  return pair;
}

/** Signs `text` with this phone's device key; rejects with name "NoDeviceKey" when it has none. */
export async function signWithDeviceKey(text: string): Promise<string> {
  const pair = await load();
  if (!pair) throw Object.assign(new Error("This browser holds no device key."), { name: "NoDeviceKey" });
  const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(text));
  return base64url(new Uint8Array(signature));
}

/** Makes and stores a new device key; returns its public JWK and a signature over `challenge`. */
export async function createDeviceKey(challenge: string): Promise<{ publicKey: JsonWebKey; signature: string }> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  await put(pair);
  const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(challenge));
  return { publicKey: { kty, crv, x, y }, signature: base64url(new Uint8Array(signature)) };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}
