// What the wallet pages show, as plain components: the server-rendered pages (/kartu, /keluarga,
// /dokumen, /biodata) and the offline wallet (/luring, from the decrypted snapshot) render the same
// markup. No hooks and no server imports, so they work on either side.
import type { ReactNode } from "react";
import type { Biodata } from "@ktp/core/universal/biodata";
import { BIODATA_DATES, BIODATA_FIELDS } from "@ktp/core/universal/biodata";
import { BPJS_SEGMENTS, type CitizenDocuments, DOCUMENT_SOURCES, type DocumentKind, VEHICLE_KINDS } from "@ktp/core/universal/documents";
import type { Locale } from "@ktp/core/universal/errors";
import { type FamilyCard, longDate, RELATIONSHIP_LABELS, SEX_LABELS } from "@ktp/core/universal/family-card";
import { KTP_CARD_FIELDS, type KtpCard } from "@ktp/core/universal/ktp-card";
import type { CitizenMessages } from "@/messages";

/** The card; `photo` is the e-KTP photo's <img> (from the API online, from the snapshot offline). */
export function KtpCardView({ card, photo, t }: { card: KtpCard; photo: ReactNode; t: CitizenMessages["card"] }) {
  return (
    <article className="ktp-card" data-testid="ktp-card" aria-label={t.title}>
      <header>
        {t.header[0]!.replace("{provinsi}", card.provinsi)}
        <br />
        {t.header[1]!.replace("{kabupaten}", card.kabupatenKota)}
      </header>
      <div className="ktp-body">
        <dl className="ktp-fields">
          {KTP_CARD_FIELDS.map(([field, label]) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd data-field={field}>{card[field]}</dd>
            </div>
          ))}
        </dl>
        {photo}
      </div>
    </article>
  );
}

export function FamilyCardView({ card, locale, t }: { card: FamilyCard; locale: Locale; t: CitizenMessages["family"] }) {
  return (
    <>
      <article className="card" data-testid="family-card">
        <dl className="ktp-fields">
          <div>
            <dt>{t.noKk}</dt>
            <dd data-field="noKk">{card.noKk}</dd>
          </div>
          <div>
            <dt>{t.address}</dt>
            <dd>
              {card.address}, RT/RW {card.rtRw}, {card.village}, {card.district}, {card.regency}, {card.province} {card.postalCode}
            </dd>
          </div>
          <div>
            <dt>{t.issuedOn}</dt>
            <dd>{longDate(card.issuedOn, locale)}</dd>
          </div>
        </dl>
      </article>
      <h2>{t.members.replace("{count}", String(card.members.length))}</h2>
      <ol className="history family" data-testid="family-members">
        {card.members.map((m) => (
          <li key={m.nik} className="card" data-self={m.self || undefined} data-deceased={m.deceased || undefined}>
            <h3>
              {m.nama}
              {m.self ? ` (${t.you})` : ""}
            </h3>
            <dl className="ktp-fields">
              <div>
                <dt>{t.relationship}</dt>
                <dd>{RELATIONSHIP_LABELS[m.relationship][locale]}</dd>
              </div>
              <div>
                <dt>{t.nik}</dt>
                <dd data-field="nik">{m.nik}</dd>
              </div>
              <div>
                <dt>{t.sex}</dt>
                <dd>{SEX_LABELS[m.sex][locale]}</dd>
              </div>
              <div>
                <dt>{t.bornOn}</dt>
                <dd>{longDate(m.bornOn, locale)}</dd>
              </div>
            </dl>
            {m.deceased && <p className="hint">{t.deceased}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

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

/** The documents' cards; the page says above them when they were read. */
export function DocumentsView({ documents, locale, t }: { documents: CitizenDocuments; locale: Locale; t: CitizenMessages["documents"] }) {
  const date = (iso: string) => longDate(iso, locale);
  const section = (kind: DocumentKind, title: string, body: ReactNode | null) => (
    <article key={kind} className="card" data-testid={`document-${kind}`} data-missing={body === null || undefined}>
      <h2>{title}</h2>
      {body ?? <p>{t.none}</p>}
      <p className="hint">{t.source.replace("{source}", DOCUMENT_SOURCES[kind][locale])}</p>
    </article>
  );
  const { npwp, bpjs, vaccines, vehicles, civilServant, voter } = documents;
  return (
    <>
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
    </>
  );
}

/** When the documents were read, in WIB. */
export function documentsReadAt(documents: CitizenDocuments, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(documents.readAt));
}

export function BiodataView({ biodata, locale, t }: { biodata: Biodata; locale: Locale; t: CitizenMessages["biodata"] }) {
  return (
    <article className="card" data-testid="biodata">
      <dl className="ktp-fields">
        {BIODATA_FIELDS.map(([field, label]) => {
          const value = biodata[field];
          return (
            <div key={field}>
              <dt>{label[locale]}</dt>
              <dd data-field={field}>{value === null ? t.none : BIODATA_DATES.has(field) ? longDate(value, locale) : value}</dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}
