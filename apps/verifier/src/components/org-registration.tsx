"use client";
import { type FormEvent, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { PURPOSE_RULES, PURPOSES } from "@ktp/core/universal/identity/purposes";
import { VERIFIER_ORG_TYPES } from "@ktp/core/universal/verifier";
import { post } from "@ktp/ui/api-client";
import { useHydrated } from "@ktp/ui/use-hydrated";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { VerifierMessages } from "@/messages";

type T = VerifierMessages["register"];
const MAX_BRANCHES = 50;

/** An organisation's request to verify KTP Digital: who it is, its branches, the purposes it asks for. */
export function OrgRegistration({ locale, t }: { locale: Locale; t: T }) {
  const hydrated = useHydrated();
  const [branches, setBranches] = useState([{ key: 0, name: "", city: "" }]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<Shown<"failed"> | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await post("/api/organisasi", locale, {
        legalName: form.get("legalName"),
        registrationNumber: form.get("registrationNumber"),
        type: form.get("type"),
        purposes: form.getAll("purposes"),
        contactEmail: form.get("contactEmail"),
        branches: branches.map((b) => ({ name: b.name, city: b.city })),
      });
      if (result.ok) return setDone(true);
      setError(fromError(result.error));
    } catch {
      setError({ key: "failed" });
    } finally {
      setBusy(false);
    }
  }

  const setBranch = (key: number, change: Partial<{ name: string; city: string }>) => setBranches((list) => list.map((b) => (b.key === key ? { ...b, ...change } : b)));

  if (done)
    return (
      <p className="result ok" role="status" data-testid="org-registered">
        {t.done}
      </p>
    );
  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <p>
        <label htmlFor="legalName">{t.legalName}</label>
        <input id="legalName" name="legalName" type="text" maxLength={200} required autoComplete="organization" />
      </p>
      <p>
        <label htmlFor="registrationNumber">{t.registrationNumber}</label>
        <input id="registrationNumber" name="registrationNumber" type="text" maxLength={64} required />
      </p>
      <p>
        <label htmlFor="type">{t.type}</label>
        <select id="type" name="type" defaultValue="BANK">
          {VERIFIER_ORG_TYPES.map((type) => (
            <option key={type} value={type}>
              {t.types[type]}
            </option>
          ))}
        </select>
      </p>
      <fieldset className="stack">
        <legend>{t.purposes}</legend>
        {PURPOSES.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" name="purposes" value={p} /> {PURPOSE_RULES[p].label[locale]} · <span className="hint">{PURPOSE_RULES[p].shares[locale]}</span>
          </label>
        ))}
      </fieldset>
      <p>
        <label htmlFor="contactEmail">{t.contactEmail}</label>
        <input id="contactEmail" name="contactEmail" type="email" maxLength={254} required autoComplete="email" />
      </p>
      <fieldset className="stack">
        <legend>{t.branches}</legend>
        {branches.map((b, i) => (
          <div key={b.key} className="branch-row">
            <p>
              <label htmlFor={`branch-name-${b.key}`}>{t.branchName.replace("{n}", String(i + 1))}</label>
              <input id={`branch-name-${b.key}`} type="text" maxLength={120} value={b.name} onChange={(e) => setBranch(b.key, { name: e.target.value })} required />
            </p>
            <p>
              <label htmlFor={`branch-city-${b.key}`}>{t.branchCity.replace("{n}", String(i + 1))}</label>
              <input id={`branch-city-${b.key}`} type="text" maxLength={80} value={b.city} onChange={(e) => setBranch(b.key, { city: e.target.value })} required />
            </p>
            {branches.length > 1 && (
              <button className="button secondary" type="button" onClick={() => setBranches((list) => list.filter((x) => x.key !== b.key))}>
                {t.removeBranch}
              </button>
            )}
          </div>
        ))}
        {branches.length < MAX_BRANCHES && (
          <p>
            <button className="button secondary" type="button" onClick={() => setBranches((list) => [...list, { key: Math.max(...list.map((x) => x.key)) + 1, name: "", city: "" }])}>
              {t.addBranch}
            </button>
          </p>
        )}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {say(error, locale, t)}
        </p>
      )}
      <p>
        <button className="button" type="submit" disabled={!hydrated || busy}>
          {busy ? t.busy : t.submit}
        </button>
      </p>
    </form>
  );
}
