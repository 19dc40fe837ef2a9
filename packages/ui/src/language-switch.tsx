"use client";
import { useRouter } from "next/navigation";
import type { Locale } from "@ktp/core/universal/errors";

const LABELS: Record<Locale, { name: string; switchTo: string }> = {
  id: { name: "Bahasa Indonesia", switchTo: "Ganti bahasa ke Bahasa Indonesia" },
  en: { name: "English", switchTo: "Switch language to English" },
};

/** Kept a year; `router.refresh()` then renders the page in that language. */
function rememberLocale(locale: Locale) {
  document.cookie = `lang=${locale}; path=/; max-age=31536000; samesite=lax`;
}

export function LanguageSwitch({ locale }: { locale: Locale }) {
  const router = useRouter();
  const choose = (next: Locale) => {
    rememberLocale(next);
    router.refresh();
  };
  return (
    <div className="lang-switch" role="group" aria-label={locale === "id" ? "Bahasa" : "Language"}>
      {(["id", "en"] as const).map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === locale} aria-label={LABELS[option].switchTo} title={LABELS[option].name} onClick={() => choose(option)}>
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
