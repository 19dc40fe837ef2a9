import { listCounters } from "@ktp/core/server/counter/list-counters";
import { getLocale } from "@ktp/ui/locale";
import { SignInForm } from "@/components/sign-in-form";
import { getDb } from "@/services";
import { messages } from "@/messages";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const locale = await getLocale();
  const t = messages[locale].signIn;
  const counters = await listCounters({ db: getDb() });
  return (
    <section className="card narrow">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <SignInForm locale={locale} t={t} counters={counters} />
    </section>
  );
}
