import Link from "next/link";
import { readLostPhoneLink } from "@ktp/core/server/account/report-lost-phone";
import { AppError } from "@ktp/core/universal/errors";
import { ZLostPhoneLockRequest } from "@ktp/core/universal/account";
import { getLocale } from "@ktp/ui/locale";
import { LostPhoneConfirm } from "@/components/lost-phone-confirm";
import { getDb } from "@/services";
import { messages } from "@/messages";

export const dynamic = "force-dynamic";

/** The link e-mailed by "Ponsel hilang": whose KTP Digital (masked), and one button to lock it. */
export default async function LostPhoneLockPage({ searchParams }: { searchParams: Promise<{ t?: string | string[] }> }) {
  const locale = await getLocale();
  const t = messages[locale].lostPhone;
  const parsed = ZLostPhoneLockRequest.safeParse({ token: (await searchParams).t });
  const link = parsed.success
    ? await readLostPhoneLink({ db: getDb(), token: parsed.data.token }).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      })
    : null;
  return (
    <section>
      <h1>{t.confirmTitle}</h1>
      {link && parsed.success ? (
        <>
          <p>{t.confirmLead.replace("{name}", link.name)}</p>
          <LostPhoneConfirm locale={locale} t={t} token={parsed.data.token} />
        </>
      ) : (
        <>
          <p role="alert" data-testid="lost-phone-invalid">
            {t.invalid}
          </p>
          <p>
            <Link className="button" href="/ponsel-hilang">
              {t.again}
            </Link>
          </p>
        </>
      )}
      <p>
        <Link href="/">{t.home}</Link>
      </p>
    </section>
  );
}
