const id = {
  app: {
    title: "Verifikasi KTP Digital",
    subtitle: "Untuk bank, bandara, rumah sakit dan layanan publik",
    description: "Pindai kode QR KTP Digital dan lihat data yang diizinkan pemiliknya, dengan bukti dari Dukcapil.",
  },
  home: {
    title: "Periksa KTP Digital tanpa fotokopi",
    lead: "Pindai kode QR di ponsel warga. Anda melihat hanya data yang diizinkan untuk keperluan lembaga Anda, ditandatangani Dukcapil dan masih berlaku, bahkan tanpa koneksi internet.",
    points: [
      ["Bukti asli", "Kode QR ditandatangani Dukcapil; tangkapan layar lama sudah kedaluwarsa dalam hitungan menit."],
      ["Data seperlunya", "Pemeriksaan usia hanya mengetahui “17 tahun ke atas”; bank hanya melihat data yang diizinkan."],
      ["Tercatat", "Warga dapat melihat siapa yang memverifikasi, kapan, dan data apa yang dilihat."],
    ],
    soon: "Pemindai QR akan tersedia di halaman ini.",
  },
  notFound: { title: "Halaman tidak ditemukan", body: "Alamat yang Anda buka tidak ada.", back: "Kembali ke beranda" },
};

export type VerifierMessages = typeof id;

const en: VerifierMessages = {
  app: {
    title: "KTP Digital Verification",
    subtitle: "For banks, airports, hospitals and public services",
    description: "Scan a KTP Digital QR code and see the data its owner allows, with proof from Dukcapil.",
  },
  home: {
    title: "Check a KTP Digital without photocopies",
    lead: "Scan the QR code on the resident's phone. You see only the data allowed for your institution's purpose, signed by Dukcapil and still valid, even without an internet connection.",
    points: [
      ["Genuine", "The QR code is signed by Dukcapil; an old screenshot expires within minutes."],
      ["Only what is needed", "An age check learns only “17 or over”; a bank sees only the data it is authorised for."],
      ["On record", "Residents can see who verified them, when, and what was seen."],
    ],
    soon: "The QR scanner will be available on this page.",
  },
  notFound: { title: "Page not found", body: "The address you opened does not exist.", back: "Back to home" },
};

export const messages = { id, en };
