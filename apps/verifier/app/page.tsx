import Link from "next/link";
import { getLocale } from "@ktp/ui/locale";
import { Intro } from "@ktp/ui/intro";
import { messages } from "@/messages";

export default async function VerifierHome() {
  const t = messages[await getLocale()].home;
  return (
    <>
      <Intro title={t.title} lead={t.lead} cards={t.points} />
      <p className="actions">
        <Link className="button" href="/pindai">
          {t.open}
        </Link>
        <Link className="button secondary" href="/daftar">
          {t.registerOrg}
        </Link>
        <Link className="button secondary" href="/cek-bukti">
          {t.checkReceipt}
        </Link>
      </p>
    </>
  );
}
