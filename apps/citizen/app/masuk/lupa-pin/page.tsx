import Link from "next/link";
import { isAwaitingPin } from "@ktp/core/server/account/citizen-session";
import { readPinReset } from "@ktp/core/server/account/reset-forgotten-pin";
import { getLocale } from "@ktp/ui/locale";
import { PinResetFlow } from "@/components/pin-reset-flow";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { readSessionToken } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Lupa PIN", on the bound phone after its passkey: e-mail code, selfie, new PIN. */
export default async function ForgotPinPage() {
  const locale = await getLocale();
  const t = messages[locale].pinReset;
  const token = await readSessionToken();
  const ready = await isAwaitingPin({ db: getDb(), token });
  const reset = ready ? await readPinReset({ db: getDb(), token }) : null;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      {ready ? (
        <>
          <p className="lead">{t.lead}</p>
          <PinResetFlow
            locale={locale}
            t={t}
            selfieT={messages[locale].selfie}
            initial={reset && { email: reset.email, faceMatched: reset.faceMatched, selfieAttemptsLeft: reset.selfieAttemptsLeft }}
          />
        </>
      ) : (
        <>
          <p data-testid="pin-reset-needs-passkey">{t.needPasskey}</p>
          <p>
            <Link className="button" href="/masuk">
              {t.toSignIn}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
