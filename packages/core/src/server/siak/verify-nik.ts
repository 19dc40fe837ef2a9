import "server-only";
import type { Db } from "@ktp/db";
import { ageOn, type CalendarDate, fromUtcDate, todayInJakarta } from "../../universal/calendar.ts";
import { maskName } from "../../universal/mask-name.ts";
import type { NikVerification } from "../../universal/siak.ts";

export interface VerifyNikOptions {
  db: Db;
  /** A NIK already validated by ZNik. */
  nik: string;
  today?: CalendarDate;
}

export async function verifyNik({ db, nik, today = todayInJakarta() }: VerifyNikOptions): Promise<NikVerification> {
  const resident = await db.penduduk.findUnique({
    where: { nik },
    select: { nama: true, tanggalLahir: true, tanggalMeninggal: true, ektpDirekamPada: true },
  });
  if (!resident) return { nik, found: false };

  const alive = resident.tanggalMeninggal === null;
  const age17OrOlder = ageOn(fromUtcDate(resident.tanggalLahir), today) >= 17;
  const ektpRecorded = resident.ektpDirekamPada !== null;
  return {
    nik,
    found: true,
    alive,
    age17OrOlder,
    ektpRecorded,
    eligible: alive && age17OrOlder && ektpRecorded,
    maskedName: maskName(resident.nama),
  };
}
