// The values of the identity tokens' status list (IETF OAuth Token Status List, two bits per
// entry). Browser-safe: the verifier page reads the cached list offline with `statusAt`.

export const STATUS = { VALID: 0, INVALID: 1, SUSPENDED: 2 } as const;
export type TokenStatus = keyof typeof STATUS;

export const STATUS_LIST_BITS = 2;
/** Entries per list: 2^20, 256 KiB before compression; indices are drawn at random from all of them. */
export const STATUS_LIST_SIZE = 1 << 20;
/** A verifier with signal fetches the list again after at most this many seconds. */
export const STATUS_LIST_TTL_SECONDS = 300;

/** The status at `idx` of an uncompressed list (bits least significant first). */
export function statusAt(bytes: Uint8Array, idx: number): TokenStatus | "UNKNOWN" {
  const bit = idx * STATUS_LIST_BITS;
  if (!Number.isSafeInteger(idx) || idx < 0 || bit >> 3 >= bytes.byteLength) return "UNKNOWN";
  const value = (bytes[bit >> 3]! >> (bit & 7)) & ((1 << STATUS_LIST_BITS) - 1);
  return (Object.keys(STATUS) as TokenStatus[]).find((name) => STATUS[name] === value) ?? "UNKNOWN";
}
