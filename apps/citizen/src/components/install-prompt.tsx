"use client";
import { useEffect, useState } from "react";
import type { CitizenMessages } from "@/messages";

type T = CitizenMessages["install"];
/** Chrome's install event (not in TypeScript's DOM types; Safari and Firefox never fire it). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

/** iPhone and iPad Safari (iPadOS reports itself as a Mac with touch), not yet on the home screen. */
function iosSafariInBrowser(): boolean {
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.userAgent.includes("Macintosh") && navigator.maxTouchPoints > 1);
  return ios && !(navigator as Navigator & { standalone?: boolean }).standalone;
}

/**
 * "Pasang KTP Digital" (issue 13, item 5): where the browser offers installing (Chrome on Android:
 * `beforeinstallprompt`), a button that asks; on iOS Safari, which has no such event, the two taps
 * that do it. Nothing once installed.
 */
export function InstallPrompt({ t }: { t: T }) {
  const [offer, setOffer] = useState<BeforeInstallPromptEvent | null>(null);
  const [ios, setIos] = useState(false);

  useEffect(() => {
    if (matchMedia("(display-mode: standalone)").matches) return;
    setIos(iosSafariInBrowser());
    const onOffer = (event: Event) => {
      event.preventDefault();
      setOffer(event as BeforeInstallPromptEvent);
    };
    const onInstalled = () => setOffer(null);
    addEventListener("beforeinstallprompt", onOffer);
    addEventListener("appinstalled", onInstalled);
    return () => {
      removeEventListener("beforeinstallprompt", onOffer);
      removeEventListener("appinstalled", onInstalled);
    };
  }, []);

  if (!offer && !ios) return null;
  return (
    <aside className="card install-prompt" data-testid="install-prompt">
      <p className="hint">{t.lead}</p>
      {offer ? (
        <button
          type="button"
          className="button"
          onClick={async () => {
            await offer.prompt();
            await offer.userChoice;
            setOffer(null);
          }}
        >
          {t.button}
        </button>
      ) : (
        <p>{t.ios}</p>
      )}
    </aside>
  );
}
