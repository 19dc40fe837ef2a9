// AES-256-GCM for what the wallet keeps on the phone (issue 13, item 6). The key is made by
// WebCrypto as non-extractable: script can use it but never read it, so a copy of the phone's
// storage files (a backup, a forensic image) does not carry the key in readable form with the data.
// Each record's name is authenticated with it, so one record cannot be swapped for another.

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export function newWalletKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

export async function sealJson(key: CryptoKey, name: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(name) }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
}

/** The value, or null when the record does not open (another key, another name, or tampered). */
export async function openJson<T>(key: CryptoKey, name: string, sealed: Sealed): Promise<T | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv, additionalData: new TextEncoder().encode(name) }, key, sealed.data);
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return null;
  }
}
