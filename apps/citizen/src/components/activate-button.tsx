"use client";
import { useState } from "react";
import type { ErrorBody, Locale } from "@ktp/core/universal/errors";
import type { CitizenMessages } from "@/messages";
import { useHydrated } from "./use-hydrated.ts";

/** A button, not the link itself, activates: mail scanners that open links must not use them up. */
export function ActivateButton({ token, locale, t }: { token: string; locale: Locale; t: CitizenMessages["activate"] }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function activate() {
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/activation", { method: "POST", headers: { "content-type": "application/json", "accept-language": locale }, body: JSON.stringify({ token }) });
      if (response.ok) return setState({ kind: "done" });
      setState({ kind: "error", message: ((await response.json()) as ErrorBody).error.messages[locale] });
    } catch {
      setState({ kind: "error", message: t.failed });
    }
  }

  if (state.kind === "done") return <p className="result ok" role="status" data-testid="activation-result">{t.done}</p>;
  return (
    <div>
      <button className="button" type="button" onClick={activate} disabled={!hydrated || state.kind === "busy"}>{t.button}</button>
      {state.kind === "error" && <p className="result bad" role="alert" data-testid="activation-result">{state.message}</p>}
    </div>
  );
}
