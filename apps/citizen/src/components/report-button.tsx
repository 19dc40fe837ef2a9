"use client";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";

type T = CitizenMessages["history"];

/** "Bukan saya / laporkan" on one entry of the history: it reaches the officer console. */
export function ReportButton({ locale, t, id, reported }: { locale: Locale; t: T; id: string; reported: boolean }) {
  const [state, setState] = useState<"idle" | "sending" | "done">(reported ? "done" : "idle");
  const [message, setMessage] = useState<string | null>(null);
  if (state === "done")
    return (
      <p className="hint" data-testid="reported">
        {t.reported}
      </p>
    );
  return (
    <p>
      <button
        type="button"
        className="button secondary"
        disabled={state === "sending"}
        onClick={async () => {
          setState("sending");
          const result = await post(`/api/riwayat/${id}/laporan`, locale, {}).catch(() => null);
          if (result?.ok || result?.error.code === "ALREADY_REPORTED") return setState("done");
          setMessage(result ? result.error.messages[locale] : t.failed);
          setState("idle");
        }}
      >
        {t.report}
      </button>
      {message && <span role="alert"> {message}</span>}
    </p>
  );
}
