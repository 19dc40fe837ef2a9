"use client";
import Link from "next/link";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { ZClaimHandoffRequest } from "@ktp/core/universal/registration";
import { post } from "@ktp/ui/api-client";
import { fromCode, fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";

/** A button, not the page load, claims the code: a link preview that opens the page must not use it up. */
export function ClaimHandoff({ locale, t }: { locale: Locale; t: CitizenMessages["flow"] }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Shown<"failed"> | null>(null);

  async function claim() {
    const parsed = ZClaimHandoffRequest.safeParse({ code: new URLSearchParams(location.hash.slice(1)).get("k") ?? "" });
    if (!parsed.success) return setMessage(fromCode("HANDOFF_LINK_INVALID"));
    setBusy(true);
    setMessage(null);
    try {
      const result = await post("/api/registrations/handoff", locale, parsed.data);
      if (!result.ok) return setMessage(fromError(result.error));
      // A document load: the selfie page's camera=(self) applies only to a new document.
      location.replace("/daftar/swafoto");
    } catch {
      setMessage({ key: "failed" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button className="button" type="button" onClick={claim} disabled={!hydrated || busy}>
        {busy ? t.claim.busy : t.claim.button}
      </button>
      {message && (
        <>
          <p className="result bad" role="alert" data-testid="claim-result">
            {say(message, locale, t.claim)}
          </p>
          <p>
            <Link className="button secondary" href="/">
              {t.home}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
