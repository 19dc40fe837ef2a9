"use client";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { RegistrationView } from "@ktp/core/universal/registration";
import { get, post } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { signWithDeviceKey } from "@/device-key";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";

type T = CitizenMessages["counter"];
type Scanner = { stop(): Promise<void>; clear(): void };
const READER_ID = "qr-reader";
const WAIT_POLL_MS = 2500;

/** Scans the officer's activation QR with html5-qrcode, signs it with the device key and sends it. */
export function CounterScan({ locale, t, waitingAt }: { locale: Locale; t: T; waitingAt: string | null }) {
  const hydrated = useHydrated();
  const [phase, setPhase] = useState<"idle" | "scanning" | "sending" | "waiting">(waitingAt ? "waiting" : "idle");
  const [counter, setCounter] = useState(waitingAt);
  const [message, setMessage] = useState<Shown<"noDeviceKey" | "failed" | "denied"> | null>(null);
  const scanner = useRef<Scanner | null>(null);

  // While the officer decides, follow the registration until it moves on, with a document load:
  // the next page's camera=() applies only to a new document.
  useEffect(() => {
    if (phase !== "waiting") return;
    const follow = async () => {
      const result = await get<RegistrationView>("/api/registrations/current", locale).catch(() => null);
      if (result?.ok && result.data.step !== "COUNTER") location.assign(stepPath(result.data.step));
    };
    const timer = setInterval(() => void follow(), WAIT_POLL_MS);
    return () => clearInterval(timer);
  }, [phase, locale]);

  useEffect(() => () => void stopScanner(), []);

  async function stopScanner() {
    const running = scanner.current;
    scanner.current = null;
    await running?.stop().catch(() => undefined);
    running?.clear();
  }

  async function send(qr: string) {
    setPhase("sending");
    try {
      const result = await post<RegistrationView>("/api/registrations/current/counter", locale, { qr, deviceKeySignature: await signWithDeviceKey(qr) });
      if (!result.ok) {
        setMessage(fromError(result.error));
        return setPhase("idle");
      }
      setCounter(result.data.counter ? `${result.data.counter.code} · ${result.data.counter.name}` : null);
      setPhase("waiting");
    } catch (error) {
      setMessage({ key: (error as { name?: string }).name === "NoDeviceKey" ? "noDeviceKey" : "failed" });
      setPhase("idle");
    }
  }

  async function scan() {
    setMessage(null);
    setPhase("scanning");
    try {
      const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import("html5-qrcode");
      const reader = new Html5Qrcode(READER_ID, { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
      scanner.current = reader;
      let done = false;
      await reader.start(
        { facingMode: "environment" },
        { fps: 10 },
        (text) => {
          if (done) return;
          done = true;
          void stopScanner().then(() => send(text));
        },
        () => undefined,
      );
    } catch (error) {
      await stopScanner();
      const name = (error as { name?: string }).name ?? String(error);
      setMessage({ key: /NotAllowed|Permission/i.test(name) ? "denied" : "failed" });
      setPhase("idle");
    }
  }

  if (phase === "waiting") {
    return (
      <p className="result ok" role="status" data-testid="counter-waiting">
        {t.waiting.replace("{counter}", counter ?? "")}
      </p>
    );
  }
  return (
    <div className="stack">
      <div id={READER_ID} className="scanner" hidden={phase !== "scanning"} />
      {phase === "scanning" && (
        <p className="hint" aria-live="polite">
          {t.scanning}
        </p>
      )}
      <p className="actions">
        {phase === "scanning" ? (
          <button className="button secondary" type="button" onClick={() => void stopScanner().then(() => setPhase("idle"))}>
            {t.stop}
          </button>
        ) : (
          <button className="button" type="button" onClick={scan} disabled={!hydrated || phase === "sending"}>
            {phase === "sending" ? t.sending : t.scan}
          </button>
        )}
      </p>
      <p role="status" aria-live="polite" className={message ? "field-error" : undefined} data-testid="counter-message">
        {message ? say(message, locale, t) : ""}
      </p>
    </div>
  );
}
