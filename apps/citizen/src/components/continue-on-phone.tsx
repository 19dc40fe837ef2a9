"use client";
import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { get, post } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";

/** How often this screen asks whether the phone has taken the registration over. */
const MOVED_POLL_MS = 3000;

type State = { kind: "closed" } | { kind: "busy" } | { kind: "shown"; url: string; expiresAt: string } | { kind: "moved" } | { kind: "error"; message: Shown<"failed"> };

/**
 * "Lanjutkan di ponsel" (decision 026): a QR with a one-time link that moves this registration to
 * the phone that opens it. Offered on the selfie step to every device, and first of all to one
 * whose camera cannot be opened.
 */
export function ContinueOnPhone({ locale, t, prominent }: { locale: Locale; t: CitizenMessages["flow"]["handoff"]; prominent: boolean }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<State>({ kind: "closed" });
  const canvas = useRef<HTMLCanvasElement>(null);

  async function open() {
    setState({ kind: "busy" });
    try {
      const result = await post<{ url: string; expiresAt: string }>("/api/registrations/current/handoff", locale);
      if (!result.ok) return setState({ kind: "error", message: fromError(result.error) });
      setState({ kind: "shown", url: result.data.url, expiresAt: result.data.expiresAt });
    } catch {
      setState({ kind: "error", message: { key: "failed" } });
    }
  }

  // A canvas, not an <img>: the CSP allows no data: images.
  const url = state.kind === "shown" ? state.url : null;
  useEffect(() => {
    if (url && canvas.current) QRCode.toCanvas(canvas.current, url, { errorCorrectionLevel: "M", margin: 4, scale: 5 }, () => undefined);
  }, [url]);

  // Once the phone claims the code, this browser's cookie no longer finds the registration.
  const shown = state.kind === "shown";
  useEffect(() => {
    if (!shown) return;
    const follow = async () => {
      const result = await get("/api/registrations/current", locale).catch(() => null);
      if (result && !result.ok && result.error.code === "REGISTRATION_NOT_FOUND") setState({ kind: "moved" });
    };
    const timer = setInterval(() => void follow(), MOVED_POLL_MS);
    return () => clearInterval(timer);
  }, [shown, locale]);

  if (state.kind === "moved") {
    return (
      <p className="result ok" role="status" data-testid="handoff-moved">
        {t.moved}
      </p>
    );
  }
  const time = state.kind === "shown" ? new Date(state.expiresAt).toLocaleTimeString(locale === "id" ? "id-ID" : "en-GB", { hour: "2-digit", minute: "2-digit" }) : "";
  return (
    <div className="flow-handoff" data-testid="handoff">
      {prominent && state.kind === "closed" && <p className="result">{t.noCamera}</p>}
      {state.kind === "shown" ? (
        <>
          <h2>{t.title}</h2>
          <p className="hint">{t.lead}</p>
          <canvas ref={canvas} className="handoff-qr" role="img" aria-label={t.alt} data-testid="handoff-qr" />
          <p className="hint">{t.validUntil.replace("{time}", time)}</p>
          <button className="button secondary" type="button" onClick={open}>
            {t.renew}
          </button>
        </>
      ) : (
        <button className={prominent ? "button" : "button secondary"} type="button" onClick={open} disabled={!hydrated || state.kind === "busy"}>
          {t.open}
        </button>
      )}
      {state.kind === "error" && (
        <p className="field-error" role="alert">
          {say(state.message, locale, t)}
        </p>
      )}
    </div>
  );
}
