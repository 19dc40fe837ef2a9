import { getLocale } from "@ktp/ui/locale";
import { ReceiptCheck } from "@/components/receipt-check";
import { messages } from "@/messages";

export default async function ReceiptCheckPage() {
  const locale = await getLocale();
  const t = messages[locale].receiptCheck;
  return (
    <section className="card narrow">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <ReceiptCheck locale={locale} t={t} />
    </section>
  );
}
