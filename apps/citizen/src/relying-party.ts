import type { RelyingParty } from "@ktp/core/universal/device";
import { env } from "./env.ts";

/** Passkeys belong to the configured public host (WebAuthn needs a host name, e.g. localhost, not an IP). */
export function relyingParty(): RelyingParty {
  const url = new URL(env().CITIZEN_URL);
  return { id: url.hostname, origin: url.origin };
}
