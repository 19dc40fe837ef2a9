import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { findDocuments } from "@ktp/core/server/wallet/documents";
import { BPJS_SEGMENTS, DOCUMENT_SOURCES, type DocumentKind, VEHICLE_KINDS } from "@ktp/core/universal/documents";
import { longDate } from "@ktp/core/universal/family-card";
import { getLocale } from "@ktp/ui/locale";
import { getDb } from "@/services";
import { messages } from "@/messages";
import { citizenOrSignIn } from "@/session-cookie";

export const dynamic = "force-dynamic";

type Rows = [label: string, value: ReactNode][];

function Fields({ rows }: { rows: Rows }) {
  return (
    <dl className="ktp-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Dokumen": NPWP, BPJS Kesehatan, vaccination, vehicles, BKN and DPT, each with its source. */
export default async function DocumentsPage() {
  const citizen = await citizenOrSignIn("/dokumen");
  const documents = await findDocuments({ db: getDb(), nik: citizen.nik });
  if (!documents) redirect("/masuk");
  const locale = await getLocale();
  const t = messages[locale].documents;
  const date = (iso: string) => longDate(iso, locale);
  const time = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(documents.readAt));

  const section = (kind: DocumentKind, title: string, body: ReactNode | null) => (
    <article key={kind} className="card" data-testid={`document-${kind}`} data-missing={body === null || undefined}>
      <h2>{title}</h2>
      {body ?? <p>{t.none}</p>}
      <p className="hint">{t.source.replace("{source}", DOCUMENT_SOURCES[kind][locale])}</p>
    </article>
  );
  const { npwp, bpjs, vaccines, vehicles, civilServant, voter } = documents;
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="hint">
        {t.lead} {t.readAt.replace("{time}", time)}
      </p>
      {section(
        "npwp",
        t.npwp.title,
        npwp && (
          <Fields
            rows={[
              [t.npwp.number, npwp.number],
              [t.npwp.status, t.npwp.registered],
              [t.npwp.taxOffice, npwp.taxOffice],
              [t.npwp.registeredOn, date(npwp.registeredOn)],
            ]}
          />
        ),
      )}
      {section(
        "bpjs",
        t.bpjs.title,
        bpjs && (
          <Fields
            rows={[
              [t.bpjs.cardNumber, bpjs.cardNumber],
              [t.bpjs.status, bpjs.active ? t.bpjs.active : t.bpjs.inactive],
              [t.bpjs.segment, BPJS_SEGMENTS[bpjs.segment][locale]],
              [t.bpjs.class, String(bpjs.class)],
              [t.bpjs.facility, bpjs.facility],
            ]}
          />
        ),
      )}
      {section(
        "vaccines",
        t.vaccines.title,
        vaccines.length === 0 ? null : <Fields rows={vaccines.map((v) => [t.vaccines.dose.replace("{dose}", String(v.dose)), `${v.vaccine} · ${date(v.on)} · ${v.place}`])} />,
      )}
      {section(
        "vehicles",
        t.vehicles.title,
        vehicles.length === 0
          ? null
          : vehicles.map((v) => (
              <div key={v.plate}>
                <h3>
                  {v.plate} · {v.make}
                </h3>
                <Fields
                  rows={[
                    [t.vehicles.kind, VEHICLE_KINDS[v.kind][locale]],
                    [t.vehicles.year, String(v.year)],
                    [t.vehicles.colour, v.colour],
                    [t.vehicles.taxDue, date(v.taxDue)],
                  ]}
                />
              </div>
            )),
      )}
      {section(
        "civilServant",
        t.civilServant.title,
        civilServant && (
          <Fields
            rows={[
              [t.civilServant.nip, civilServant.nip],
              [t.civilServant.agency, civilServant.agency],
              [t.civilServant.position, civilServant.position],
              [t.civilServant.grade, civilServant.grade],
              [t.civilServant.since, date(civilServant.since)],
            ]}
          />
        ),
      )}
      {section(
        "voter",
        t.voter.title,
        voter && (
          <Fields
            rows={[
              [t.voter.election, voter.election],
              [t.voter.tps, voter.tps],
              [t.voter.village, voter.village],
            ]}
          />
        ),
      )}
      <p>
        <Link href="/kartu">{t.back}</Link>
      </p>
    </section>
  );
}
