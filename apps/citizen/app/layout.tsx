import type { Metadata } from "next";
import { frame } from "@/frame";

/** The shared frame's metadata, plus what iOS reads to put the app on the home screen (issue 13, item 5). */
export async function generateMetadata(): Promise<Metadata> {
  return {
    ...(await frame.generateMetadata()),
    appleWebApp: { capable: true, title: "KTP Digital", statusBarStyle: "default" },
    icons: { icon: "/icon.svg", apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180" } },
    formatDetection: { telephone: false },
  };
}
export const viewport = frame.viewport;
export default frame.RootLayout;
