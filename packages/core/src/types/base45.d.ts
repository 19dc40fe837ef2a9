// @digitalbazaar/base45 ships no types: RFC 9285 base45, bytes in and out.
declare module "@digitalbazaar/base45" {
  export function encode(input: Uint8Array): string;
  /** Throws on a character outside the alphabet or an impossible group. */
  export function decode(input: string): Uint8Array;
}
