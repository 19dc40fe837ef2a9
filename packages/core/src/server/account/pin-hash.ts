import "server-only";
import { createHmac } from "node:crypto";
import argon2 from "argon2";
import { PASSWORD_HASH_OPTIONS } from "@ktp/db/password-hash";

/**
 * A six-digit PIN has a million values, so a leaked hash alone would fall to brute force. The PIN
 * is first keyed with a pepper that lives only in configuration (HMAC-SHA-256), then hashed with
 * the passwords' options (@ktp/db/password-hash): the database without the configuration does
 * not reveal it.
 */
export function hashPin(pin: string, pepper: Uint8Array): Promise<string> {
  return argon2.hash(peppered(pin, pepper), PASSWORD_HASH_OPTIONS);
}

export function verifyPin(hash: string, pin: string, pepper: Uint8Array): Promise<boolean> {
  return argon2.verify(hash, peppered(pin, pepper));
}

function peppered(pin: string, pepper: Uint8Array): string {
  return createHmac("sha256", pepper).update(pin).digest("base64");
}
