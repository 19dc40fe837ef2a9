import Link from "next/link";
import { getLocale } from "@ktp/ui/locale";
import { messages } from "@/messages";

export default async function NotFound() {
  const t = messages[await getLocale()].notFound;
  return (
    <section className="card">
      <h1>{t.title}</h1>
      <p className="lead">{t.body}</p>
      <Link className="button" href="/">{t.back}</Link>
    </section>
  );
}
