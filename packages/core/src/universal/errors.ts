// One error type for the whole product. Every code has an HTTP status and a sentence in
// Indonesian and English; boundaries turn an AppError into `{ error: { code, message, messages } }`.

export type Locale = "id" | "en";
export interface LocalizedText {
  id: string;
  en: string;
}

export const ERRORS = {
  INVALID_JSON: {
    status: 400,
    id: "Isi permintaan bukan JSON yang sah.",
    en: "The request body is not valid JSON.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    id: "Kirim permintaan dengan Content-Type: application/json.",
    en: "Send the request with Content-Type: application/json.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    id: "Isi permintaan terlalu besar.",
    en: "The request body is too large.",
  },
  VALIDATION_FAILED: {
    status: 400,
    id: "Data yang dikirim tidak lengkap atau tidak sesuai.",
    en: "The data sent is incomplete or invalid.",
  },
  NIK_REQUIRED: {
    status: 400,
    id: "NIK wajib diisi.",
    en: "NIK is required.",
  },
  NIK_NOT_TEXT: {
    status: 400,
    id: "Kirim NIK sebagai teks berisi 16 digit, bukan angka atau jenis data lain.",
    en: "Send the NIK as a string of 16 digits, not as a number or another type.",
  },
  NIK_NOT_DIGITS: {
    status: 400,
    id: "NIK hanya boleh berisi angka.",
    en: "A NIK may contain digits only.",
  },
  NIK_WRONG_LENGTH: {
    status: 400,
    id: "NIK harus terdiri dari 16 digit.",
    en: "A NIK must have exactly 16 digits.",
  },
  NIK_UNKNOWN_DISTRICT: {
    status: 400,
    id: "Enam digit pertama NIK bukan kode kecamatan yang terdaftar di Kemendagri.",
    en: "The first six digits of the NIK are not a district code registered by Kemendagri.",
  },
  NIK_IMPOSSIBLE_DATE: {
    status: 400,
    id: "Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin.",
    en: "Digits 7 to 12 of the NIK are not a possible date of birth.",
  },
  NIK_ZERO_SERIAL: {
    status: 400,
    id: "Empat digit terakhir NIK tidak boleh 0000.",
    en: "The last four digits of a NIK cannot be 0000.",
  },
  IMAGE_UNREADABLE: {
    status: 422,
    id: "Gambar tidak dapat dibaca. Kirim foto JPEG, PNG atau WebP.",
    en: "The image cannot be read. Send a JPEG, PNG or WebP photo.",
  },
  FACE_NOT_FOUND: {
    status: 422,
    id: "Wajah tidak terlihat di foto. Hadapkan wajah ke kamera di tempat yang terang.",
    en: "No face is visible in the photo. Face the camera in good light.",
  },
  FACE_MULTIPLE: {
    status: 422,
    id: "Terlihat lebih dari satu wajah. Pastikan hanya wajah Anda yang ada di foto.",
    en: "More than one face is visible. Make sure only your face is in the photo.",
  },
  FACE_TOO_SMALL: {
    status: 422,
    id: "Wajah terlalu kecil. Dekatkan wajah ke kamera.",
    en: "The face is too small. Move closer to the camera.",
  },
  FACE_CROPPED: {
    status: 422,
    id: "Sebagian wajah terpotong. Pastikan seluruh wajah masuk ke dalam bingkai.",
    en: "Part of the face is cut off. Keep your whole face inside the frame.",
  },
  EMAIL_INVALID: {
    status: 400,
    id: "Alamat e-mail tidak sah. Contoh: nama@contoh.id",
    en: "The e-mail address is not valid. Example: name@example.id",
  },
  PHONE_INVALID: {
    status: 400,
    id: "Nomor ponsel tidak sah. Gunakan nomor seluler Indonesia, misalnya 0812 3456 7890.",
    en: "The phone number is not valid. Use an Indonesian mobile number, e.g. 0812 3456 7890.",
  },
  SIAK_NOT_FOUND: {
    status: 422,
    id: "NIK tidak ditemukan di SIAK Terpusat. Periksa kembali NIK pada e-KTP Anda atau hubungi Disdukcapil.",
    en: "The NIK was not found in SIAK Terpusat. Check the NIK on your e-KTP or contact Disdukcapil.",
  },
  SIAK_DECEASED: {
    status: 422,
    id: "NIK ini tercatat atas nama penduduk yang telah meninggal dunia. Hubungi Disdukcapil bila ini keliru.",
    en: "This NIK belongs to a resident recorded as deceased. Contact Disdukcapil if this is wrong.",
  },
  SIAK_UNDER_17: {
    status: 422,
    id: "KTP Digital dapat diaktifkan mulai usia 17 tahun, atau lebih awal bagi yang sudah atau pernah kawin.",
    en: "KTP Digital can be activated from the age of 17, or earlier by someone who is or has been married.",
  },
  SIAK_NO_EKTP: {
    status: 422,
    id: "Anda belum melakukan perekaman e-KTP. Lakukan perekaman di kantor Disdukcapil terlebih dahulu.",
    en: "Your e-KTP biometrics have not been recorded. Record them at a Disdukcapil office first.",
  },
  ALREADY_ACTIVE: {
    status: 409,
    id: "KTP Digital untuk NIK ini sudah aktif di perangkat lain. Untuk memindahkannya, datang ke loket Disdukcapil.",
    en: "KTP Digital for this NIK is already active on another device. To move it, visit a Disdukcapil counter.",
  },
  REGISTRATION_NOT_FOUND: {
    status: 404,
    id: "Pendaftaran tidak ditemukan atau sudah berakhir. Mulai lagi dari langkah pertama.",
    en: "The registration was not found or has ended. Start again from the first step.",
  },
  WRONG_STEP: {
    status: 409,
    id: "Langkah ini tidak sesuai dengan tahap pendaftaran Anda saat ini.",
    en: "This step does not match where your registration currently stands.",
  },
  EKTP_PHOTO_MISSING: {
    status: 422,
    id: "Foto e-KTP Anda belum tersedia untuk dicocokkan. Lanjutkan aktivasi di loket Disdukcapil.",
    en: "Your e-KTP photo is not available for matching. Continue the activation at a Disdukcapil counter.",
  },
  FACE_NO_MATCH: {
    status: 422,
    id: "Wajah pada swafoto tidak cocok dengan foto e-KTP. Coba lagi di tempat yang terang, menghadap kamera.",
    en: "The face in the selfie does not match the e-KTP photo. Try again in good light, facing the camera.",
  },
  SELFIE_ATTEMPTS_EXHAUSTED: {
    status: 423,
    id: "Swafoto sudah 3 kali tidak cocok. Lanjutkan aktivasi di loket Disdukcapil dengan membawa e-KTP.",
    en: "Three selfies did not match. Continue the activation at a Disdukcapil counter with your e-KTP.",
  },
  PIN_FORMAT: {
    status: 400,
    id: "PIN harus terdiri dari 6 angka.",
    en: "The PIN must be 6 digits.",
  },
  PIN_MISMATCH: {
    status: 400,
    id: "Kedua PIN tidak sama. Ketik ulang PIN yang sama.",
    en: "The two PINs differ. Type the same PIN again.",
  },
  PIN_TRIVIAL: {
    status: 400,
    id: "PIN ini terlalu mudah ditebak (angka berurutan atau berulang). Pilih PIN lain.",
    en: "This PIN is too easy to guess (a run or a repeat). Choose another.",
  },
  PIN_BIRTH_DATE: {
    status: 400,
    id: "Jangan gunakan tanggal lahir sebagai PIN. Pilih PIN lain.",
    en: "Don't use your date of birth as your PIN. Choose another.",
  },
  DEVICE_CHALLENGE_EXPIRED: {
    status: 409,
    id: "Waktu pengaitan ponsel habis. Tekan tombol sekali lagi.",
    en: "Binding the phone took too long. Press the button once more.",
  },
  DEVICE_NOT_VERIFIED: {
    status: 400,
    id: "Kunci sandi (passkey) dari ponsel ini tidak dapat diverifikasi. Coba lagi.",
    en: "The passkey from this phone could not be verified. Try again.",
  },
  DEVICE_KEY_INVALID: {
    status: 400,
    id: "Kunci perangkat dari peramban ini tidak sah. Muat ulang halaman dan coba lagi.",
    en: "The device key from this browser is not valid. Reload the page and try again.",
  },
  EMAIL_RESEND_TOO_SOON: {
    status: 429,
    id: "E-mail aktivasi baru saja dikirim. Tunggu satu menit sebelum meminta lagi, dan periksa folder spam.",
    en: "An activation e-mail was just sent. Wait a minute before asking again, and check your spam folder.",
  },
  EMAIL_RESEND_LIMIT: {
    status: 429,
    id: "Batas pengiriman e-mail aktivasi hari ini tercapai. Coba lagi besok atau minta bantuan di loket Disdukcapil.",
    en: "Today's limit of activation e-mails is reached. Try again tomorrow or ask at a Disdukcapil counter.",
  },
  ACTIVATION_LINK_INVALID: {
    status: 404,
    id: "Tautan aktivasi tidak dikenal. Buka tautan terbaru dari e-mail SIAK Terpusat.",
    en: "The activation link is not recognised. Open the latest link from the SIAK Terpusat e-mail.",
  },
  ACTIVATION_LINK_USED: {
    status: 410,
    id: "Tautan aktivasi ini sudah dipakai atau sudah diganti tautan yang lebih baru.",
    en: "This activation link has already been used or replaced by a newer one.",
  },
  ACTIVATION_LINK_EXPIRED: {
    status: 410,
    id: "Tautan aktivasi sudah kedaluwarsa (berlaku 24 jam). Minta e-mail baru dari aplikasi.",
    en: "The activation link has expired (valid for 24 hours). Ask the app for a new e-mail.",
  },
  PIN_WRONG: {
    status: 401,
    id: "PIN salah.",
    en: "Wrong PIN.",
  },
  PIN_LOCKED: {
    status: 429,
    id: "Terlalu banyak PIN salah. Tunggu sebentar sebelum mencoba lagi.",
    en: "Too many wrong PINs. Wait a while before trying again.",
  },
  PIN_LOCKED_COUNTER: {
    status: 423,
    id: "PIN salah 10 kali. Demi keamanan, buka kembali KTP Digital Anda di loket Disdukcapil dengan membawa e-KTP.",
    en: "Ten wrong PINs. For your safety, unlock KTP Digital again at a Disdukcapil counter with your e-KTP.",
  },
  OFFICER_CREDENTIALS_WRONG: {
    status: 401,
    id: "NIP atau kata sandi salah.",
    en: "The NIP or password is wrong.",
  },
  OFFICER_LOCKED: {
    status: 429,
    id: "Terlalu banyak kata sandi salah. Akun dikunci sementara; coba lagi 15 menit lagi.",
    en: "Too many wrong passwords. The account is locked for now; try again in 15 minutes.",
  },
  OFFICER_SIGNED_OUT: {
    status: 401,
    id: "Sesi loket sudah berakhir. Masuk kembali.",
    en: "The counter session has ended. Please sign in again.",
  },
  COUNTER_UNKNOWN: {
    status: 400,
    id: "Loket tidak dikenal. Pilih loket dari daftar.",
    en: "Unknown counter. Choose a counter from the list.",
  },
  QR_INVALID: {
    status: 400,
    id: "Ini bukan kode QR aktivasi dari loket Disdukcapil.",
    en: "This is not an activation QR code from a Disdukcapil counter.",
  },
  QR_EXPIRED: {
    status: 410,
    id: "Kode QR ini sudah kedaluwarsa. Pindai kode terbaru di layar petugas.",
    en: "This QR code has expired. Scan the newest code on the officer's screen.",
  },
  QR_USED: {
    status: 409,
    id: "Kode QR ini sudah dipakai. Pindai kode terbaru di layar petugas.",
    en: "This QR code has already been used. Scan the newest code on the officer's screen.",
  },
  APPLICANT_NOT_FOUND: {
    status: 404,
    id: "Pemohon ini tidak menunggu di loket Anda.",
    en: "This applicant is not waiting at your counter.",
  },
  ALREADY_DECIDED: {
    status: 409,
    id: "Permohonan ini sudah diputuskan.",
    en: "This application has already been decided.",
  },
  REFUSAL_REASON_REQUIRED: {
    status: 400,
    id: "Tuliskan alasan penolakan.",
    en: "Give the reason for the refusal.",
  },
  RESIDENT_NOT_FOUND: {
    status: 404,
    id: "Tidak ada KTP Digital atau permohonan untuk NIK ini.",
    en: "There is no KTP Digital or application for this NIK.",
  },
  RESET_NOTE_REQUIRED: {
    status: 400,
    id: "Tuliskan alasannya (minimal 3 huruf); catatan ini disimpan dalam jejak audit.",
    en: "Write down why (at least 3 characters); the note is kept in the audit trail.",
  },
  NOTHING_TO_RESET: {
    status: 409,
    id: "Tidak ada yang perlu diatur ulang untuk NIK ini.",
    en: "There is nothing to reset for this NIK.",
  },
  SIGN_IN_EXPIRED: {
    status: 401,
    id: "Waktu masuk habis. Mulai lagi dari awal.",
    en: "Signing in took too long. Please start again.",
  },
  PASSKEY_NOT_RECOGNISED: {
    status: 401,
    id: "Kunci sandi ini tidak terdaftar untuk KTP Digital aktif di ponsel ini.",
    en: "This passkey is not registered for an active KTP Digital on this phone.",
  },
  NOT_SIGNED_IN: {
    status: 401,
    id: "Anda belum masuk atau sesi sudah berakhir. Masuk kembali.",
    en: "You are not signed in, or the session has ended. Please sign in again.",
  },
  RATE_LIMITED: {
    status: 429,
    id: "Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.",
    en: "Too many requests in a short time. Wait a moment, then try again.",
  },
  ORIGIN_REFUSED: {
    status: 403,
    id: "Permintaan ini tidak datang dari halaman KTP Digital, jadi ditolak.",
    en: "This request did not come from a KTP Digital page, so it was refused.",
  },
  REGISTRATION_IN_PROGRESS: {
    status: 409,
    id: "Aktivasi untuk NIK ini sudah berjalan di perangkat lain. Lanjutkan di perangkat itu, atau bila itu bukan Anda, datang ke loket Disdukcapil dengan membawa e-KTP.",
    en: "An activation for this NIK is already under way on another device. Continue there, or if it is not yours, visit a Disdukcapil counter with your e-KTP.",
  },
  PURPOSE_UNKNOWN: {
    status: 400,
    id: "Pilih keperluan: Cek usia 17+, Bandara, Bank / KYC, atau Lengkap.",
    en: "Choose a purpose: Age check 17+, Airport, Bank / KYC or Complete.",
  },
  VERIFIER_ALREADY_REGISTERED: {
    status: 409,
    id: "Nomor registrasi ini sudah terdaftar. Hubungi admin organisasi Anda.",
    en: "This registration number is already registered. Contact your organisation's admin.",
  },
  VERIFIER_NOT_APPROVED: {
    status: 403,
    id: "Organisasi ini belum disetujui untuk memeriksa KTP Digital.",
    en: "This organisation has not been approved to verify KTP Digital.",
  },
  BRANCH_UNKNOWN: {
    status: 400,
    id: "Cabang ini tidak terdaftar untuk organisasi Anda.",
    en: "This branch is not registered for your organisation.",
  },
  API_KEY_INVALID: {
    status: 401,
    id: "Kunci API tidak dikenal, sudah dicabut, atau tidak dikirim (Authorization: Bearer …).",
    en: "The API key is unknown, revoked or missing (Authorization: Bearer …).",
  },
  STAFF_CREDENTIALS_WRONG: {
    status: 401,
    id: "E-mail atau kata sandi salah.",
    en: "The e-mail or password is wrong.",
  },
  STAFF_LOCKED: {
    status: 429,
    id: "Terlalu banyak kata sandi salah. Akun dikunci sementara; coba lagi 15 menit lagi.",
    en: "Too many wrong passwords. The account is locked for now; try again in 15 minutes.",
  },
  STAFF_PASSKEY_NOT_RECOGNISED: {
    status: 401,
    id: "Kunci sandi tidak dikenali untuk akun ini. Gunakan kunci sandi yang didaftarkan saat pertama masuk.",
    en: "The passkey is not recognised for this account. Use the passkey enrolled at your first sign-in.",
  },
  STAFF_SIGN_IN_EXPIRED: {
    status: 401,
    id: "Waktu masuk habis. Masukkan e-mail dan kata sandi lagi.",
    en: "The sign-in timed out. Enter your e-mail and password again.",
  },
  STAFF_SIGNED_OUT: {
    status: 401,
    id: "Sesi pemindaian sudah berakhir. Masuk kembali.",
    en: "The scanning session has ended. Please sign in again.",
  },
  ALREADY_REPORTED: {
    status: 409,
    id: "Verifikasi ini sudah Anda laporkan. Petugas Disdukcapil akan menindaklanjutinya.",
    en: "You have already reported this verification. Disdukcapil will follow it up.",
  },
  IDENTITY_LOCKED: {
    status: 423,
    id: "KTP Digital Anda sedang dikunci. Buka kuncinya dengan PIN untuk menampilkan QR.",
    en: "Your KTP Digital is locked. Unlock it with your PIN to show the QR.",
  },
  LOST_PHONE_REPORTED: {
    status: 423,
    id: "KTP Digital ini dikunci karena laporan ponsel hilang. Datang ke loket Disdukcapil dengan e-KTP untuk mendaftarkan ponsel baru.",
    en: "This KTP Digital is locked after a lost-phone report. Visit a Disdukcapil counter with your e-KTP to register a new phone.",
  },
  LOST_PHONE_LINK_INVALID: {
    status: 400,
    id: "Tautan ponsel hilang ini tidak dikenal, sudah dipakai, atau sudah lewat 30 menit. Minta tautan baru.",
    en: "This lost-phone link is unknown, already used, or older than 30 minutes. Ask for a new link.",
  },
  PIN_RESET_LIMIT: {
    status: 429,
    id: "PIN sudah 3 kali diatur ulang hari ini. Coba lagi besok, atau datang ke loket Disdukcapil.",
    en: "The PIN has been reset 3 times today. Try again tomorrow, or visit a Disdukcapil counter.",
  },
  PIN_RESET_NOT_STARTED: {
    status: 409,
    id: "Minta kode e-mail dulu untuk mengatur ulang PIN.",
    en: "Ask for the e-mail code first to reset the PIN.",
  },
  PIN_RESET_FACE_FIRST: {
    status: 409,
    id: "Ambil swafoto dulu; wajah Anda dicocokkan dengan foto e-KTP.",
    en: "Take the selfie first; your face is matched with the e-KTP photo.",
  },
  PIN_RESET_SELFIE_EXHAUSTED: {
    status: 423,
    id: "Swafoto sudah 3 kali tidak cocok. Atur ulang PIN di loket Disdukcapil dengan membawa e-KTP.",
    en: "Three selfies did not match. Reset the PIN at a Disdukcapil counter with your e-KTP.",
  },
  PIN_RESET_CODE_WRONG: {
    status: 400,
    id: "Kode dari e-mail salah.",
    en: "The code from the e-mail is wrong.",
  },
  PIN_RESET_CODE_EXHAUSTED: {
    status: 423,
    id: "Kode salah 5 kali atau sudah kedaluwarsa. Masuk lagi dengan kunci sandi dan minta kode baru.",
    en: "The code was wrong 5 times or has expired. Sign in with your passkey again and ask for a new code.",
  },
  PIN_UNCHANGED: {
    status: 400,
    id: "PIN baru harus berbeda dari PIN lama.",
    en: "The new PIN must differ from the old one.",
  },
  STEP_UP_EXPIRED: {
    status: 401,
    id: "Konfirmasi dengan kunci sandi sudah kedaluwarsa. Mulai lagi.",
    en: "The passkey confirmation has expired. Start again.",
  },
  OFFICER_WRONG_REGION: {
    status: 403,
    id: "Loket ini milik Dinas lain. Masuk di loket kantor Anda sendiri.",
    en: "This counter belongs to another Dinas. Sign in at a counter of your own office.",
  },
  OFFICER_FORBIDDEN: {
    status: 403,
    id: "Peran Anda tidak mengizinkan tindakan ini. Hubungi admin Ditjen Dukcapil.",
    en: "Your role does not allow this action. Contact the Ditjen Dukcapil admin.",
  },
  STAFF_EMAIL_TAKEN: {
    status: 409,
    id: "Alamat e-mail ini sudah dipakai akun petugas lain.",
    en: "This e-mail address is already used by another staff account.",
  },
  STAFF_DISABLED: {
    status: 409,
    id: "Akun petugas ini sudah nonaktif.",
    en: "This staff account is already disabled.",
  },
  REPORT_CLOSED: {
    status: 409,
    id: "Laporan ini sudah ditindaklanjuti.",
    en: "This report has already been dealt with.",
  },
  RESIDENT_OUT_OF_REGION: {
    status: 403,
    id: "Penduduk ini terdaftar di wilayah Dinas lain. Layani di loket Dinas tempat ia terdaftar.",
    en: "This resident is registered in another Dinas's region. Serve them at a counter of that Dinas.",
  },
  REGISTRATION_NOT_OPEN: {
    status: 409,
    id: "Pendaftaran ini sudah selesai, dibatalkan atau diganti; tidak ada yang bisa diubah.",
    en: "This registration has already finished, been cancelled or been replaced; nothing can change it.",
  },
  // The activation flow's ways out and across (issue 13): start over, correct the contact, continue on the phone.
  CONTACT_LOCKED: {
    status: 409,
    id: "E-mail dan nomor ponsel tidak dapat diubah lagi: petugas loket sudah memutuskan dan e-mail aktivasi sudah dikirim. Bila alamatnya keliru, batalkan dan daftar ulang.",
    en: "The e-mail and phone can no longer be changed: the counter officer has decided and the activation e-mail was sent. If the address is wrong, cancel and register again.",
  },
  REGISTRATION_ENDED: {
    status: 409,
    id: "Pendaftaran ini sudah selesai atau sudah berakhir, jadi tidak dapat dibatalkan.",
    en: "This registration has already finished or ended, so it cannot be cancelled.",
  },
  HANDOFF_NOT_AT_SELFIE: {
    status: 409,
    id: "Melanjutkan di ponsel hanya bisa sebelum swafoto. Lanjutkan di perangkat ini.",
    en: "Continuing on a phone is possible only before the selfie. Continue on this device.",
  },
  HANDOFF_LINK_INVALID: {
    status: 404,
    id: "Kode QR ini tidak dikenal. Pindai kode QR yang tampil di layar pendaftaran Anda.",
    en: "This QR code is not recognised. Scan the QR code shown on your registration screen.",
  },
  HANDOFF_LINK_USED: {
    status: 410,
    id: "Kode QR ini sudah dipakai atau diganti kode yang lebih baru. Setiap kode hanya berlaku satu kali; buat kode baru di layar pendaftaran.",
    en: "This QR code has already been used or replaced by a newer one. Each code works once; make a new one on the registration screen.",
  },
  HANDOFF_LINK_EXPIRED: {
    status: 410,
    id: "Kode QR ini sudah kedaluwarsa (berlaku 10 menit). Buat kode baru di layar pendaftaran.",
    en: "This QR code has expired (valid for 10 minutes). Make a new one on the registration screen.",
  },
  NOT_FOUND: {
    status: 404,
    id: "Halaman atau data yang dicari tidak ditemukan.",
    en: "The page or data you are looking for was not found.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    id: "Metode HTTP ini tidak didukung di alamat ini.",
    en: "This HTTP method is not supported here.",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    id: "Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi.",
    en: "The service is unavailable right now. Please try again shortly.",
  },
  INTERNAL: {
    status: 500,
    id: "Terjadi kesalahan pada sistem kami. Data Anda tidak berubah; silakan coba lagi.",
    en: "Something went wrong on our side. Nothing was changed; please try again.",
  },
} as const satisfies Record<string, { status: number } & LocalizedText>;

export type ErrorCode = keyof typeof ERRORS;

/** Marks an AppError from any copy of this module (serve-app.ts loads route modules a second time, decision 014). */
const APP_ERROR = Symbol.for("ktp.AppError");

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  readonly code: ErrorCode;
  readonly messages: LocalizedText;
  /** The request field the error is about, so a form can show it beside that field. */
  readonly field?: string;
  /** Machine-readable facts a client may show (e.g. attempts left). */
  readonly details?: Record<string, string | number | boolean>;

  constructor(code: ErrorCode, options: { message?: LocalizedText; field?: string; details?: Record<string, string | number | boolean>; cause?: unknown } = {}) {
    const messages = options.message ?? { id: ERRORS[code].id, en: ERRORS[code].en };
    super(messages.en, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messages = messages;
    this.field = options.field;
    this.details = options.details;
  }

  /** `instanceof AppError` holds for an AppError made by another copy of this module too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: boolean })[APP_ERROR] === true;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messages: LocalizedText; field?: string; details?: Record<string, string | number | boolean> };
}

export function toErrorBody(error: AppError, locale: Locale = "id"): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.messages[locale],
      messages: error.messages,
      ...(error.field ? { field: error.field } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

/** Indonesian unless the request asks for English first (cookie `lang`, then Accept-Language). */
export function localeOf(request: Pick<Request, "headers">): Locale {
  const cookie = request.headers.get("cookie")?.match(/(?:^|;\s*)lang=(id|en)\b/)?.[1];
  if (cookie === "id" || cookie === "en") return cookie;
  const preferred = request.headers.get("accept-language")?.split(",")[0]?.trim().toLowerCase() ?? "";
  return preferred.startsWith("en") ? "en" : "id";
}
