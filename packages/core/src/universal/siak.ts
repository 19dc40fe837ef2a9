import { z } from "zod";
import { ZNik } from "./nik.ts";

export const ZVerifyNikRequest = z.object({ nik: ZNik });
export type TVerifyNikRequest = z.infer<typeof ZVerifyNikRequest>;

/** What SIAK Terpusat tells about a NIK: enough to decide on activation, not the record itself. */
export type NikVerification =
  | { nik: string; found: false }
  | {
      nik: string;
      found: true;
      alive: boolean;
      age17OrOlder: boolean;
      ektpRecorded: boolean;
      /** All three above: this resident may activate KTP Digital. */
      eligible: boolean;
      maskedName: string;
    };
