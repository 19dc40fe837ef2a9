import { redirect } from "next/navigation";
import { loadKtpCard } from "@ktp/core/server/siak/load-ktp-card";
import { KTP_CARD_FIELDS } from "@ktp/core/universal/ktp-card";
import { getLocale } from "@ktp/ui/locale";
import Link from "next/link";
import { IdentityQr } from "@/components/identity-qr";
import { SignOutButton } from "@/components/sign-out-button";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

export default async function KtpCardPage() {
  const citizen = await citizenOrSignIn("/kartu");
  const card = await loadKtpCard({ db: getDb(), nik: citizen.nik });
  if (!card) redirect("/masuk");
  const locale = await getLocale();
  const t = messages[locale].card;
  return (
    <section>
      <h1>{t.title}</h1>
      <article className="ktp-card" data-testid="ktp-card" aria-label={t.title}>
        <header>
          {t.header[0]!.replace("{provinsi}", card.provinsi)}
          <br />
          {t.header[1]!.replace("{kabupaten}", card.kabupatenKota)}
        </header>
        <div className="ktp-body">
          <dl className="ktp-fields">
            {KTP_CARD_FIELDS.map(([field, label]) => (
              <div key={field}>
                <dt>{label}</dt>
                <dd data-field={field}>{card[field]}</dd>
              </div>
            ))}
          </dl>
          <img src="/api/kartu/foto" alt={t.photo} />
        </div>
      </article>
      <IdentityQr locale={locale} t={t.qr} />
      <nav className="wallet-links" aria-label={t.title}>
        <Link href="/keluarga">{t.familyLink}</Link>
        <Link href="/dokumen">{t.documentsLink}</Link>
        <Link href="/biodata">{t.biodataLink}</Link>
        <Link href="/riwayat">{t.historyLink}</Link>
        <Link href="/aktivitas">{t.activityLink}</Link>
        <Link href="/akun">{t.accountLink}</Link>
      </nav>
      {citizen.locked && (
        <p className="notice" data-testid="lock-state">
          {t.lock.lockedNow} <Link href="/akun">{t.accountLink}</Link>
        </p>
      )}
      <p className="hint">{t.note}</p>
      <SignOutButton label={t.signOut} locale={locale} />
    </section>
  );
}
