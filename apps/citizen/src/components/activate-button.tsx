"use client";
import Link from "next/link";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";

/** A button, not the link itself, activates: mail scanners that open links must not use them up. */
export function ActivateButton({ token, locale, t }: { token: string; locale: Locale; t: CitizenMessages["activate"] }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: Shown<"failed"> }>({ kind: "idle" });

  async function activate() {
    setState({ kind: "busy" });
    try {
      const result = await post("/api/activation", locale, { token });
      setState(result.ok ? { kind: "done" } : { kind: "error", message: fromError(result.error) });
    } catch {
      setState({ kind: "error", message: { key: "failed" } });
    }
  }

  if (state.kind === "done") {
    return (
      <>
        <p className="result ok" role="status" data-testid="activation-result">
          {t.done}
        </p>
        <p>
          <Link className="button" href="/masuk">
            {t.signIn}
          </Link>
        </p>
      </>
    );
  }
  return (
    <div>
      <button className="button" type="button" onClick={activate} disabled={!hydrated || state.kind === "busy"}>
        {t.button}
      </button>
      {state.kind === "error" && (
        <p className="result bad" role="alert" data-testid="activation-result">
          {say(state.message, locale, t)}
        </p>
      )}
    </div>
  );
}
