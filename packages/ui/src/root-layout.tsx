import "./styles.css";
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { AppShell } from "./app-shell.tsx";
import { getLocale } from "./locale.ts";

export interface AppMessages {
  app: { title: string; subtitle: string; description: string };
  notFound: { title: string; body: string; back: string };
}

/** The root layout, metadata and 404 page of an app, in the reader's language. */
export function createAppFrame(messages: Record<Locale, AppMessages>) {
  async function generateMetadata(): Promise<Metadata> {
    const { app } = messages[await getLocale()];
    return { title: app.title, description: app.description, applicationName: app.title };
  }

  const viewport: Viewport = { themeColor: "#0b4ea2", width: "device-width", initialScale: 1 };

  async function RootLayout({ children }: { children: ReactNode }) {
    // Every page renders per request: Next.js puts that request's CSP nonce (serve-app.ts) on its
    // scripts, and a prerendered page's scripts would carry none and be blocked.
    await connection();
    const locale = await getLocale();
    const { app } = messages[locale];
    return (
      <html lang={locale}>
        <body>
          <AppShell locale={locale} title={app.title} subtitle={app.subtitle}>
            {children}
          </AppShell>
        </body>
      </html>
    );
  }

  async function NotFound() {
    const t = messages[await getLocale()].notFound;
    return (
      <section className="card">
        <h1>{t.title}</h1>
        <p className="lead">{t.body}</p>
        <Link className="button" href="/">
          {t.back}
        </Link>
      </section>
    );
  }

  return { generateMetadata, viewport, RootLayout, NotFound };
}
