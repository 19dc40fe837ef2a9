import type { RelyingParty } from "@ktp/core/universal/device";
import { env } from "./env.ts";

/** Staff passkeys belong to the configured public host of the scan page. */
export function relyingParty(): RelyingParty {
  const url = new URL(env().VERIFIER_URL);
  return { id: url.hostname, origin: url.origin };
}
