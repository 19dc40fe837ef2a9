const id = {
  app: {
    title: "KTP Digital",
    subtitle: "Identitas Kependudukan Digital",
    description: "Aktifkan dan bawa KTP Digital (IKD) Anda di ponsel, tanpa fotokopi KTP.",
  },
  home: {
    title: "KTP Digital di ponsel Anda",
    lead: "Identitas Kependudukan Digital dari Dukcapil: tunjukkan kode QR, bukan fotokopi KTP. Bisa dipakai di Android maupun iPhone, juga saat tidak ada sinyal.",
    stepsTitle: "Cara aktivasi",
    steps: [
      "Masukkan NIK, e-mail, dan nomor ponsel; data diperiksa ke SIAK Terpusat.",
      "Ambil swafoto; wajah Anda dicocokkan dengan foto e-KTP.",
      "Buat PIN enam digit dan kaitkan ponsel ini.",
      "Pindai kode QR di loket Disdukcapil, di depan petugas.",
      "Buka tautan aktivasi yang dikirim ke e-mail Anda.",
    ],
  },
  nikCheck: {
    title: "Periksa NIK Anda",
    lead: "Langkah pertama: pastikan NIK Anda terdaftar dan dapat diaktifkan.",
    label: "NIK (16 digit, tertera di e-KTP)",
    submit: "Verifikasi Data",
    checking: "Memeriksa…",
    notFound: "NIK ini tidak ditemukan di SIAK Terpusat. Periksa kembali angka pada e-KTP Anda, atau hubungi Disdukcapil setempat.",
    eligible: "Data ditemukan. NIK ini dapat diaktifkan sebagai KTP Digital.",
    notEligible: "Data ditemukan, tetapi NIK ini belum dapat diaktifkan:",
    owner: "Atas nama",
    alive: "Penduduk tercatat hidup",
    adult: "Berusia 17 tahun atau lebih",
    ektp: "Sudah melakukan perekaman e-KTP",
    failed: "Pemeriksaan gagal. Periksa koneksi Anda dan coba lagi.",
  },
  notFound: { title: "Halaman tidak ditemukan", body: "Alamat yang Anda buka tidak ada.", back: "Kembali ke beranda" },
};

export type CitizenMessages = typeof id;

const en: CitizenMessages = {
  app: {
    title: "KTP Digital",
    subtitle: "Digital Population Identity",
    description: "Activate and carry your KTP Digital (IKD) on your phone; no more KTP photocopies.",
  },
  home: {
    title: "Your KTP on your phone",
    lead: "The Digital Population Identity from Dukcapil: show a QR code instead of a KTP photocopy. Works on Android and iPhone, even without signal.",
    stepsTitle: "How to activate",
    steps: [
      "Enter your NIK, e-mail and phone number; they are checked against SIAK Terpusat.",
      "Take a selfie; your face is matched with your e-KTP photo.",
      "Choose a six-digit PIN and bind this phone.",
      "Scan the QR code at a Disdukcapil counter, in front of an officer.",
      "Open the activation link sent to your e-mail.",
    ],
  },
  nikCheck: {
    title: "Check your NIK",
    lead: "First step: make sure your NIK is registered and can be activated.",
    label: "NIK (16 digits, printed on your e-KTP)",
    submit: "Verify data",
    checking: "Checking…",
    notFound: "This NIK was not found in SIAK Terpusat. Check the number on your e-KTP, or contact your local Disdukcapil.",
    eligible: "Record found. This NIK can be activated as a KTP Digital.",
    notEligible: "Record found, but this NIK cannot be activated yet:",
    owner: "Name",
    alive: "Recorded as living",
    adult: "Aged 17 or over",
    ektp: "e-KTP biometrics recorded",
    failed: "The check failed. Check your connection and try again.",
  },
  notFound: { title: "Page not found", body: "The address you opened does not exist.", back: "Back to home" },
};

export const messages = { id, en };
