/** A page's heading and lead paragraph, then a grid of titled cards. */
export function Intro({ title, lead, cards, tag }: { title: string; lead: string; cards: readonly (readonly string[])[]; tag?: string }) {
  return (
    <>
      <section>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </section>
      <section className="grid">
        {cards.map(([heading, body]) => (
          <article className="card" key={heading}>
            <h2>
              {heading}
              {tag && <> <span className="tag">{tag}</span></>}
            </h2>
            <p className="hint">{body}</p>
          </article>
        ))}
      </section>
    </>
  );
}
