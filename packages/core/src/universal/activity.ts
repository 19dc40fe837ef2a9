// "Riwayat aktivitas" (issue 13, item 1): what happened to a citizen's KTP Digital, in words.
// The kinds come from audit records, the activation record, the device binding and verifications.
import type { LocalizedText } from "./errors.ts";

/** `{place}` is the counter, the organisation or the branch; `{note}` the audit note (e.g. a language). */
export const ACTIVITY_LABELS = {
  "activation.approved": { id: "KTP Digital diaktifkan oleh petugas di {place}", en: "KTP Digital activated by an officer at {place}" },
  "activation.refused": { id: "Aktivasi ditolak petugas di {place}", en: "Activation refused by an officer at {place}" },
  "device.bound": { id: "Ponsel didaftarkan dengan kunci sandi dan kunci perangkat", en: "Phone registered with a passkey and a device key" },
  "citizen.sign_in": { id: "Masuk dengan kunci sandi dan PIN", en: "Signed in with passkey and PIN" },
  "citizen.sign_out": { id: "Keluar", en: "Signed out" },
  "citizen.pin_change": { id: "PIN diubah", en: "PIN changed" },
  "citizen.pin_reset.started": { id: "“Lupa PIN”: kode dikirim ke e-mail terdaftar", en: "“Forgot PIN”: a code was sent to the registered e-mail" },
  "citizen.pin_reset": { id: "PIN diatur ulang dengan kunci sandi, swafoto, dan kode e-mail", en: "PIN reset with passkey, selfie and e-mail code" },
  "citizen.lock": { id: "KTP Digital dikunci", en: "KTP Digital locked" },
  "citizen.unlock": { id: "Kunci KTP Digital dibuka", en: "KTP Digital unlocked" },
  "citizen.language": { id: "Bahasa diganti: {note}", en: "Language changed: {note}" },
  "citizen.lost_phone.link_sent": { id: "Tautan “Ponsel hilang” dikirim ke e-mail terdaftar", en: "“Lost phone” link sent to the registered e-mail" },
  "citizen.lost_phone.locked": { id: "Dikunci karena ponsel hilang", en: "Locked because the phone was lost" },
  "citizen.report_verification": { id: "Anda melaporkan sebuah verifikasi (“Bukan saya”)", en: "You reported a verification (“Not me”)" },
  verification: { id: "Diverifikasi oleh {place}", en: "Verified by {place}" },
  "resident.lookup": { id: "Petugas membuka data Anda di {place}", en: "An officer opened your record at {place}" },
  "resident.face_in_person": { id: "Petugas mencocokkan wajah Anda langsung di {place}", en: "An officer checked your face in person at {place}" },
  "resident.reset.device": { id: "Petugas mencabut ponsel terdaftar di {place}", en: "An officer removed the registered phone at {place}" },
  "resident.reset.pin": { id: "Petugas membuka blokir PIN di {place}", en: "An officer lifted the PIN block at {place}" },
  "registration.cancel": { id: "Petugas membatalkan sebuah pendaftaran atas NIK Anda di {place}", en: "An officer cancelled a registration for your NIK at {place}" },
  "verification_report.reveal": { id: "Petugas pusat melihat identitas Anda untuk menindaklanjuti laporan", en: "A central officer saw your identity to follow up a report" },
  "verification_report.close": { id: "Laporan Anda ditindaklanjuti petugas pusat", en: "A central officer followed up your report" },
} as const satisfies Record<string, LocalizedText>;

export type ActivityKind = keyof typeof ACTIVITY_LABELS;

/** Who acted: the citizen, an officer, a verifier, or the platform. */
export type ActivityActor = "CITIZEN" | "OFFICER" | "VERIFIER" | "SYSTEM";

export interface ActivityEntry {
  id: string;
  at: Date;
  kind: ActivityKind;
  actor: ActivityActor;
  place: string | null;
  note: string | null;
  /** For a verification: "valid", or the reason code of an invalid one. */
  outcome: string | null;
}

/** The audit actions the history shows; every other action stays in the officer's audit trail. */
export const AUDIT_ACTIVITY_KINDS = Object.keys(ACTIVITY_LABELS).filter(
  (k) => k.startsWith("citizen.") || k.startsWith("resident.") || k.startsWith("registration.") || k.startsWith("verification_report."),
) as ActivityKind[];

/** The sentence for an entry in the reader's language. */
export function describeActivity(entry: Pick<ActivityEntry, "kind" | "place" | "note">, locale: "id" | "en"): string {
  const fallback = locale === "id" ? "loket Disdukcapil" : "a Disdukcapil counter";
  return ACTIVITY_LABELS[entry.kind][locale].replace("{place}", entry.place ?? fallback).replace("{note}", entry.note ?? "");
}
