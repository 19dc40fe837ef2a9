import type { Metadata } from "next";
import { getLocale } from "@ktp/ui/locale";
import { OfflineWallet } from "@/components/offline-wallet";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

/**
 * The offline wallet's shell (issue 13, item 6): no personal data in it, so it needs no sign-in.
 * The card page caches it while online, and the service worker serves it for any wallet page that
 * cannot load; everything it shows comes from the snapshot sealed on the phone.
 */
export default async function OfflineWalletPage() {
  return <OfflineWallet locale={await getLocale()} />;
}
