// The citizen's account controls (issue 13, item 2): change PIN, "Ponsel hilang", language.
// One schema per request, shared by the forms and the routes.
import { z } from "zod";
import { ZNik } from "./nik.ts";
import { ZPin } from "./pin.ts";
import { ZPasskeySignInRequest } from "./sign-in.ts";

/** `POST /api/akun/pin`: the old PIN and the phone's passkey confirm; the new PIN twice. */
export const ZChangePinRequest = z
  .object({
    passkey: ZPasskeySignInRequest,
    oldPin: ZPin,
    newPin: ZPin,
    confirmation: z.string({ error: "PIN_MISMATCH" }).max(6, { error: "PIN_MISMATCH" }),
  })
  .strict()
  .refine((r) => r.newPin === r.confirmation, { error: "PIN_MISMATCH", path: ["confirmation"] });
export type TChangePinRequest = z.infer<typeof ZChangePinRequest>;

/** `POST /api/ponsel-hilang`: from any browser, the NIK; the link goes to the registered e-mail. */
export const ZLostPhoneRequest = z.object({ nik: ZNik }).strict();

/** `POST /api/ponsel-hilang/kunci`: the token from the e-mailed link. */
export const ZLostPhoneLockRequest = z.object({ token: z.string({ error: "LOST_PHONE_LINK_INVALID" }).regex(/^[A-Za-z0-9_-]{43}$/, { error: "LOST_PHONE_LINK_INVALID" }) }).strict();

/** `POST /api/akun/bahasa`. */
export const ZLanguageRequest = z.object({ locale: z.enum(["id", "en"], { error: "VALIDATION_FAILED" }) }).strict();

/** Minutes a "Ponsel hilang" link stays usable. */
export const LOST_PHONE_LINK_MINUTES = 30;

/** `POST /api/lupa-pin/selesai`: the e-mailed code and the new PIN twice. */
export const ZFinishPinResetRequest = z
  .object({
    code: z.string({ error: "PIN_RESET_CODE_WRONG" }).regex(/^\d{6}$/, { error: "PIN_RESET_CODE_WRONG" }),
    pin: ZPin,
    confirmation: z.string({ error: "PIN_MISMATCH" }).max(6, { error: "PIN_MISMATCH" }),
  })
  .strict()
  .refine((r) => r.pin === r.confirmation, { error: "PIN_MISMATCH", path: ["confirmation"] });
