"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Applicant } from "@ktp/core/universal/counter";
import { QR_ROTATE_SECONDS, REFUSAL_TEXT } from "@ktp/core/universal/counter";
import { REFUSAL_REASONS, type RefusalReason } from "@ktp/core/universal/registration";
import type { ApiResult } from "@ktp/ui/api-client";
import { get, post, request } from "@ktp/ui/api-client";
import { fromError, say, type Shown } from "@ktp/ui/shown-message";
import type { Locale } from "@ktp/core/universal/errors";
import { KTP_CARD_FIELDS } from "@ktp/core/universal/ktp-card";
import type { OfficerMessages } from "@/messages";

type T = OfficerMessages["console"];
type Notice = "refused" | "approved" | "approvedNoMail";
type Json<V> = { [K in keyof V]: V[K] extends Date ? string : V[K] };
const POLL_MS = 2000;

/** The counter screen: the rotating activation QR on one side, the applicants and the decision on the other. */
export function CounterConsole({ locale, t, officer, counter, admin }: { locale: Locale; t: T; officer: string; counter: string; admin: boolean }) {
  const router = useRouter();
  const [qr, setQr] = useState<{ qr: string; svg: string } | null>(null);
  const [renewIn, setRenewIn] = useState(QR_ROTATE_SECONDS);
  const [applicants, setApplicants] = useState<Json<Applicant>[]>([]);
  // Keys and codes, not sentences, so the ID/EN switch re-renders them.
  const [notice, setNotice] = useState<Notice | null>(null);
  const seen = useRef(0);

  const signedOut = useCallback(
    <V,>(result: ApiResult<V>) => {
      if (!result.ok && result.error.code === "OFFICER_SIGNED_OUT") router.push("/masuk");
      return result;
    },
    [router],
  );

  const renewQr = useCallback(async () => {
    // A network failure keeps the current code; the next tick tries again.
    const result = await post<{ qr: string; svg: string }>("/api/counter/qr", locale).catch(() => null);
    if (result && signedOut(result).ok && result.ok) {
      setQr(result.data);
      setRenewIn(QR_ROTATE_SECONDS);
    }
  }, [locale, signedOut]);

  useEffect(() => {
    void renewQr();
    const tick = setInterval(() => setRenewIn((s) => s - 1), 1000);
    return () => clearInterval(tick);
  }, [renewQr]);

  useEffect(() => {
    if (renewIn <= 0) void renewQr();
  }, [renewIn, renewQr]);

  useEffect(() => {
    let stopped = false;
    async function poll() {
      const result = await get<Json<Applicant>[]>("/api/counter/applicants", locale).catch(() => null);
      if (stopped || !result) return;
      signedOut(result);
      if (!result.ok) return;
      // Someone scanned: that code is used up, so show a new one straight away.
      if (result.data.length > seen.current) void renewQr();
      seen.current = result.data.length;
      setApplicants(result.data);
    }
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [locale, renewQr, signedOut]);

  async function signOut() {
    await request("DELETE", "/api/session", locale).catch(() => null);
    router.push("/masuk");
  }

  const current = applicants[0];
  return (
    <>
      <p className="console-bar">
        <span data-testid="officer">{t.signedInAs.replace("{name}", officer).replace("{counter}", counter)}</span>
        <span>
          <Link href="/penduduk">{t.residents}</Link>
          {" · "}
          {admin && (
            <>
              <Link href="/pengguna-data">{t.verifiers}</Link>
              {" · "}
              <Link href="/laporan">{t.reports}</Link>
              {" · "}
            </>
          )}
          <button type="button" className="link" onClick={signOut}>
            {t.signOut}
          </button>
        </span>
      </p>
      <div className="console">
        <section className="card qr-panel">
          <h2>{t.qrTitle}</h2>
          {qr ? <div className="qr" data-testid="activation-qr" data-qr={qr.qr} role="img" aria-label={t.qrTitle} dangerouslySetInnerHTML={{ __html: qr.svg }} /> : <p>{t.qrLoading}</p>}
          <p className="hint">{t.qrHint}</p>
          <p className="hint" aria-live="off">
            {t.qrRenews.replace("{s}", String(Math.max(0, renewIn)))}
          </p>
        </section>
        <section className="card">
          <h2>{t.queueTitle}</h2>
          {notice && (
            <p className="result ok" role="status" data-testid="decision-notice">
              {t[notice]}
            </p>
          )}
          {current ? (
            <ApplicantView
              key={current.id}
              applicant={current}
              locale={locale}
              t={t}
              onDecided={(decided) => {
                setNotice(decided);
                setApplicants((list) => list.filter((a) => a.id !== current.id));
                seen.current = Math.max(0, seen.current - 1);
              }}
              signedOut={signedOut}
            />
          ) : (
            <p className="hint">{t.queueEmpty}</p>
          )}
          {applicants.length > 1 && (
            <ol className="queue">
              {applicants.slice(1).map((a) => (
                <li key={a.id}>{a.card.nama}</li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}

function ApplicantView({
  applicant,
  locale,
  t,
  onDecided,
  signedOut,
}: {
  applicant: Json<Applicant>;
  locale: Locale;
  t: T;
  onDecided: (notice: Notice) => void;
  signedOut: <V>(result: ApiResult<V>) => ApiResult<V>;
}) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState<RefusalReason>("FACE_MISMATCH");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Shown<"failed"> | null>(null);
  const base = `/api/counter/applicants/${applicant.id}`;

  async function decide(body: unknown) {
    setBusy(true);
    setError(null);
    try {
      const result = signedOut(await post<{ decision: string; emailSent: boolean }>(`${base}/decision`, locale, body));
      if (!result.ok) return setError(fromError(result.error));
      onDecided(result.data.decision === "REFUSED" ? "refused" : result.data.emailSent ? "approved" : "approvedNoMail");
    } catch {
      setError({ key: "failed" });
    } finally {
      setBusy(false);
    }
  }

  const score = applicant.matchScore;
  return (
    <article data-testid="applicant">
      <div className="photo-pair">
        <figure>
          {applicant.hasSelfie ? <img src={`${base}/photo/selfie`} alt={t.selfie} /> : <div className="no-photo">{t.noSelfie}</div>}
          <figcaption>{t.selfie}</figcaption>
        </figure>
        <figure>
          <img src={`${base}/photo/ektp`} alt={t.ektp} />
          <figcaption>{t.ektp}</figcaption>
        </figure>
      </div>
      <p className={`result ${applicant.matchDecision === "match" ? "ok" : "bad"}`} data-testid="match-score">
        {score === null || !applicant.matchDecision ? t.noScore : t.score.replace("{score}", score.toFixed(2)).replace("{band}", t.bands[applicant.matchDecision])}
      </p>
      {applicant.passkeySynced.eligible && <p className="field-error">{t.synced}</p>}
      <dl className="ktp-fields">
        {KTP_CARD_FIELDS.map(([field, label]) => (
          <div key={field}>
            <dt>{label}</dt>
            <dd>{applicant.card[field]}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t.contact.replace("{email}", applicant.email).replace("{phone}", applicant.phone)}</p>
      {error && (
        <p className="field-error" role="alert">
          {say(error, locale, t)}
        </p>
      )}
      {refusing ? (
        <div className="stack">
          <p>
            <label htmlFor="reason">{t.reason}</label>
            <select id="reason" value={reason} onChange={(e) => setReason(e.target.value as RefusalReason)}>
              {REFUSAL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REFUSAL_TEXT[r][locale]}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="note">{t.note}</label>
            <textarea id="note" value={note} maxLength={400} onChange={(e) => setNote(e.target.value)} />
          </p>
          <p className="actions">
            <button className="button danger" type="button" disabled={busy} onClick={() => decide({ decision: "REFUSED", reason, ...(note.trim() ? { note } : {}) })}>
              {t.confirmRefuse}
            </button>
            <button className="button secondary" type="button" disabled={busy} onClick={() => setRefusing(false)}>
              {t.cancel}
            </button>
          </p>
        </div>
      ) : (
        <p className="actions">
          <button className="button" type="button" disabled={busy} onClick={() => decide({ decision: "APPROVED" })}>
            {t.approve}
          </button>
          <button className="button secondary" type="button" disabled={busy} onClick={() => setRefusing(true)}>
            {t.refuse}
          </button>
        </p>
      )}
    </article>
  );
}
