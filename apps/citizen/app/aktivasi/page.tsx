import Link from "next/link";
import { findActivationLinkProblem } from "@ktp/core/server/activation/find-activation-link-problem";
import { findRegistration } from "@ktp/core/server/activation/registration-view";
import { ERRORS } from "@ktp/core/universal/errors";
import { getLocale } from "@ktp/ui/locale";
import { ActivateButton } from "@/components/activate-button";
import { ResendEmail } from "@/components/resend-email";
import { messages } from "@/messages";
import { readResumeToken } from "@/registration-cookie";
import { getDb } from "@/services";

export default async function ActivationLinkPage({ searchParams }: { searchParams: Promise<{ t?: string | string[] }> }) {
  const { t: param } = await searchParams;
  const token = typeof param === "string" ? param : undefined;
  const locale = await getLocale();
  const all = messages[locale];
  const t = all.activate;
  const db = getDb();
  // Read only: a mail scanner opening the link uses nothing up; the button does.
  const problem = await findActivationLinkProblem({ db, token });
  if (!problem) {
    return (
      <section className="card">
        <h1>{t.title}</h1>
        <p className="lead">{t.lead}</p>
        <ActivateButton token={token!} locale={locale} t={t} />
      </section>
    );
  }
  // This browser's own registration, still waiting for its link, can ask for a new one here.
  const registration = await findRegistration({ db, resumeToken: await readResumeToken() });
  return (
    <section className="card">
      <h1>{t.title}</h1>
      <p className="result bad" data-testid="activation-link-problem">
        {ERRORS[problem][locale]}
      </p>
      {registration?.step === "EMAIL" && (
        <>
          <p className="hint">{all.flow.resendHint}</p>
          <ResendEmail locale={locale} t={all.status} />
        </>
      )}
      <p>
        <Link className="button secondary" href="/">
          {all.flow.home}
        </Link>
      </p>
    </section>
  );
}
