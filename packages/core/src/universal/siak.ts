import { z } from "zod";
import { ZNik } from "./nik.ts";

export const ZVerifyNikRequest = z.object({ nik: ZNik });

/** What SIAK Terpusat tells about a NIK: enough to decide on activation, not the record itself. */
export type NikVerification =
  | { nik: string; found: false }
  | {
      nik: string;
      found: true;
      alive: boolean;
      age17OrOlder: boolean;
      /** Must hold an e-KTP ("wajib KTP"): 17 or older, or married now or before. */
      wajibKtp: boolean;
      ektpRecorded: boolean;
      /** Alive, wajib KTP and e-KTP recorded: this resident may activate KTP Digital. */
      eligible: boolean;
      maskedName: string;
    };
