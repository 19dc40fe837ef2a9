import { redirect } from "next/navigation";
import { loadKtpCard } from "@ktp/core/server/siak/load-ktp-card";
import { getLocale } from "@ktp/ui/locale";
import Link from "next/link";
import { IdentityQr } from "@/components/identity-qr";
import { InstallPrompt } from "@/components/install-prompt";
import { SignOutButton } from "@/components/sign-out-button";
import { KtpCardView } from "@/components/wallet-views";
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
      <KtpCardView card={card} photo={<img src="/api/kartu/foto" alt={t.photo} />} t={t} />
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
      <InstallPrompt t={messages[locale].install} />
      <p className="hint">{t.note}</p>
      <SignOutButton label={t.signOut} locale={locale} />
    </section>
  );
}
