import { getLocale } from "@ktp/ui/locale";
import { messages } from "@/messages";

export default async function VerifierHome() {
  const t = messages[await getLocale()].home;
  return (
    <>
      <section>
        <h1>{t.title}</h1>
        <p className="lead">{t.lead}</p>
      </section>
      <section className="grid">
        {t.points.map(([title, body]) => (
          <article className="card" key={title}>
            <h2>{title}</h2>
            <p className="hint">{body}</p>
          </article>
        ))}
      </section>
      <p className="hint">{t.soon}</p>
    </>
  );
}
