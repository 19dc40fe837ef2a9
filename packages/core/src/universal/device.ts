import { z } from "zod";

/** A WebAuthn credential id: base64url, as @simplewebauthn sends it. */
export const ZCredentialId = (error: "DEVICE_NOT_VERIFIED" | "PASSKEY_NOT_RECOGNISED" | "STAFF_PASSKEY_NOT_RECOGNISED") => z.string({ error }).regex(/^[A-Za-z0-9_-]{1,1024}$/, { error });

/** The public half of the browser's device key: ECDSA P-256 as a JWK. */
export const ZDeviceKey = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export const ZFinishDeviceBindingRequest = z.object({
  /** The RegistrationResponseJSON from navigator.credentials.create(); checked by @simplewebauthn/server. */
  credential: z.object({ id: ZCredentialId("DEVICE_NOT_VERIFIED"), rawId: ZCredentialId("DEVICE_NOT_VERIFIED"), type: z.literal("public-key"), response: z.record(z.string(), z.unknown()) }).loose(),
  deviceKey: ZDeviceKey,
  /** base64url ECDSA-SHA-256 signature (IEEE P1363) of the challenge, by the device key. */
  deviceKeySignature: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/),
});
export type TFinishDeviceBindingRequest = z.infer<typeof ZFinishDeviceBindingRequest>;

/** Where the passkey belongs: the site's host name and origin. */
export interface RelyingParty {
  id: string;
  origin: string;
}

export const DEVICE_CHALLENGE_SECONDS = 300;
