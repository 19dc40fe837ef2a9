import "server-only";
import { cookies, headers } from "next/headers";
import type { Locale } from "@ktp/core/universal/errors";

/** The reader's language for server components: cookie `lang`, then Accept-Language, else Indonesian. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get("lang")?.value;
  if (chosen === "id" || chosen === "en") return chosen;
  const preferred = (await headers()).get("accept-language")?.split(",")[0]?.trim().toLowerCase() ?? "";
  return preferred.startsWith("en") ? "en" : "id";
}
