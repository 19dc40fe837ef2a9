import Link from "next/link";
import { findAccountOverview } from "@ktp/core/server/wallet/account-overview";
import { getLocale } from "@ktp/ui/locale";
import { ChangePinForm } from "@/components/change-pin-form";
import { IdentityLock } from "@/components/identity-lock";
import { LanguageChoice } from "@/components/language-choice";
import { SignOutButton } from "@/components/sign-out-button";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Akun": change PIN, lock, lost phone, language, sign out; each written to the activity history. */
export default async function AccountPage() {
  const citizen = await citizenOrSignIn("/akun");
  const locale = await getLocale();
  const t = messages[locale].account;
  const overview = await findAccountOverview({ db: getDb(), registrationId: citizen.registrationId });
  const when = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Jakarta" });
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">{t.lead}</p>
      {overview && (
        <section className="card" aria-labelledby="account-contact">
          <h2 id="account-contact">{t.contact}</h2>
          <dl className="facts">
            <div>
              <dt>{t.email}</dt>
              <dd data-testid="account-email">{overview.email}</dd>
            </div>
            <div>
              <dt>{t.phone}</dt>
              <dd>{overview.phone}</dd>
            </div>
            {overview.device && (
              <div>
                <dt>{t.device}</dt>
                <dd>
                  {t.boundAt.replace("{time}", when.format(overview.device.boundAt))}
                  <br />
                  <span className="hint">{overview.device.synced ? t.synced : t.notSynced}</span>
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="change-pin-title">
        <h2 id="change-pin-title">{t.pin.title}</h2>
        <p className="hint">{t.pin.lead}</p>
        <ChangePinForm locale={locale} t={t.pin} />
      </section>
      <div className="card">
        <IdentityLock locale={locale} t={messages[locale].card.lock} locked={citizen.locked} />
      </div>
      <section className="card" aria-labelledby="lost-phone-title">
        <h2 id="lost-phone-title">{t.lostPhone.title}</h2>
        <p className="hint">{t.lostPhone.lead}</p>
        <p>
          <Link href="/ponsel-hilang">{t.lostPhone.link}</Link>
        </p>
      </section>
      <section className="card" aria-label={t.language.title}>
        <LanguageChoice locale={locale} t={t.language} />
      </section>
      <section className="card" aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">{t.signOut.title}</h2>
        <p className="hint">{t.signOut.lead}</p>
        <SignOutButton label={t.signOut.title} locale={locale} />
      </section>
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
