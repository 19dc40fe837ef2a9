"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type QRCode from "qrcode";
import type { Locale } from "@ktp/core/universal/errors";
import { type Purpose, PURPOSE_RULES, PURPOSES } from "@ktp/core/universal/identity/purposes";
import { get } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";
import { type IssuedToken, loadBatch, offlineToken, refreshBatch, registerCardWorker } from "@/offline/offline-card";
import { syncOfflineWallet } from "@/offline/offline-wallet";

type T = CitizenMessages["card"]["qr"];
/** A new QR is fetched this long before the shown one expires, so the verifier never scans a stale one. */
const RENEW_BEFORE_MS = 20_000;

/**
 * The QR encoder and its read-back, loaded with the first QR: they are not needed to paint the
 * card, and kept out of its first-load JavaScript (issue 13 item 9: ≤ 150 KB gzipped).
 */
type Drawing = { QRCode: typeof QRCode } & typeof import("@ktp/core/universal/qr-readback");
let drawing: Promise<Drawing> | undefined;
/** Set once loaded: renew() awaits it before it shows a QR, so the layout effect draws synchronously. */
let drawn: Drawing | undefined;
const loadDrawing = () =>
  (drawing ??= Promise.all([import("qrcode"), import("@ktp/core/universal/qr-readback")]).then(
    ([qrcode, readback]) => (drawn = { QRCode: qrcode.default, ...readback }),
    (error: unknown) => {
      drawing = undefined; // offline before it loaded: the next try loads it again
      throw error;
    },
  ));

/** The QR's box (styles.css: `.identity-qr .qr`, 20rem wide with 0.5rem padding). */
const QR_BOX_CSS_PX = 320;
const QR_PADDING_CSS_PX = 16;

/**
 * The card's identity QR: the citizen picks a purpose; the QR renews itself before it expires.
 * `offline`: in the offline wallet (/luring), only the kept batch is used and nothing is synced.
 */
export function IdentityQr({ locale, t, offline = false }: { locale: Locale; t: T; offline?: boolean }) {
  const [purpose, setPurpose] = useState<Purpose>("age17");
  const [shown, setShown] = useState<{ qr: string; maskPattern: QRCode.QRCodeMaskPattern; scale: number; cssSize: number; expiresAt: Date; purpose: Purpose; offlineSince: Date | null } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const box = useRef<HTMLElement>(null);
  // The purpose chosen now: a renewal for one chosen before (still reading back) is dropped.
  const wanted = useRef(purpose);
  useLayoutEffect(() => {
    wanted.current = purpose;
  }, [purpose]);

  const renew = useCallback(
    async (chosen: Purpose) => {
      setFailed(null);
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          // Online, a fresh token (valid two minutes); without a network, the kept one for this
          // five-minute window (offline-card.ts), if the purpose works offline.
          const result = offline ? ("offline" as const) : await get<IssuedToken>(`/api/kartu/qr?purpose=${chosen}`, locale).catch(() => "offline" as const);
          if (wanted.current !== chosen) return;
          let token: IssuedToken;
          let offlineSince: Date | null = null;
          if (result === "offline") {
            const batch = await loadBatch();
            const kept = PURPOSE_RULES[chosen].offline ? offlineToken(batch, chosen) : null;
            if (!kept) {
              setShown(null);
              return setFailed(PURPOSE_RULES[chosen].offline ? t.offlineNone : t.offlineOnlineOnly);
            }
            token = kept;
            offlineSince = new Date(batch!.issuedAt);
          } else if (!result.ok) {
            if (result.error.code === "NOT_SIGNED_IN") location.assign("/masuk");
            // Locked, rate-limited…: the server's own sentence says why.
            setShown(null);
            return setFailed(result.error.messages[locale]);
          } else {
            token = result.data;
          }
          // Each module on whole screen pixels (blurred edges defeat zxing-js on some codes), and shown
          // only once the verifier's reader reads it back at that size: a mask that reads, or a new token.
          const dpr = window.devicePixelRatio || 1;
          const available = Math.floor((Math.min(box.current?.clientWidth ?? QR_BOX_CSS_PX, QR_BOX_CSS_PX) - QR_PADDING_CSS_PX) * dpr);
          const { QRCode, crispQrPixels, loadZxing, readableMaskYielding } = await loadDrawing();
          const modules = QRCode.create(token.qr, { errorCorrectionLevel: "M" }).modules.size;
          const pixels = crispQrPixels(modules, available);
          const maskPattern = await readableMaskYielding(await loadZxing(), token.qr, pixels / (modules + 8));
          if (wanted.current !== chosen) return;
          if (maskPattern === null) {
            // A kept token is the only one for its window: the next window brings another.
            if (offlineSince) break;
            continue;
          }
          return setShown({ qr: token.qr, maskPattern, scale: pixels / (modules + 8), cssSize: pixels / dpr, expiresAt: new Date(token.expiresAt), purpose: chosen, offlineSince });
        }
        throw new Error("no readable QR");
      } catch {
        setShown(null);
        setFailed(t.failed);
      }
    },
    [locale, t, offline],
  );

  // Online, the card keeps a day of QRs and the wallet's snapshot for when there is no network
  // (sealed, offline-wallet.ts), and installs the worker that opens the offline wallet.
  // Started once the first QR is on screen (or has failed), so the QR the citizen came for is not
  // slowed down by a day's batch and the snapshot.
  const settled = shown !== null || failed !== null;
  useEffect(() => {
    if (offline || !settled) return;
    registerCardWorker();
    if (!navigator.onLine) return;
    void Promise.all([refreshBatch(locale), syncOfflineWallet(locale)]).then(([batch, synced]) => box.current?.setAttribute("data-offline-ready", batch && synced ? "true" : "false"));
  }, [locale, offline, settled]);

  useEffect(() => void renew(purpose), [purpose, renew]);
  // Drawn as a bitmap of exactly the pixels the read-back checked (an SVG's edges are resampled),
  // in the same commit that shows it: nothing sees the QR before it is drawn.
  useLayoutEffect(() => {
    if (!shown || !canvas.current) return;
    const target = canvas.current;
    drawn!.QRCode.toCanvas(target, shown.qr, { errorCorrectionLevel: "M", maskPattern: shown.maskPattern, margin: 4, scale: shown.scale }, () => undefined);
    target.style.width = `${shown.cssSize}px`;
    target.style.height = `${shown.cssSize}px`;
  }, [shown]);
  useEffect(() => {
    if (!shown) return;
    // A kept token is followed by the next window's, which starts as it ends.
    const before = shown.offlineSince ? 0 : RENEW_BEFORE_MS;
    const timer = setTimeout(() => void renew(shown.purpose), Math.max(1000, shown.expiresAt.getTime() - Date.now() - before));
    return () => clearTimeout(timer);
  }, [shown, renew]);

  const rule = PURPOSE_RULES[purpose];
  const tag = locale === "id" ? "id-ID" : "en-GB";
  const time = shown?.expiresAt.toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  // The text alternative names the time in WIB, as the example does ("… berlaku sampai 10.42").
  const altTime = shown?.expiresAt.toLocaleTimeString(tag, { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit" });
  const updated = shown?.offlineSince?.toLocaleString(tag, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <section className="identity-qr" aria-labelledby="identity-qr-title" ref={box}>
      <h2 id="identity-qr-title">{t.title}</h2>
      <fieldset className="purposes">
        <legend>{t.choose}</legend>
        {PURPOSES.map((p) => (
          <label key={p} className={p === purpose ? "chosen" : undefined}>
            <input type="radio" name="purpose" value={p} checked={p === purpose} onChange={() => setPurpose(p)} />
            {PURPOSE_RULES[p].label[locale]}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {t.shares} {rule.shares[locale]}
      </p>
      {!rule.offline && <p className="hint">{t.onlineOnly}</p>}
      {shown && shown.purpose === purpose ? (
        <figure
          className="qr"
          data-testid="identity-qr"
          data-qr={shown.qr}
          data-expires-at={shown.expiresAt.toISOString()}
          data-purpose={shown.purpose}
          data-offline={shown.offlineSince ? "true" : "false"}
        >
          <canvas ref={canvas} role="img" aria-label={t.alt.replace("{time}", altTime ?? "")} />
          <figcaption>
            {t.validUntil.replace("{time}", time ?? "")}
            {updated && (
              <>
                <br />
                <strong data-testid="identity-qr-offline">{t.offlineUpdated.replace("{time}", updated)}</strong>
              </>
            )}
          </figcaption>
        </figure>
      ) : failed ? (
        <p role="alert" data-testid="identity-qr-error">
          {failed}{" "}
          <button type="button" className="link" onClick={() => void renew(purpose)}>
            {t.retry}
          </button>
        </p>
      ) : (
        <p aria-live="polite">{t.renewing}</p>
      )}
    </section>
  );
}
