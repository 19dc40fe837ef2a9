import { z } from "zod";
import { PURPOSES } from "./purposes.ts";

// Apart from purposes.ts, which the card's QR imports in the browser: a schema built at import
// time keeps all of zod (26 KB gzipped) in the page that imports it (issue 13 item 9).

/** `GET /api/kartu/qr?purpose=…`: which purpose the citizen shows the QR for. */
export const ZIdentityQrRequest = z.object({ purpose: z.enum(PURPOSES, { error: "PURPOSE_UNKNOWN" }) }).strict();
