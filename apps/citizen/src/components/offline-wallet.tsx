"use client";
import { useEffect, useState } from "react";
import type { Locale } from "@ktp/core/universal/errors";
import type { WalletSnapshot } from "@ktp/core/universal/offline-wallet";
import { fromBase64url } from "@ktp/core/universal/webauthn-offline";
import { messages } from "@/messages";
import { checkOfflineBinding, keptSnapshot, serverReachable, unlockOfflineWallet } from "@/offline/offline-wallet";
import { wipeOfflineWallet } from "@/offline/wallet-store";
import { IdentityQr } from "./identity-qr.tsx";
import { BiodataView, DocumentsView, documentsReadAt, FamilyCardView, KtpCardView } from "./wallet-views.tsx";

type View = "card" | "family" | "documents" | "biodata";
const VIEW_OF_PATH: Record<string, View> = { "/keluarga": "family", "/dokumen": "documents", "/biodata": "biodata" };
type State = { kind: "loading" | "none" | "wiped" | "signed-out" } | { kind: "locked"; snapshot: WalletSnapshot; message?: string; busy?: boolean } | { kind: "open"; snapshot: WalletSnapshot };

/**
 * The offline wallet (issue 13, item 6): the service worker serves this page in place of any wallet
 * page that cannot load. It shows nothing until the citizen's passkey answers; then the card with a
 * kept QR, the KK, the documents and the biodata from the decrypted snapshot, always saying whether
 * the phone is offline and how old the data is. Hidden, it locks again.
 */
export function OfflineWallet({ locale }: { locale: Locale }) {
  const m = messages[locale];
  const t = m.offline;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [view, setView] = useState<View>("card");
  // The shell is normally served because the network failed; a probe of the server says for sure.
  const [online, setOnline] = useState(false);

  useEffect(() => {
    setView(VIEW_OF_PATH[location.pathname] ?? "card");
    let cancelled = false;
    const kept = keptSnapshot();
    void kept.then((snapshot) => !cancelled && setState(snapshot ? { kind: "locked", snapshot } : { kind: "none" }));
    // The next contact (not waited for: the lock screen shows at once): an officer's reset or a lock since the snapshot wipes it now.
    void serverReachable().then(async (reachable) => {
      if (cancelled) return;
      setOnline(reachable);
      const snapshot = await kept;
      if (reachable && snapshot && (await checkOfflineBinding(locale, snapshot)) === "wiped" && !cancelled) setState({ kind: "wiped" });
    });
    const onOnline = () => void serverReachable().then((reachable) => !cancelled && setOnline(reachable));
    const onOffline = () => setOnline(false);
    // Put away, the wallet locks: the next look needs the passkey again.
    const onHide = () => document.visibilityState === "hidden" && setState((s) => (s.kind === "open" ? { kind: "locked", snapshot: s.snapshot } : s));
    addEventListener("online", onOnline);
    addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      cancelled = true;
      removeEventListener("online", onOnline);
      removeEventListener("offline", onOffline);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [locale]);

  // The offline-open benchmark (scripts/bench/offline-wallet.ts) reads this mark: the card is on screen.
  useEffect(() => {
    if (state.kind === "open") performance.mark("ktp:wallet-open");
  }, [state.kind]);

  async function unlock(snapshot: WalletSnapshot) {
    setState({ kind: "locked", snapshot, busy: true });
    const result = await unlockOfflineWallet(snapshot);
    if (result.ok) return setState({ kind: "open", snapshot: result.snapshot });
    setState({ kind: "locked", snapshot, message: result.reason === "refused" ? t.refused : t.cancelled });
  }

  async function signOut() {
    await fetch("/api/session", { method: "DELETE" }).catch(() => null);
    await wipeOfflineWallet();
    setState({ kind: "signed-out" });
  }

  if (state.kind === "loading") return <p aria-live="polite">{t.loading}</p>;
  if (state.kind !== "locked" && state.kind !== "open") {
    return (
      <section>
        <h1>{t.title}</h1>
        <p role="status" data-testid="offline-empty">
          {state.kind === "wiped" ? t.wiped : state.kind === "signed-out" ? t.signedOut : t.none}
        </p>
        <p>
          <a className="button" href="/masuk">
            {t.signIn}
          </a>
        </p>
      </section>
    );
  }

  const { snapshot } = state;
  const status = <DataAge snapshot={snapshot} online={online} locale={locale} />;
  if (state.kind === "locked") {
    return (
      <section className="stack" data-testid="offline-lock">
        <h1>{t.title}</h1>
        {status}
        <p className="lead">{t.lead}</p>
        <p>
          <button className="button" type="button" disabled={state.busy} onClick={() => void unlock(snapshot)}>
            {state.busy ? t.unlocking : t.unlock}
          </button>
        </p>
        <p role="status" aria-live="polite" className={state.message ? "field-error" : undefined} data-testid="offline-message">
          {state.message ?? ""}
        </p>
      </section>
    );
  }

  return (
    <section data-testid="offline-wallet">
      <h1>{t.views[view]}</h1>
      {status}
      <nav className="wallet-links" aria-label={t.title}>
        {(["card", "family", "documents", "biodata"] as const).map((v) => (
          <button key={v} type="button" className="link" aria-current={v === view ? "page" : undefined} onClick={() => setView(v)}>
            {t.views[v]}
          </button>
        ))}
      </nav>
      {view === "card" && (
        <>
          <KtpCardView card={snapshot.card} photo={<OfflinePhoto snapshot={snapshot} alt={m.card.photo} />} t={m.card} />
          <IdentityQr locale={locale} t={m.card.qr} offline />
        </>
      )}
      {view === "family" && (snapshot.family ? <FamilyCardView card={snapshot.family} locale={locale} t={m.family} /> : <p>{m.documents.none}</p>)}
      {view === "documents" &&
        (snapshot.documents ? (
          <>
            <p className="hint">{m.documents.readAt.replace("{time}", documentsReadAt(snapshot.documents, locale))}</p>
            <DocumentsView documents={snapshot.documents} locale={locale} t={m.documents} />
          </>
        ) : (
          <p>{m.documents.none}</p>
        ))}
      {view === "biodata" && (snapshot.biodata ? <BiodataView biodata={snapshot.biodata} locale={locale} t={m.biodata} /> : <p>{m.biodata.none}</p>)}
      <p className="hint">{m.card.note}</p>
      {online && (
        <p>
          <a href="/kartu">{t.openOnline}</a>
        </p>
      )}
      <p>
        <button className="button secondary" type="button" onClick={() => setState({ kind: "locked", snapshot })}>
          {t.lock}
        </button>{" "}
        <button className="button secondary" type="button" onClick={() => void signOut()}>
          {t.signOut}
        </button>
      </p>
    </section>
  );
}

/** "Offline · diperbarui 3 Des 17.20 (12 menit yang lalu)": always on screen. */
function DataAge({ snapshot, online, locale }: { snapshot: WalletSnapshot; online: boolean; locale: Locale }) {
  const t = messages[locale].offline;
  const tag = locale === "id" ? "id-ID" : "en-GB";
  // The clock is read in an effect (render stays pure) and every 30 s, so the age keeps up.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const taken = new Date(snapshot.takenAt);
  const time = taken.toLocaleString(tag, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const minutes = Math.round((taken.getTime() - (now ?? taken.getTime())) / 60_000);
  const age = new Intl.RelativeTimeFormat(tag, { numeric: "auto" }).format(Math.abs(minutes) < 60 ? minutes : Math.round(minutes / 60), Math.abs(minutes) < 60 ? "minute" : "hour");
  return (
    <p className="offline-status" role="status" data-testid="offline-status" data-online={online}>
      <strong>{(online ? t.onlineStatus : t.offlineStatus).replace("{time}", time).replace("{age}", age)}</strong>
    </p>
  );
}

/** The e-KTP photo from the snapshot, as a blob: URL (the CSP allows blob: images, not data:). */
function OfflinePhoto({ snapshot, alt }: { snapshot: WalletSnapshot; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!snapshot.photo) return;
    const url = URL.createObjectURL(new Blob([fromBase64url(snapshot.photo.base64.replaceAll("+", "-").replaceAll("/", "_"))], { type: snapshot.photo.mime }));
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [snapshot]);
  return src ? <img src={src} alt={alt} data-testid="offline-photo" /> : null;
}
