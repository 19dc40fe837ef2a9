import type { ReactNode } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { LanguageSwitch } from "./language-switch.tsx";

const FOOTER: Record<Locale, string> = {
  id: "Direktorat Jenderal Kependudukan dan Pencatatan Sipil · Kementerian Dalam Negeri",
  en: "Directorate General of Population and Civil Registration · Ministry of Home Affairs",
};

/** Header, language switch and footer shared by the three apps. */
export function AppShell({ locale, title, subtitle, children }: { locale: Locale; title: string; subtitle: string; children: ReactNode }) {
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            IKD
          </span>
          <span>
            <strong>{title}</strong>
            <small>{subtitle}</small>
          </span>
        </div>
        <LanguageSwitch locale={locale} />
      </header>
      <main className="shell-main">{children}</main>
      <footer className="shell-footer">{FOOTER[locale]}</footer>
    </div>
  );
}
