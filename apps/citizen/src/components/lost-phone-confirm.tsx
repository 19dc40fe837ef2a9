"use client";
import { useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";
import { forgetOfflineCard } from "@/offline/offline-card";

type T = CitizenMessages["lostPhone"];

/** The e-mailed link's confirmation: one press locks the KTP Digital until the counter. */
export function LostPhoneConfirm({ locale, t, token }: { locale: Locale; t: T; token: string }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<"idle" | "locking" | "locked">("idle");
  const [error, setError] = useState<ErrorBody["error"] | "offline" | null>(null);

  async function lock() {
    setState("locking");
    setError(null);
    const result = await post("/api/ponsel-hilang/kunci", locale, { token }).catch(() => null);
    if (result?.ok) {
      // If this browser is the phone itself (found again), nothing of the card stays on it either.
      await forgetOfflineCard().catch(() => undefined);
      return setState("locked");
    }
    setError(result ? result.error : "offline");
    setState("idle");
  }

  if (state === "locked")
    return (
      <p role="status" data-testid="lost-phone-locked">
        {t.locked}
      </p>
    );
  return (
    <div className="stack">
      <p>
        <button className="button danger" type="button" onClick={lock} disabled={!hydrated || state === "locking"}>
          {state === "locking" ? t.locking : t.confirm}
        </button>
      </p>
      <p role="alert" className={error ? "field-error" : undefined}>
        {error === "offline" ? t.failed : (error?.messages[locale] ?? "")}
      </p>
    </div>
  );
}
