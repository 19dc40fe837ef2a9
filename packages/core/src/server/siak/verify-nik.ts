import "server-only";
import { type Db, preparedRows } from "@ktp/db";
import { ageOn, type CalendarDate, todayInJakarta } from "../../universal/calendar.ts";
import { maskName } from "../../universal/mask-name.ts";
import type { NikVerification } from "../../universal/siak.ts";

export interface VerifyNikOptions {
  db: Db;
  /** A NIK already validated by ZNik. */
  nik: string;
  today?: CalendarDate;
}

/** The check machines call at rate, so one prepared statement rather than a Prisma query (decision 018). */
const FIND_RESIDENT = {
  name: "siak_verify_nik",
  text: `SELECT nama,
                extract(year FROM tanggal_lahir)::int AS year, extract(month FROM tanggal_lahir)::int AS month, extract(day FROM tanggal_lahir)::int AS day,
                tanggal_meninggal IS NULL AS alive, ektp_direkam_pada IS NOT NULL AS "ektpRecorded",
                status_perkawinan <> 'BELUM_KAWIN' AS "everMarried"
           FROM siak.penduduk WHERE nik = $1`,
};

interface ResidentRow extends CalendarDate {
  nama: string;
  alive: boolean;
  ektpRecorded: boolean;
  everMarried: boolean;
}

export async function verifyNik({ db, nik, today = todayInJakarta() }: VerifyNikOptions): Promise<NikVerification> {
  const [resident] = await preparedRows<ResidentRow>(db, FIND_RESIDENT, [nik]);
  if (!resident) return { nik, found: false };

  const { alive, ektpRecorded, everMarried } = resident;
  const age17OrOlder = ageOn({ year: resident.year, month: resident.month, day: resident.day }, today) >= 17;
  // Wajib KTP (UU 24/2013, Pasal 63): 17 or older, or married now or before, whatever the age.
  const wajibKtp = age17OrOlder || everMarried;
  return {
    nik,
    found: true,
    alive,
    age17OrOlder,
    wajibKtp,
    ektpRecorded,
    eligible: alive && wajibKtp && ektpRecorded,
    maskedName: maskName(resident.nama),
  };
}
