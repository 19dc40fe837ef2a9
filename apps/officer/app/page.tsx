import { getLocale } from "@ktp/ui/locale";
import { messages } from "@/messages";

export default async function ConsoleHome() {
  const t = messages[await getLocale()].home;
  return (
    <>
      <section>
        <h1>{t.title}</h1>
        <p className="lead">{t.lead}</p>
      </section>
      <section className="grid">
        {t.sections.map(([title, body]) => (
          <article className="card" key={title}>
            <h2>
              {title} <span className="tag">{t.soon}</span>
            </h2>
            <p className="hint">{body}</p>
          </article>
        ))}
      </section>
    </>
  );
}
