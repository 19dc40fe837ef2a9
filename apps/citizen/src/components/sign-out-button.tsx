"use client";
import { useRouter } from "next/navigation";
import type { Locale } from "@ktp/core/universal/errors";
import { request } from "@ktp/ui/api-client";
import { wipeOfflineWallet } from "@/offline/wallet-store";

export function SignOutButton({ label, locale }: { label: string; locale: Locale }) {
  const router = useRouter();
  return (
    <p>
      <button
        className="button secondary"
        type="button"
        onClick={async () => {
          await request("DELETE", "/api/session", locale).catch(() => null);
          await wipeOfflineWallet();
          router.push("/masuk");
        }}
      >
        {label}
      </button>
    </p>
  );
}
