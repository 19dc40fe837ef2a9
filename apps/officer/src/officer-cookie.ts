import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCounterSession } from "@ktp/core/server/counter/officer-session";
import { getDb } from "./db.ts";

// The counter session token: httpOnly, so the console's scripts never see it.
const NAME = "ktp_loket";

export async function readOfficerToken(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function writeOfficerToken(token: string, expires: Date, request: Request) {
  (await cookies()).set(NAME, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    path: "/",
    expires,
  });
}

export async function clearOfficerToken() {
  (await cookies()).delete(NAME);
}

/** For API routes: the signed-in counter session, or OFFICER_SIGNED_OUT. */
export async function counterSession() {
  return getCounterSession({ db: getDb(), token: await readOfficerToken() });
}

/** For pages: the signed-in counter session, or a redirect to the sign-in page. */
export async function requireOfficer() {
  try {
    return await counterSession();
  } catch {
    redirect("/masuk");
  }
}
