import Link from "next/link";
import { getLocale } from "@ktp/ui/locale";
import { LostPhoneForm } from "@/components/lost-phone-form";
import { messages } from "@/messages";

/** "Ponsel hilang", from any browser, signed in or not. */
export default async function LostPhonePage() {
  const locale = await getLocale();
  const t = messages[locale].lostPhone;
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <LostPhoneForm locale={locale} t={t} />
      <p>
        <Link href="/">{t.home}</Link>
      </p>
    </section>
  );
}
