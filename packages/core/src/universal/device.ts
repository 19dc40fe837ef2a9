import { z } from "zod";

/** The public half of the browser's device key: ECDSA P-256 as a JWK. */
export const ZDeviceKey = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export const ZFinishDeviceBindingRequest = z.object({
  /** The RegistrationResponseJSON from navigator.credentials.create(); checked by @simplewebauthn/server. */
  credential: z.object({ id: z.string().min(1).max(1024), rawId: z.string(), type: z.literal("public-key"), response: z.record(z.string(), z.unknown()) }).loose(),
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
