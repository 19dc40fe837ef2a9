import { z } from "zod";
import { ZCredentialId } from "./device.ts";
import { ZPin } from "./pin.ts";

export const ZPasskeySignInRequest = z.object({
  /** The AuthenticationResponseJSON from navigator.credentials.get(); checked by @simplewebauthn/server. */
  credential: z
    .object({ id: ZCredentialId("PASSKEY_NOT_RECOGNISED"), rawId: ZCredentialId("PASSKEY_NOT_RECOGNISED"), type: z.literal("public-key"), response: z.record(z.string(), z.unknown()) })
    .loose(),
  /** base64url ECDSA signature of the challenge by the phone's device key. */
  deviceKeySignature: z.string({ error: "DEVICE_KEY_INVALID" }).regex(/^[A-Za-z0-9_-]{40,200}$/, { error: "DEVICE_KEY_INVALID" }),
});
export type TPasskeySignInRequest = z.infer<typeof ZPasskeySignInRequest>;

export const ZPinSignInRequest = z.object({ pin: ZPin });

/** Seconds to finish passkey + PIN once started. */
export const SIGN_IN_SECONDS = 300;
/** A signed-in session ends after this long without use. */
export const SESSION_IDLE_MINUTES = 15;
/** However busy, a signed-in session ends this long after the PIN was entered. */
export const SESSION_MAX_HOURS = 12;
