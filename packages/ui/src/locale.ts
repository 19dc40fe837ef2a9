import "server-only";
import { cookies } from "next/headers";
import type { Locale } from "@ktp/core/universal/errors";

/**
 * The reader's language for server components: Indonesian unless they chose English with the
 * language switch (cookie `lang`). A browser set to English still opens in Indonesian first.
 */
export async function getLocale(): Promise<Locale> {
  return (await cookies()).get("lang")?.value === "en" ? "en" : "id";
}
