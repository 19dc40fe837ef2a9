import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale } from "@ktp/ui/locale";
import { SignIn } from "@/components/sign-in";
import { messages } from "@/messages";
import { isAwaitingPin } from "@ktp/core/server/account/citizen-session";
import { getDb } from "@/services";
import { readSessionToken, signedInCitizen, WALLET_PAGES, type WalletPage } from "@/session-cookie";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ dari?: string | string[] }> }) {
  if (await signedInCitizen()) redirect("/kartu");
  const locale = await getLocale();
  const t = messages[locale].signIn;
  // Sent here from a wallet page: say why (only the wallet's own pages are named).
  const from = (await searchParams).dari;
  const wanted = typeof from === "string" && (WALLET_PAGES as readonly string[]).includes(from) ? (from as WalletPage) : null;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      {wanted && (
        <p className="result bad" role="status" data-testid="signed-out">
          {t.signedOut.replace("{page}", t.pages[wanted])}
        </p>
      )}
      <p className="lead">{t.lead}</p>
      <SignIn locale={locale} t={t} awaitingPin={await isAwaitingPin({ db: getDb(), token: await readSessionToken() })} />
      <p className="hint">
        {t.notActive} <Link href="/daftar">{t.register}</Link>
      </p>
      <p className="hint">
        <Link href="/ponsel-hilang">{t.lostPhone}</Link>
      </p>
    </section>
  );
}
