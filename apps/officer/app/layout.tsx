import "@ktp/ui/styles.css";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@ktp/ui/app-shell";
import { getLocale } from "@ktp/ui/locale";
import { messages } from "@/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = messages[await getLocale()];
  return { title: t.app.title, description: t.app.description, applicationName: t.app.title };
}

export const viewport: Viewport = { themeColor: "#0b4ea2", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = messages[locale];
  return (
    <html lang={locale}>
      <body>
        <AppShell locale={locale} title={t.app.title} subtitle={t.app.subtitle}>
          {children}
        </AppShell>
      </body>
    </html>
  );
}
