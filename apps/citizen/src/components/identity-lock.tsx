"use client";
import { useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { post } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { CitizenMessages } from "@/messages";
import { wipeOfflineWallet } from "@/offline/wallet-store";

type T = CitizenMessages["card"]["lock"];

/** "Kunci KTP Digital": while locked no QR shows and every verification fails; the PIN locks and unlocks. */
export function IdentityLock({ locale, t, locked: initiallyLocked }: { locale: Locale; t: T; locked: boolean }) {
  const [locked, setLocked] = useState(initiallyLocked);
  const [pin, setPin] = useState("");
  const [message, setMessage] = useState<Shown<"failed"> | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const result = await post<{ locked: boolean }>("/api/kartu/kunci", locale, { pin, locked: !locked });
      if (!result.ok) return setMessage(fromError(result.error));
      setLocked(result.data.locked);
      setPin("");
      // A locked identity keeps nothing on the phone; unlocking syncs it again when the card reloads.
      if (result.data.locked) await wipeOfflineWallet();
      // The lock lives on the account page; the card asks for a QR (or says it is locked) when next opened.
    } catch {
      setMessage({ key: "failed" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="identity-lock" aria-labelledby="identity-lock-title">
      <h2 id="identity-lock-title">{t.title}</h2>
      <p data-testid="lock-state">{locked ? t.lockedNow : t.unlockedNow}</p>
      <form onSubmit={submit} className="inline-form">
        <p>
          <label htmlFor="lock-pin">{t.pin}</label>
          <input id="lock-pin" inputMode="numeric" autoComplete="off" type="password" maxLength={6} pattern="\d{6}" required value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))} />
        </p>
        <p>
          <button className={locked ? "button" : "button secondary"} type="submit" disabled={busy}>
            {locked ? t.unlock : t.lock}
          </button>
        </p>
      </form>
      {message && <p role="alert">{say(message, locale, t)}</p>}
    </section>
  );
}
