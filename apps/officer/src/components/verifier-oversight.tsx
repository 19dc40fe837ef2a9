"use client";
import { type FormEvent, useState } from "react";
import type { VerifierOrgView } from "@ktp/core/universal/verifier";
import type { Locale } from "@ktp/core/universal/errors";
import { PURPOSE_RULES, type Purpose } from "@ktp/core/universal/identity/purposes";
import { type ApiResult, post, request } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { OfficerMessages } from "@/messages";
import type { Json } from "./json.ts";
import { useAdminList } from "./use-admin-list.ts";

type T = OfficerMessages["oversight"];
type Org = Json<VerifierOrgView>;
/** What only this answer shows: a new API key, or a new staff account's first password. */
type Secret = { orgId: string; shown: Shown<"keyCreated" | "staffCreated" | "passwordReset">; value: string };
type Done = "approved" | "refused" | "suspended" | "done" | "noMail";

/** The admin's list of organisations: decide, then hand over keys and staff accounts. */
export function VerifierOversight({ locale, t }: { locale: Locale; t: T }) {
  const { items: orgs, message, setMessage, load } = useAdminList<Org, Done>("/api/verifiers", locale);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one action; on success reloads the list and says `done` beside the organisation. */
  async function run<V>(orgId: string, call: () => Promise<ApiResult<V>>, done: Done, onData?: (data: V) => void, form?: HTMLFormElement) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call().catch(() => null);
      if (!result) return setMessage({ ok: false, shown: [{ key: "failed" }], itemId: orgId });
      if (!result.ok) return setMessage({ ok: false, shown: [fromError(result.error)], itemId: orgId });
      onData?.(result.data);
      form?.reset();
      // A decision stands even when its e-mail did not go out: the admin tells the organisation.
      const mailed = (result.data as { emailSent?: boolean } | null)?.emailSent;
      setMessage({ ok: mailed !== false, shown: mailed === false ? [{ key: done }, { key: "noMail" }] : [{ key: done }], itemId: orgId });
      await load();
    } finally {
      setBusy(false);
    }
  }

  const text = message ? message.shown.map((m) => say(m, locale, t)).join(" ") : null;
  if (!orgs) return <p role="status">{text ?? t.loading}</p>;
  if (orgs.length === 0) return <p>{t.empty}</p>;
  const date = (value: string) => new Date(value).toLocaleString(locale === "id" ? "id-ID" : "en-GB");
  const purposeNames = (list: string[]) => list.map((p) => PURPOSE_RULES[p as Purpose]?.label[locale] ?? p).join(", ");

  return (
    <>
      {orgs.map((org) => {
        const base = `/api/verifiers/${org.id}`;
        const form = (event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          return new FormData(event.currentTarget);
        };
        const decide = (decision: "APPROVE" | "REFUSE" | "SUSPEND") => (event: FormEvent<HTMLFormElement>) => {
          const data = form(event);
          const body = decision === "APPROVE" ? { decision, purposes: data.getAll("purposes") } : { decision, reason: formText(data, "reason") };
          return run(org.id, () => post(`${base}/decision`, locale, body), decision === "APPROVE" ? "approved" : decision === "REFUSE" ? "refused" : "suspended");
        };
        const createKey = (event: FormEvent<HTMLFormElement>) => {
          const data = form(event);
          return run(
            org.id,
            () => post<{ key: string }>(`${base}/api-keys`, locale, { label: formText(data, "label"), purposes: data.getAll("purposes") }),
            "done",
            ({ key }) => setSecret({ orgId: org.id, shown: { key: "keyCreated" }, value: key }),
            event.currentTarget,
          );
        };
        const createStaff = (event: FormEvent<HTMLFormElement>) => {
          const data = form(event);
          return run(
            org.id,
            () => post<{ email: string; password: string }>(`${base}/staff`, locale, { email: formText(data, "email"), nama: formText(data, "nama") }),
            "done",
            ({ email, password }) => setSecret({ orgId: org.id, shown: { key: "staffCreated", params: { email } }, value: password }),
            event.currentTarget,
          );
        };
        const purposeBoxes = (name: string, list: string[]) => (
          <fieldset>
            <legend>{t.purposes}</legend>
            {list.map((p) => (
              <label key={p} className="check">
                <input type="checkbox" name={name} value={p} defaultChecked /> {PURPOSE_RULES[p as Purpose]?.label[locale] ?? p}
              </label>
            ))}
            <p className="hint">{t.purposesHint}</p>
          </fieldset>
        );
        const reasonForm = (decision: "REFUSE" | "SUSPEND", label: string) => (
          <form onSubmit={decide(decision)} className="stack">
            <p>
              <label htmlFor={`reason-${decision}-${org.id}`}>{t.reason}</label>
              <textarea id={`reason-${decision}-${org.id}`} name="reason" rows={2} maxLength={500} required minLength={3} />
            </p>
            <p>
              <button className="button secondary" type="submit" disabled={busy}>
                {label}
              </button>
            </p>
          </form>
        );
        return (
          <article key={org.id} className="result" data-testid="verifier-org" data-status={org.status} aria-labelledby={`org-${org.id}`}>
            <h2 id={`org-${org.id}`}>{org.legalName}</h2>
            <p>
              <strong data-testid="org-status">{t.statuses[org.status]}</strong>
              {org.decisionReason ? ` · ${t.decidedReason.replace("{reason}", org.decisionReason)}` : ""}
            </p>
            <p>{t.registration.replace("{number}", org.registrationNumber).replace("{type}", t.types[org.type]).replace("{email}", org.contactEmail)}</p>
            <p className="hint">
              {t.registered.replace("{date}", date(org.createdAt))} · {t.counts.replace("{verifications}", String(org.verifications)).replace("{reports}", String(org.openReports))}
            </p>
            <p>
              {t.purposes}: {purposeNames(org.purposes)}
            </p>
            <p>
              {t.branches}: {org.branches.map((b) => `${b.name} (${b.city})`).join(", ")}
            </p>
            {message?.itemId === org.id && (
              <p className={`result ${message.ok ? "ok" : "bad"}`} role="status">
                {text}
              </p>
            )}
            {secret?.orgId === org.id && (
              <p className="result ok" role="status">
                {say(secret.shown, locale, t)} <code data-testid="shown-once">{secret.value}</code>
              </p>
            )}

            {org.status === "PENDING" && (
              <>
                <form onSubmit={decide("APPROVE")} className="stack">
                  {purposeBoxes("purposes", org.purposes)}
                  <p>
                    <button className="button" type="submit" disabled={busy}>
                      {t.approve}
                    </button>
                  </p>
                </form>
                {reasonForm("REFUSE", t.refuse)}
              </>
            )}

            {org.status === "APPROVED" && (
              <>
                <section aria-label={t.keysTitle}>
                  <h3>{t.keysTitle}</h3>
                  {org.apiKeys.length === 0 && <p className="hint">{t.noKeys}</p>}
                  <ul>
                    {org.apiKeys.map((k) => (
                      <li key={k.prefix} data-testid="api-key">
                        {t.keyLine.replace("{prefix}", k.prefix).replace("{label}", k.label).replace("{purposes}", purposeNames(k.purposes)).replace("{date}", date(k.createdAt))}
                        {k.revokedAt ? (
                          ` · ${t.keyRevoked.replace("{date}", date(k.revokedAt))}`
                        ) : (
                          <>
                            {" "}
                            <button
                              type="button"
                              className="link"
                              disabled={busy}
                              onClick={() => window.confirm(t.confirmRevoke) && run(org.id, () => request("DELETE", `${base}/api-keys/${k.prefix}`, locale), "done")}
                            >
                              {t.revoke}
                            </button>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                  <form onSubmit={createKey} className="stack">
                    <p>
                      <label htmlFor={`label-${org.id}`}>{t.keyLabel}</label>
                      <input id={`label-${org.id}`} name="label" type="text" maxLength={80} required minLength={2} />
                    </p>
                    {purposeBoxes("purposes", org.purposes)}
                    <p>
                      <button className="button secondary" type="submit" disabled={busy}>
                        {t.createKey}
                      </button>
                    </p>
                  </form>
                </section>
                <section aria-label={t.staffTitle}>
                  <h3>{t.staffTitle}</h3>
                  {org.staff.length === 0 && <p className="hint">{t.noStaff}</p>}
                  <ul>
                    {org.staff.map((s) => (
                      <li key={s.id} data-testid="staff">
                        {t.staffLine.replace("{nama}", s.nama).replace("{email}", s.email)} · {s.disabledAt ? t.disabled : s.passkeyEnrolled ? t.passkeyYes : t.passkeyNo}
                        {!s.disabledAt &&
                          (["RESET_PASSKEYS", "DISABLE"] as const).map((action) => (
                            <span key={action}>
                              {" "}
                              <button
                                type="button"
                                className="link"
                                disabled={busy}
                                onClick={() =>
                                  window.confirm(action === "DISABLE" ? t.confirmStaff : t.confirmReset) &&
                                  run(
                                    org.id,
                                    () => post<{ password: string } | null>(`${base}/staff/${s.id}`, locale, { action }),
                                    "done",
                                    (data) => data?.password && setSecret({ orgId: org.id, shown: { key: "passwordReset", params: { email: s.email } }, value: data.password }),
                                  )
                                }
                              >
                                {action === "DISABLE" ? t.disable : t.resetPasskeys}
                              </button>
                            </span>
                          ))}
                      </li>
                    ))}
                  </ul>
                  <form onSubmit={createStaff} className="stack">
                    <p>
                      <label htmlFor={`email-${org.id}`}>{t.staffEmail}</label>
                      <input id={`email-${org.id}`} name="email" type="email" maxLength={254} required autoComplete="off" />
                    </p>
                    <p>
                      <label htmlFor={`nama-${org.id}`}>{t.staffName}</label>
                      <input id={`nama-${org.id}`} name="nama" type="text" maxLength={100} required minLength={2} autoComplete="off" />
                    </p>
                    <p>
                      <button className="button secondary" type="submit" disabled={busy}>
                        {t.createStaff}
                      </button>
                    </p>
                  </form>
                </section>
                {reasonForm("SUSPEND", t.suspend)}
              </>
            )}
          </article>
        );
      })}
    </>
  );
}
