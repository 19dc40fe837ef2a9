"use client";
import { useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import type { CitizenMessages } from "@/messages";
import { useHydrated } from "./use-hydrated.ts";

export function ResendEmail({ locale, t }: { locale: Locale; t: CitizenMessages["status"] }) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function resend() {
    setBusy(true);
    try {
      const response = await fetch("/api/registrations/current/email", { method: "POST", headers: { "accept-language": locale } });
      setMessage(response.ok ? t.resent : ((await response.json()) as ErrorBody).error.messages[locale]);
    } catch {
      setMessage(t.resendFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button className="button secondary" type="button" onClick={resend} disabled={!hydrated || busy}>{t.resend}</button>
      <p role="status" aria-live="polite" data-testid="resend-message">{message ?? ""}</p>
    </div>
  );
}
