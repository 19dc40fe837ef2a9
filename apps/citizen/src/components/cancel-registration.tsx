"use client";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { request } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";

/** "Batalkan pendaftaran": after a confirmation, ends the registration and returns home, where a new one can start. */
export function CancelRegistration({ locale, t }: { locale: Locale; t: CitizenMessages["flow"] }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Shown<"cancelFailed"> | null>(null);

  async function cancel() {
    if (!window.confirm(t.cancelConfirm)) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await request("DELETE", "/api/registrations/current", locale);
      // A registration already gone is what the citizen wanted too.
      if (result.ok || result.error.code === "REGISTRATION_NOT_FOUND") return location.assign("/?batal=1");
      setMessage(fromError(result.error));
    } catch {
      setMessage({ key: "cancelFailed" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flow-cancel">
      <button className="button secondary" type="button" onClick={cancel} disabled={!hydrated || busy}>
        {t.cancel}
      </button>
      {message && (
        <p className="field-error" role="alert">
          {say(message, locale, t)}
        </p>
      )}
    </div>
  );
}
