import Link from "next/link";
import { redirect } from "next/navigation";
import { findDocuments } from "@ktp/core/server/wallet/documents";
import { getLocale } from "@ktp/ui/locale";
import { DocumentsView, documentsReadAt } from "@/components/wallet-views";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

/** "Dokumen": NPWP, BPJS Kesehatan, vaccination, vehicles, BKN and DPT, each with its source. */
export default async function DocumentsPage() {
  const citizen = await citizenOrSignIn("/dokumen");
  const documents = await findDocuments({ db: getDb(), nik: citizen.nik });
  if (!documents) redirect("/masuk");
  const locale = await getLocale();
  const t = messages[locale].documents;
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">
        {t.lead} {t.readAt.replace("{time}", documentsReadAt(documents, locale))}
      </p>
      <DocumentsView documents={documents} locale={locale} t={t} />
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
