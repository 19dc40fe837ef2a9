import { getLocale } from "@ktp/ui/locale";
import { CounterConsole } from "@/components/counter-console";
import { messages } from "@/messages";
import { requireOfficer } from "@/officer-cookie";

export const dynamic = "force-dynamic";

export default async function CounterPage() {
  const session = await requireOfficer();
  const locale = await getLocale();
  return (
    <CounterConsole
      locale={locale}
      t={messages[locale].console}
      officer={session.officer.nama}
      counter={`${session.counter.code} · ${session.counter.name}`}
      admin={session.officer.role === "ADMIN"}
    />
  );
}
