"use client";
import { type FormEvent, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { IDENTITY_FIELD_LABELS, type IdentityField, PURPOSE_RULES } from "@ktp/core/universal/identity/purposes";
import { RECEIPT_REASONS, type ReceiptCheck as Check } from "@ktp/core/universal/receipts";
import { post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { VerifierMessages } from "@/messages";

type T = VerifierMessages["receiptCheck"];

/** Paste a receipt's signature; the page says whether it is genuine and what it says. */
export function ReceiptCheck({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Check | null>(null);
  const [message, setMessage] = useState<Shown<"failed"> | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setResult(null);
    try {
      const answer = await post<Check>("/api/cek-bukti", locale, { receipt: formText(event.currentTarget, "receipt") });
      if (answer.ok) setResult(answer.data);
      else setMessage(fromError(answer.error));
    } catch {
      setMessage({ key: "failed" });
    } finally {
      setBusy(false);
    }
  }

  const claims = result?.claims;
  return (
    <div className="stack">
      <form className="stack" onSubmit={onSubmit} noValidate>
        <p>
          <label htmlFor="receipt">{t.receipt}</label>
          <textarea id="receipt" name="receipt" rows={5} maxLength={4096} spellCheck={false} autoComplete="off" required />
        </p>
        <p>
          <button className="button" type="submit" disabled={!hydrated || busy}>
            {busy ? t.busy : t.check}
          </button>
        </p>
      </form>
      <p role="status" aria-live="polite" className={message ? "field-error" : undefined}>
        {message ? say(message, locale, t) : ""}
      </p>
      {result && (
        <article className={`verdict ${result.valid ? "ok" : "bad"}`} data-testid="receipt-verdict" data-valid={String(result.valid)}>
          <p className="verdict-word">{result.valid ? t.valid : t.invalid}</p>
          <p>{result.valid ? t.validLead : result.reason ? RECEIPT_REASONS[result.reason][locale] : ""}</p>
          {claims && (
            <dl className="verdict-body fields receipt-fields">
              <div>
                <dt>{t.stamp}</dt>
                <dd>{claims.stamp}</dd>
              </div>
              <div>
                <dt>{t.org}</dt>
                <dd>{claims.org.name}</dd>
              </div>
              <div>
                <dt>{t.purpose}</dt>
                <dd>{PURPOSE_RULES[claims.purpose]?.label[locale] ?? claims.purpose}</dd>
              </div>
              <div>
                <dt>{t.fields}</dt>
                <dd>{claims.fields.map((f) => IDENTITY_FIELD_LABELS[f as IdentityField]?.[locale] ?? f).join(", ")}</dd>
              </div>
              <div>
                <dt>{t.at}</dt>
                <dd>{new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "long", timeStyle: "medium", timeZone: "Asia/Jakarta" }).format(claims.iat * 1000)} WIB</dd>
              </div>
              <div>
                <dt>{t.id}</dt>
                <dd>{claims.jti}</dd>
              </div>
            </dl>
          )}
        </article>
      )}
    </div>
  );
}
