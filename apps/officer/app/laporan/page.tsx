import { AdminPage } from "@/components/admin-page";
import { ReportsDesk } from "@/components/reports-desk";
import { messages } from "@/messages";

export const dynamic = "force-dynamic";

export default function ReportsPage() {
  return (
    <AdminPage title={(l) => messages[l].reports.title} lead={(l) => messages[l].reports.lead}>
      {(locale) => <ReportsDesk locale={locale} t={messages[locale].reports} />}
    </AdminPage>
  );
}
