"use client";
import { useRouter } from "next/navigation";
import type { Locale } from "@ktp/core/universal/errors";

const LABELS: Record<Locale, { name: string; switchTo: string }> = {
  id: { name: "Bahasa Indonesia", switchTo: "Ganti bahasa ke Bahasa Indonesia" },
  en: { name: "English", switchTo: "Switch language to English" },
};

export function LanguageSwitch({ locale }: { locale: Locale }) {
  const router = useRouter();
  const choose = (next: Locale) => {
    document.cookie = `lang=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <div className="lang-switch" role="group" aria-label={locale === "id" ? "Bahasa" : "Language"}>
      {(["id", "en"] as const).map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          aria-label={LABELS[option].switchTo}
          title={LABELS[option].name}
          onClick={() => choose(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
