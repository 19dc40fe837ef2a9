import Link from "next/link";
import { getLocale } from "@ktp/ui/locale";
import { Intro } from "@ktp/ui/intro";
import { messages } from "@/messages";

export default async function ConsoleHome() {
  const t = messages[await getLocale()].home;
  return (
    <>
      <Intro title={t.title} lead={t.lead} cards={t.sections} />
      <p>
        <Link className="button" href="/loket">
          {t.open}
        </Link>
      </p>
    </>
  );
}
