"use client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import { IDENTITY_FIELD_LABELS, type IdentityField, PURPOSE_RULES, type Purpose } from "@ktp/core/universal/identity/purposes";
import { verifyOffline } from "@ktp/core/universal/identity/verify-offline";
import { VERIFY_REASONS, type VerifyReason, type VerifyResult } from "@ktp/core/universal/verifier";
import type { StaffSessionView } from "@ktp/core/universal/verifier-staff";
import { post, request } from "@ktp/ui/api-client";
import { formText } from "@ktp/ui/form-text";
import { useHydrated } from "@ktp/ui/use-hydrated";
import type { VerifierMessages } from "@/messages";
import { loadPack, pendingResults, queueResult, refreshPack, syncResults } from "@/offline/offline-store";
import { type CameraScan, readQrFromFile, startCameraScan } from "@/qr-readers";

type T = VerifierMessages["scan"];
const READER_ID = "qr-reader";
const CHOICE_KEY = "ktp-verifier-desk";
/** While online, the offline pack is refreshed and queued results are sent this often. */
const REFRESH_MS = 60_000;
/** Queued results are tried again this often, whatever the browser says about the network. */
const RETRY_MS = 10_000;

/** A verdict as the page shows it: from the server, or made on this device offline. */
interface ShownResult {
  verdict: "valid" | "invalid" | "unknown";
  reason: VerifyReason | null;
  fields: VerifyResult["fields"];
  withheld: IdentityField[];
  receiptId: string | null;
  /** Set for a result made offline: when the status list it used was signed (null: none usable). */
  offline?: { statusAt: number | null };
}

/** The scan page: branch and purpose, the camera (or a picture, or pasted text), then the verdict. */
export function ScanDesk({ locale, t, session }: { locale: Locale; t: T; session: StaffSessionView }) {
  const hydrated = useHydrated();
  const [branch, setBranch] = useState(session.branches[0]?.name ?? "");
  const [purpose, setPurpose] = useState<Purpose>(session.org.purposes[0] ?? "age17");
  const [phase, setPhase] = useState<"idle" | "scanning" | "checking" | "done">("idle");
  const [secondReader, setSecondReader] = useState(false);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const scan = useRef<CameraScan | null>(null);
  const staffKey = session.staff.email;

  // While online: keep the offline pack fresh and send what was checked offline.
  useEffect(() => {
    const sync = async () => {
      if (!navigator.onLine) return;
      await refreshPack(locale);
      setPending(await syncResults(staffKey, locale));
    };
    const syncNow = () => void sync();
    const retryPending = async () => {
      if (pendingResults(staffKey).length > 0) setPending(await syncResults(staffKey, locale));
    };
    setPending(pendingResults(staffKey).length);
    syncNow();
    const timer = setInterval(syncNow, REFRESH_MS);
    const retry = setInterval(() => void retryPending(), RETRY_MS);
    addEventListener("online", syncNow);
    return () => {
      clearInterval(timer);
      clearInterval(retry);
      removeEventListener("online", syncNow);
    };
  }, [locale, staffKey]);

  // Installed, the page opens without a network (src/sw/sw.ts; built for production only).
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  }, []);

  // The desk's last branch and purpose, kept on this device.
  useEffect(() => {
    const saved = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? "{}") as { branch?: string; purpose?: Purpose };
    if (saved.branch && session.branches.some((b) => b.name === saved.branch)) setBranch(saved.branch);
    if (saved.purpose && session.org.purposes.includes(saved.purpose)) setPurpose(saved.purpose);
  }, [session]);
  useEffect(() => {
    if (hydrated) localStorage.setItem(CHOICE_KEY, JSON.stringify({ branch, purpose }));
  }, [hydrated, branch, purpose]);
  useEffect(() => () => void scan.current?.stop(), []);

  async function stopCamera() {
    const running = scan.current;
    scan.current = null;
    await running?.stop();
  }

  async function check(token: string) {
    setPhase("checking");
    setMessage(null);
    const request = { token: token.trim(), purpose, ...(branch ? { branch } : {}) };
    const answer = navigator.onLine ? await post<VerifyResult>("/api/pindai", locale, request).catch(() => null) : null;
    if (!answer) return checkOffline(request);
    if (!answer.ok) {
      if (answer.error.code === "STAFF_SIGNED_OUT") return location.assign("/masuk");
      setMessage(answer.error.messages[locale]);
      return setPhase("idle");
    }
    setResult(answer.data);
    setPhase("done");
    void syncResults(staffKey, locale).then(setPending);
  }

  /** No network: checked here with the kept keys and status list, and queued to be sent later. */
  async function checkOffline(request: { token: string; purpose: Purpose; branch?: string }) {
    const pack = loadPack();
    if (!pack) {
      setMessage(t.noPack);
      return setPhase("idle");
    }
    const at = Date.now();
    const local = await verifyOffline({ ...request, purposes: session.org.purposes, pack, maxStatusAgeMinutes: session.org.offlineStatusMaxMinutes, now: at });
    queueResult(staffKey, { ...request, id: crypto.randomUUID(), at });
    setPending(pendingResults(staffKey).length);
    setResult({ ...local, receiptId: null, offline: { statusAt: local.statusAt } });
    setPhase("done");
  }

  async function openCamera() {
    setMessage(null);
    setResult(null);
    setSecondReader(false);
    setPhase("scanning");
    try {
      scan.current = await startCameraScan(
        READER_ID,
        (text) => {
          scan.current = null;
          void check(text);
        },
        () => setSecondReader(true),
      );
    } catch (error) {
      await stopCamera();
      const name = (error as { name?: string }).name ?? String(error);
      setMessage(/NotAllowed|Permission/i.test(name) ? t.cameraDenied : t.cameraFailed);
      setPhase("idle");
    }
  }

  async function onUpload(file: File | undefined) {
    if (!file) return;
    await stopCamera();
    setResult(null);
    const text = await readQrFromFile(file).catch(() => null);
    if (text) await check(text);
    else {
      setMessage(t.unreadable);
      setPhase("idle");
    }
  }

  async function onPaste(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = formText(event.currentTarget, "token");
    if (!text.trim()) return;
    await stopCamera();
    setResult(null);
    await check(text);
  }

  async function signOut() {
    await request("DELETE", "/api/sesi", locale).catch(() => null);
    // The kept pages show who was signed in.
    await globalThis.caches?.delete("pages").catch(() => false);
    location.assign("/masuk");
  }

  const busy = !hydrated || phase === "checking";
  return (
    <section className="stack scan-desk">
      <header className="desk-header">
        <h1>{t.title}</h1>
        <p className="hint">{t.signedInAs.replace("{name}", session.staff.nama).replace("{org}", session.org.legalName)}</p>
        <button className="button secondary" type="button" onClick={signOut}>
          {t.signOut}
        </button>
      </header>
      <div className="desk-choices">
        <p>
          <label htmlFor="branch">{t.branch}</label>
          <select id="branch" value={branch} onChange={(e) => setBranch(e.target.value)}>
            {session.branches.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name} · {b.city}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="purpose">{t.purpose}</label>
          <select id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
            {session.org.purposes.map((p) => (
              <option key={p} value={p}>
                {PURPOSE_RULES[p].label[locale]}
              </option>
            ))}
          </select>
        </p>
      </div>

      {result && <Verdict result={result} locale={locale} t={t} />}

      <div id={READER_ID} className="scanner" hidden={phase !== "scanning"} />
      {phase === "scanning" && (
        <p className="hint" aria-live="polite">
          {secondReader ? t.secondReader : t.scanning}
        </p>
      )}
      <p className="actions">
        {phase === "scanning" ? (
          <button className="button secondary" type="button" onClick={() => void stopCamera().then(() => setPhase("idle"))}>
            {t.stop}
          </button>
        ) : (
          <button className="button" type="button" onClick={openCamera} disabled={busy}>
            {phase === "checking" ? t.checking : result ? t.next : t.scan}
          </button>
        )}
        <label className="button secondary file-button">
          {t.upload}
          <input type="file" accept="image/*" hidden disabled={busy} onChange={(e) => void onUpload(e.target.files?.[0]).finally(() => (e.target.value = ""))} />
        </label>
      </p>
      <form className="stack" onSubmit={onPaste} noValidate>
        <p>
          <label htmlFor="token">{t.paste}</label>
          <textarea id="token" name="token" rows={2} maxLength={2048} spellCheck={false} autoComplete="off" />
        </p>
        <p>
          <button className="button secondary" type="submit" disabled={busy}>
            {t.check}
          </button>
        </p>
      </form>
      <p role="status" aria-live="polite" className={message ? "field-error" : undefined} data-testid="scan-message">
        {message ?? ""}
      </p>
      <p className="hint" data-testid="offline-queue" data-pending={pending}>
        {pending > 0 ? t.pending.replace("{n}", String(pending)) : ""}
      </p>
    </section>
  );
}

function Verdict({ result, locale, t }: { result: ShownResult; locale: Locale; t: T }) {
  const photo = usePhotoUrl(typeof result.fields.photo === "string" ? result.fields.photo : null);
  const valid = result.verdict === "valid";
  const shown = (Object.entries(result.fields) as [IdentityField, string | boolean][]).filter(([field]) => field !== "photo");
  const word = { valid: t.valid, invalid: t.invalid, unknown: t.unknown }[result.verdict];
  const lead = valid ? (result.offline ? t.validLeadOffline : t.validLead) : result.reason ? VERIFY_REASONS[result.reason][locale] : "";
  return (
    <article
      className={`verdict ${{ valid: "ok", invalid: "bad", unknown: "unsure" }[result.verdict]}`}
      data-testid="verdict"
      data-verdict={result.verdict}
      data-reason={result.reason ?? undefined}
      data-offline={result.offline ? "true" : undefined}
      aria-live="assertive"
    >
      <p className="verdict-word">{word}</p>
      <p>{lead}</p>
      {result.offline && (
        <p className="offline-note" data-testid="offline-note">
          {offlineNote(result.offline.statusAt, locale, t)}
        </p>
      )}
      {valid && (
        <div className="verdict-body">
          {photo ? <img src={photo} alt={t.photo} className="verdict-photo" /> : result.offline && <p className="verdict-photo no-photo">{t.photoOnline}</p>}
          <dl className="fields">
            {shown.map(([field, value]) => (
              <div key={field}>
                <dt>{IDENTITY_FIELD_LABELS[field][locale]}</dt>
                <dd data-field={field}>{typeof value === "boolean" ? (value ? t.yes : t.no) : asOnTheCard(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {result.withheld.length > 0 && <p className="hint">{t.withheld.replace("{fields}", result.withheld.map((f) => IDENTITY_FIELD_LABELS[f][locale]).join(", "))}</p>}
      {result.receiptId && (
        <>
          <p className="hint" data-testid="receipt-id">
            {t.receipt.replace("{id}", result.receiptId)}
          </p>
          <p className="receipt-links">
            <a className="button secondary" href={`/api/bukti/${result.receiptId}/pdf`} download>
              {t.receiptPdf}
            </a>
            <a className="button secondary" href={`/api/bukti/${result.receiptId}`} download>
              {t.receiptJson}
            </a>
          </p>
        </>
      )}
    </article>
  );
}

/** "Offline · status as of 14:05 (12 minutes ago)", on every offline result. */
function offlineNote(statusAt: number | null, locale: Locale, t: T) {
  if (statusAt === null) return t.offlineNoStatus;
  const time = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeStyle: "short", dateStyle: "short", timeZone: "Asia/Jakarta" }).format(statusAt);
  return t.offlineNote.replace("{time}", time).replace("{n}", String(Math.max(0, Math.floor((Date.now() - statusAt) / 60_000))));
}

/** Dates as the e-KTP prints them (17-08-1985); the token carries ISO dates. */
function asOnTheCard(value: string) {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return date ? `${date[3]}-${date[2]}-${date[1]}` : value;
}

/** The photo arrives as a data: URL; the page's CSP shows images from blob: URLs only. */
function usePhotoUrl(dataUrl: string | null) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const match = dataUrl ? /^data:([\w/+.-]+);base64,(.*)$/.exec(dataUrl) : null;
    if (!match) return setUrl(null);
    const bytes = Uint8Array.from(atob(match[2]!), (c) => c.charCodeAt(0));
    const objectUrl = URL.createObjectURL(new Blob([bytes], { type: match[1] }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [dataUrl]);
  return url;
}
