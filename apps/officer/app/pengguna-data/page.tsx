import { AdminPage } from "@/components/admin-page";
import { VerifierOversight } from "@/components/verifier-oversight";
import { messages } from "@/messages";

export const dynamic = "force-dynamic";

export default function VerifiersPage() {
  return (
    <AdminPage title={(l) => messages[l].oversight.title} lead={(l) => messages[l].oversight.lead}>
      {(locale) => <VerifierOversight locale={locale} t={messages[locale].oversight} />}
    </AdminPage>
  );
}
