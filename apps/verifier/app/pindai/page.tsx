import { getLocale } from "@ktp/ui/locale";
import { ScanDesk } from "@/components/scan-desk";
import { messages } from "@/messages";
import { requireStaff } from "@/staff-cookie";

export const dynamic = "force-dynamic";

export default async function ScanPage() {
  const session = await requireStaff();
  const locale = await getLocale();
  const { staff, org, branches } = session;
  return (
    <ScanDesk
      locale={locale}
      t={messages[locale].scan}
      session={{ staff, org: { legalName: org.legalName, type: org.type, purposes: org.purposes, offlineStatusMaxMinutes: org.offlineStatusMaxMinutes }, branches }}
    />
  );
}
