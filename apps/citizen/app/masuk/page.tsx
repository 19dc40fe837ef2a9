import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale } from "@ktp/ui/locale";
import { SignIn } from "@/components/sign-in";
import { messages } from "@/messages";
import { signedInCitizen } from "@/session-cookie";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await signedInCitizen()) redirect("/kartu");
  const locale = await getLocale();
  const t = messages[locale].signIn;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <SignIn locale={locale} t={t} />
      <p className="hint">
        {t.notActive} <Link href="/daftar">{t.register}</Link>
      </p>
    </section>
  );
}
