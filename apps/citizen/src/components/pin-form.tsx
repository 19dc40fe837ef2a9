"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { findPinProblem, PIN_LENGTH } from "@ktp/core/universal/pin";
import type { RegistrationView } from "@ktp/core/universal/registration";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { formText } from "@ktp/ui/form-text";
import { fromCode, fromError, say, type Shown } from "@ktp/ui/shown-message";

type Field = "pin" | "confirmation";

export function PinForm({ locale, t }: { locale: Locale; t: CitizenMessages["pin"] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Partial<Record<Field | "form", Shown<"failed">>>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pin = formText(form, "pin");
    const confirmation = formText(form, "confirmation");
    // The birth-date rule needs SIAK, so only the server applies it.
    const problem = findPinProblem(pin);
    if (problem) return setErrors({ pin: fromCode(problem) });
    if (pin !== confirmation) return setErrors({ confirmation: fromCode("PIN_MISMATCH") });
    setErrors({});
    setBusy(true);
    try {
      const result = await post<RegistrationView>("/api/registrations/current/pin", locale, { pin, confirmation });
      if (result.ok) return router.push(stepPath(result.data.step));
      const { error } = result;
      setErrors({ [error.field === "confirmation" ? "confirmation" : error.field === "pin" ? "pin" : "form"]: fromError(error) });
    } catch {
      setErrors({ form: { key: "failed" } });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field) => (
    <p>
      <label htmlFor={name}>{t.labels[name]}</label>
      <input
        id={name}
        name={name}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={PIN_LENGTH}
        pattern="[0-9]*"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      {errors[name] && (
        <span id={`${name}-error`} className="field-error" role="alert">
          {say(errors[name], locale, t)}
        </span>
      )}
    </p>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {field("pin")}
      {field("confirmation")}
      {errors.form && (
        <p className="field-error" role="alert">
          {say(errors.form, locale, t)}
        </p>
      )}
      <p>
        <button className="button" type="submit" disabled={!hydrated || busy}>
          {busy ? t.saving : t.submit}
        </button>
      </p>
    </form>
  );
}
