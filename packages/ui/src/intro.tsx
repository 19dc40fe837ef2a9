/** A page's heading and lead paragraph, then a grid of titled cards; a card's third string is its tag. */
export function Intro({ title, lead, cards, tag }: { title: string; lead: string; cards: readonly (readonly string[])[]; tag?: string }) {
  return (
    <>
      <section>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </section>
      <section className="grid">
        {cards.map(([heading, body, cardTag = tag]) => (
          <article className="card" key={heading}>
            <h2>
              {heading}
              {cardTag && (
                <>
                  {" "}
                  <span className="tag">{cardTag}</span>
                </>
              )}
            </h2>
            <p className="hint">{body}</p>
          </article>
        ))}
      </section>
    </>
  );
}
