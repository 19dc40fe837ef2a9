import type { MetadataRoute } from "next";

/** Installable on Android and iOS (issue 13, item 5); icons made by scripts/make-icons.ts from app/icon.svg. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "KTP Digital",
    short_name: "KTP Digital",
    description: "Identitas Kependudukan Digital (IKD) dari Dukcapil di ponsel Anda: kartu, QR, Kartu Keluarga dan dokumen, juga tanpa sinyal.",
    lang: "id",
    dir: "ltr",
    start_url: "/kartu",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f4f7fb",
    theme_color: "#0b4ea2",
    categories: ["government", "utilities"],
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
