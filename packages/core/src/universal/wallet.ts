// The citizen's wallet requests: the lock and the history's report. Shared by forms and routes.
import { z } from "zod";
import { ZPin } from "./pin.ts";
import { zText } from "./text.ts";

/** `POST /api/kartu/kunci`: lock (true) or unlock (false), with the PIN. */
export const ZIdentityLockRequest = z.object({ pin: ZPin, locked: z.boolean() }).strict();

/** `POST /api/riwayat/<id>/laporan`: "Bukan saya", with an optional note for the officer. */
export const ZReportVerificationRequest = z.object({ note: zText({ max: 500, multiline: true }).optional() }).strict();

export const ZVerificationId = z.uuid({ error: "NOT_FOUND" });
