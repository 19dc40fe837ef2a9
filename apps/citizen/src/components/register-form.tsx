"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, type InputHTMLAttributes, useState } from "react";
import { isErrorCode, type Locale } from "@ktp/core/universal/errors";
import { type RegistrationView, ZStartRegistrationRequest } from "@ktp/core/universal/registration";
import { post } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { stepPath } from "@/registration-steps";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { formText } from "@ktp/ui/form-text";
import { fromCode, fromError, say, type Shown } from "@ktp/ui/shown-message";
import { NIK_FIELD } from "./nik-field.ts";

type Field = "nik" | "email" | "phone";
const FIELDS: Field[] = ["nik", "email", "phone"];

export function RegisterForm({ locale, t }: { locale: Locale; t: CitizenMessages["register"] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  // Codes and keys, not sentences: the ID/EN switch keeps this state and re-renders it in the other language.
  const [errors, setErrors] = useState<Partial<Record<Field | "form", Shown<"failed">>>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
    // The server's schema, run here first, so each mistake is named beside its field.
    const parsed = ZStartRegistrationRequest.safeParse(input);
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] ??= fromCode(isErrorCode(issue.message) ? issue.message : "VALIDATION_FAILED");
      }
      return setErrors(next);
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await post<RegistrationView>("/api/registrations", locale, parsed.data);
      if (result.ok) return router.push(stepPath(result.data.step));
      const { error } = result;
      const field = FIELDS.includes(error.field as Field) ? (error.field as Field) : "form";
      setErrors({ [field]: fromError(error) });
    } catch {
      setErrors({ form: { key: "failed" } });
    } finally {
      setBusy(false);
    }
  }

  const input = (name: Field, attributes: InputHTMLAttributes<HTMLInputElement>) => (
    <p>
      <label htmlFor={name}>{t.labels[name]}</label>
      <input id={name} name={name} {...attributes} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : `${name}-hint`} />
      {errors[name] ? (
        <span id={`${name}-error`} className="field-error" role="alert">
          {say(errors[name], locale, t)}
        </span>
      ) : (
        <span id={`${name}-hint`} className="hint">
          {t.hints[name]}
        </span>
      )}
    </p>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {input("nik", NIK_FIELD)}
      {input("email", { type: "email", inputMode: "email", autoComplete: "email", placeholder: "nama@contoh.id" })}
      {input("phone", { type: "tel", inputMode: "tel", autoComplete: "tel", placeholder: "0812 3456 7890" })}
      {errors.form && (
        <p className="field-error" role="alert">
          {say(errors.form, locale, t)}
        </p>
      )}
      <p>
        <button className="button" type="submit" disabled={!hydrated || busy}>
          {busy ? t.checking : t.submit}
        </button>
      </p>
    </form>
  );
}
