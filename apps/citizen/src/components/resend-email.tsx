"use client";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";

export function ResendEmail({ locale, t }: { locale: Locale; t: CitizenMessages["status"] }) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState<Shown<"resent" | "resendFailed"> | null>(null);
  const [busy, setBusy] = useState(false);

  async function resend() {
    setBusy(true);
    try {
      const result = await post("/api/registrations/current/email", locale);
      setMessage(result.ok ? { key: "resent" } : fromError(result.error));
    } catch {
      setMessage({ key: "resendFailed" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button className="button secondary" type="button" onClick={resend} disabled={!hydrated || busy}>
        {t.resend}
      </button>
      <p role="status" aria-live="polite" data-testid="resend-message">
        {message ? say(message, locale, t) : ""}
      </p>
    </div>
  );
}
