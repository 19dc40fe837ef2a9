"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import QRCode from "qrcode";
import type { Locale } from "@ktp/core/universal/errors";
import { type Purpose, PURPOSE_RULES, PURPOSES } from "@ktp/core/universal/identity/purposes";
import { crispQrPixels, readableMask, type Zxing } from "@ktp/core/universal/qr-readback";
import { get } from "@ktp/ui/api-client";
import type { CitizenMessages } from "@/messages";

type T = CitizenMessages["card"]["qr"];
interface IssuedToken { purpose: Purpose; qr: string; validFrom: string; expiresAt: string }
/** A new QR is fetched this long before the shown one expires, so the verifier never scans a stale one. */
const RENEW_BEFORE_MS = 20_000;

/** The QR's box (styles.css: `.identity-qr .qr`, 20rem wide with 0.5rem padding). */
const QR_BOX_CSS_PX = 320;
const QR_PADDING_CSS_PX = 16;
let zxing: Promise<Zxing> | undefined;
// html5-qrcode's own zxing-js: the reader the verifier page scans with.
const loadZxing = () => (zxing ??= import("html5-qrcode/third_party/zxing-js.umd.js").then((m) => ((m as { default?: unknown }).default ?? m) as unknown as Zxing));

/** The card's identity QR: the citizen picks a purpose; the QR renews itself before it expires. */
export function IdentityQr({ locale, t }: { locale: Locale; t: T }) {
  const [purpose, setPurpose] = useState<Purpose>("age17");
  const [shown, setShown] = useState<{ qr: string; maskPattern: QRCode.QRCodeMaskPattern; scale: number; cssSize: number; expiresAt: Date; purpose: Purpose } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const box = useRef<HTMLElement>(null);

  const renew = useCallback(async (chosen: Purpose) => {
    setFailed(null);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await get<IssuedToken>(`/api/kartu/qr?purpose=${chosen}`, locale);
        if (!result.ok) {
          if (result.error.code === "NOT_SIGNED_IN") location.assign("/masuk");
          // Locked, rate-limited…: the server's own sentence says why.
          setShown(null);
          return setFailed(result.error.messages[locale]);
        }
        // Each module on whole screen pixels (blurred edges defeat zxing-js on some codes), and shown
        // only once the verifier's reader reads it back at that size: a mask that reads, or a new token.
        const dpr = window.devicePixelRatio || 1;
        const available = Math.floor((Math.min(box.current?.clientWidth ?? QR_BOX_CSS_PX, QR_BOX_CSS_PX) - QR_PADDING_CSS_PX) * dpr);
        const modules = QRCode.create(result.data.qr, { errorCorrectionLevel: "M" }).modules.size;
        const pixels = crispQrPixels(modules, available);
        const maskPattern = readableMask(await loadZxing(), result.data.qr, pixels / (modules + 8));
        if (maskPattern === null) continue;
        return setShown({ qr: result.data.qr, maskPattern, scale: pixels / (modules + 8), cssSize: pixels / dpr, expiresAt: new Date(result.data.expiresAt), purpose: chosen });
      }
      throw new Error("no readable QR");
    } catch {
      setShown(null);
      setFailed(t.failed);
    }
  }, [locale, t.failed]);

  useEffect(() => void renew(purpose), [purpose, renew]);
  // Drawn as a bitmap of exactly the pixels the read-back checked (an SVG's edges are resampled),
  // in the same commit that shows it: nothing sees the QR before it is drawn.
  useLayoutEffect(() => {
    if (!shown || !canvas.current) return;
    const target = canvas.current;
    QRCode.toCanvas(target, shown.qr, { errorCorrectionLevel: "M", maskPattern: shown.maskPattern, margin: 4, scale: shown.scale }, () => undefined);
    target.style.width = `${shown.cssSize}px`;
    target.style.height = `${shown.cssSize}px`;
  }, [shown]);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => void renew(shown.purpose), Math.max(1000, shown.expiresAt.getTime() - Date.now() - RENEW_BEFORE_MS));
    return () => clearTimeout(timer);
  }, [shown, renew]);

  const rule = PURPOSE_RULES[purpose];
  const time = shown?.expiresAt.toLocaleTimeString(locale === "id" ? "id-ID" : "en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
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
        <figure className="qr" data-testid="identity-qr" data-qr={shown.qr} data-expires-at={shown.expiresAt.toISOString()} data-purpose={shown.purpose}>
          <canvas ref={canvas} role="img" aria-label={t.alt.replace("{purpose}", rule.label[locale])} />
          <figcaption>{t.validUntil.replace("{time}", time ?? "")}</figcaption>
        </figure>
      ) : failed ? (
        <p role="alert" data-testid="identity-qr-error">
          {failed} <button type="button" className="link" onClick={() => void renew(purpose)}>{t.retry}</button>
        </p>
      ) : (
        <p aria-live="polite">{t.renewing}</p>
      )}
    </section>
  );
}
