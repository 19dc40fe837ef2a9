import type { RelyingParty } from "@ktp/core/universal/device";

/** Passkeys belong to the host the citizen opened (WebAuthn needs a host name, e.g. localhost, not an IP). */
export function relyingParty(request: Request): RelyingParty {
  const url = new URL(request.url);
  return { id: url.hostname, origin: url.origin };
}
