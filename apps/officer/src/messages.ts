const id = {
  app: {
    title: "Konsol Petugas IKD",
    subtitle: "Dinas Kependudukan dan Pencatatan Sipil",
    description: "Konsol loket aktivasi Identitas Kependudukan Digital untuk petugas Disdukcapil.",
  },
  home: {
    title: "Loket aktivasi KTP Digital",
    lead: "Tampilkan QR aktivasi di loket, periksa swafoto pemohon di samping foto e-KTP, setujui atau tolak, reset ponsel yang hilang, dan pantau capaian terhadap target wilayah.",
    soon: "Segera",
    sections: [
      ["QR aktivasi loket", "Kode QR bertanda tangan yang berganti setiap menit, hanya untuk pemohon di depan Anda."],
      ["Pemeriksaan foto", "Swafoto pemohon di samping foto e-KTP, dengan skor kecocokan dan data SIAK."],
      ["Persetujuan", "Setujui atau tolak aktivasi dengan alasan; setiap keputusan tercatat dan ditandatangani."],
      ["Reset perangkat", "Lepaskan KTP Digital dari ponsel yang hilang setelah memeriksa pemohon secara langsung."],
      ["Capaian aktivasi", "Jumlah penduduk wajib KTP yang sudah aktif dibandingkan target wilayah Anda."],
    ],
  },
  notFound: { title: "Halaman tidak ditemukan", body: "Alamat yang Anda buka tidak ada.", back: "Kembali ke beranda" },
};

export type OfficerMessages = typeof id;

const en: OfficerMessages = {
  app: {
    title: "IKD Officer Console",
    subtitle: "Population and Civil Registration Office",
    description: "The activation counter console of the Digital Population Identity for Disdukcapil officers.",
  },
  home: {
    title: "KTP Digital activation counter",
    lead: "Show the activation QR at the counter, check the applicant's selfie beside the e-KTP photo, approve or refuse, reset a lost phone, and follow progress against your region's target.",
    soon: "Soon",
    sections: [
      ["Counter activation QR", "A signed QR code that changes every minute, only for the applicant in front of you."],
      ["Photo check", "The applicant's selfie beside the e-KTP photo, with the match score and SIAK data."],
      ["Approvals", "Approve or refuse an activation with a reason; every decision is recorded and signed."],
      ["Device reset", "Release a KTP Digital from a lost phone after checking the applicant in person."],
      ["Activation progress", "Residents of KTP age already active, against your region's target."],
    ],
  },
  notFound: { title: "Page not found", body: "The address you opened does not exist.", back: "Back to home" },
};

export const messages = { id, en };
