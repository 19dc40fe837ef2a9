// The wallet kept on the phone for use without a network (issue 13, item 6): one snapshot of what
// the wallet pages show, fetched while signed in (`GET /api/dompet/luring`), encrypted on the device
// and opened offline only after the citizen's passkey answers (webauthn-offline.ts). Browser-safe.
import { z } from "zod";
import type { Biodata } from "./biodata.ts";
import type { CitizenDocuments } from "./documents.ts";
import type { FamilyCard } from "./family-card.ts";
import type { KtpCard } from "./ktp-card.ts";
import { zText } from "./text.ts";

/** How long a snapshot opens without a network; after that the citizen must come online once. */
export const OFFLINE_WALLET_HOURS = 24;

/** COSE algorithms a phone can check offline with WebCrypto: ES256 (every platform passkey seen) and RS256 (Windows Hello). */
export type OfflinePasskeyAlg = -7 | -257;

/** The passkey that opens the snapshot offline: the public half the server recorded at activation. */
export interface OfflinePasskey {
  /** base64url, as WebAuthn's `allowCredentials` takes it. */
  credentialId: string;
  rpId: string;
  alg: OfflinePasskeyAlg;
  publicKey: JsonWebKey;
}

export interface WalletSnapshot {
  version: 1;
  /** When the server read it (ISO); the screen says how old it is. */
  takenAt: string;
  card: KtpCard;
  photo: { mime: string; base64: string } | null;
  family: FamilyCard | null;
  documents: CitizenDocuments | null;
  biodata: Biodata | null;
  /** Null when the passkey's algorithm cannot be checked in a browser: then nothing is kept. */
  passkey: OfflinePasskey | null;
}

/** `POST /api/dompet/luring/status`: is the binding behind a kept snapshot still in force? */
export const ZOfflineBindingRequest = z.object({ credentialId: zText({ max: 1024 }) }).strict();
export type TOfflineBindingRequest = z.infer<typeof ZOfflineBindingRequest>;
