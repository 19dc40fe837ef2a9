import "server-only";
import type { Db } from "@ktp/db";
import type { Locale } from "../../universal/errors.ts";
import { recordAudit } from "../audit/record-audit.ts";

const NAMES: Record<Locale, string> = { id: "Bahasa Indonesia", en: "English" };

/** The language chosen on the account page, written to the activity history (the cookie is the route's). */
export async function chooseLanguage({ db, registrationId, locale, requestId }: { db: Db; registrationId: string; locale: Locale; requestId?: string }): Promise<void> {
  await recordAudit(db, { actorType: "CITIZEN", actorId: registrationId, registrationId, action: "citizen.language", note: NAMES[locale], requestId });
}
