import type { MetadataRoute } from "next";

/** Installable: the scan page opens from the home screen, and offline (src/sw/sw.ts). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Verifikasi KTP Digital",
    short_name: "Verifikasi IKD",
    description: "Pindai kode QR KTP Digital, juga tanpa koneksi internet.",
    lang: "id",
    start_url: "/pindai",
    scope: "/",
    display: "standalone",
    background_color: "#f4f7fb",
    theme_color: "#0b4ea2",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
