"use client";
import { useRouter } from "next/navigation";
import type { Locale } from "@ktp/core/universal/errors";
import { request } from "@ktp/ui/api-client";
import { forgetOfflineCard } from "@/offline/offline-card";

export function SignOutButton({ label, locale }: { label: string; locale: Locale }) {
  const router = useRouter();
  return (
    <p>
      <button
        className="button secondary"
        type="button"
        onClick={async () => {
          await request("DELETE", "/api/session", locale).catch(() => null);
          await forgetOfflineCard();
          router.push("/masuk");
        }}
      >
        {label}
      </button>
    </p>
  );
}
