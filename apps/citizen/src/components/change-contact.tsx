"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { isErrorCode, type Locale } from "@ktp/core/universal/errors";
import { type RegistrationView, ZChangeContactRequest } from "@ktp/core/universal/registration";
import { post } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { fromCode, fromError, say, type Shown } from "@ktp/ui/shown-message";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { CitizenMessages } from "@/messages";

type Field = "email" | "phone";
type Message = Shown<"failed" | "saved">;

/** "Ubah e-mail atau nomor ponsel": until the counter decides, the same rules and limits as registering. */
export function ChangeContact({ locale, t, labels }: { locale: Locale; t: CitizenMessages["flow"]["contact"]; labels: CitizenMessages["register"] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Partial<Record<Field | "form", Message>>>({});
  const [saved, setSaved] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(null);
    const parsed = ZChangeContactRequest.safeParse({ email: formText(form, "email"), phone: formText(form, "phone") });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= fromCode(isErrorCode(issue.message) ? issue.message : "VALIDATION_FAILED");
      return setErrors(next);
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await post<RegistrationView>("/api/registrations/current/contact", locale, parsed.data);
      if (!result.ok) return setErrors({ [result.error.field === "email" || result.error.field === "phone" ? result.error.field : "form"]: fromError(result.error) });
      setSaved({ key: "saved", params: { email: result.data.maskedEmail } });
      router.refresh();
    } catch {
      setErrors({ form: { key: "failed" } });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, type: string) => (
    <p>
      <label htmlFor={`contact-${name}`}>{labels.labels[name]}</label>
      <input
        id={`contact-${name}`}
        name={name}
        type={type}
        inputMode={type === "tel" ? "tel" : "email"}
        autoComplete={type === "tel" ? "tel" : "email"}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `contact-${name}-error` : undefined}
      />
      {errors[name] && (
        <span id={`contact-${name}-error`} className="field-error" role="alert">
          {say(errors[name], locale, t)}
        </span>
      )}
    </p>
  );

  return (
    <details className="flow-contact">
      <summary>{t.open}</summary>
      <p className="hint">{t.lead}</p>
      <form onSubmit={onSubmit} noValidate className="stack">
        {field("email", "email")}
        {field("phone", "tel")}
        {errors.form && (
          <p className="field-error" role="alert">
            {say(errors.form, locale, t)}
          </p>
        )}
        <p>
          <button className="button secondary" type="submit" disabled={!hydrated || busy}>
            {busy ? t.saving : t.submit}
          </button>
        </p>
        <p role="status" data-testid="contact-saved">
          {saved ? say(saved, locale, t) : ""}
        </p>
      </form>
    </details>
  );
}
