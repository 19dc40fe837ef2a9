import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale } from "@ktp/ui/locale";
import type { Locale } from "@ktp/core/universal/errors";
import { messages } from "@/messages";
import { requireOfficer } from "@/officer-cookie";

/** A page of the national admin: other officers see why they may not, not the page. */
export async function AdminPage({ title, lead, children }: { title: (locale: Locale) => string; lead: (locale: Locale) => string; children: (locale: Locale) => ReactNode }) {
  const session = await requireOfficer();
  const locale = await getLocale();
  const t = messages[locale];
  if (session.officer.role !== "ADMIN") {
    return (
      <section className="card">
        <h1>{t.forbidden.title}</h1>
        <p className="lead">{t.forbidden.body}</p>
        <p>
          <Link href="/loket">{t.forbidden.back}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>{title(locale)}</h1>
      <p className="lead">{lead(locale)}</p>
      {children(locale)}
      <p>
        <Link href="/loket">{t.residents.back}</Link>
      </p>
    </section>
  );
}
