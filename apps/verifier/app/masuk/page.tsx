import { getLocale } from "@ktp/ui/locale";
import { StaffSignIn } from "@/components/staff-sign-in";
import { messages } from "@/messages";

export default async function SignInPage() {
  const locale = await getLocale();
  const t = messages[locale].signIn;
  return (
    <section className="card narrow">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <StaffSignIn locale={locale} t={t} />
    </section>
  );
}
