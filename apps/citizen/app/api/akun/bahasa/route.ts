import { cookies } from "next/headers";
import { chooseLanguage } from "@ktp/core/server/account/choose-language";
import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { AppError } from "@ktp/core/universal/errors";
import { ZLanguageRequest } from "@ktp/core/universal/account";
import { getDb, getRateLimiter } from "@/services";
import { signedInCitizen } from "@/session-cookie";

/** The account page's language choice: kept a year, like the header's switch, and written to the history. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("citizenStepIp", clientIp(request));
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  const { locale } = await readJson(request, ZLanguageRequest);
  await chooseLanguage({ db: getDb(), registrationId: citizen.registrationId, locale, requestId: requestId(request) });
  (await cookies()).set("lang", locale, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
  return new Response(null, { status: 204 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
