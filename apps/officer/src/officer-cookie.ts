import { cookies } from "next/headers";
import { AppError } from "@ktp/core/universal/errors";
import { redirect } from "next/navigation";
import { cookieSpec } from "@ktp/core/server/cookies";
import { assertOfficerRole, getCounterSession } from "@ktp/core/server/counter/officer-session";
import { getDb, getRateLimiter } from "./services.ts";
import { env } from "./env.ts";

// The counter session token: httpOnly, so the console's scripts never see it.
const cookie = () => cookieSpec("ktp_loket", env().OFFICER_URL);

export async function readOfficerToken(): Promise<string | undefined> {
  return (await cookies()).get(cookie().name)?.value;
}

export async function writeOfficerToken(token: string, expires: Date) {
  const { name, secure } = cookie();
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "strict", secure, path: "/", expires });
}

export async function clearOfficerToken() {
  (await cookies()).delete(cookie().name);
}

/**
 * For API routes: the signed-in counter session (counted against the officer's rate limit), or
 * OFFICER_SIGNED_OUT. The console's automatic polling passes `{ activity: false }`.
 */
export async function counterSession({ activity = true } = {}) {
  const session = await getCounterSession({ db: getDb(), token: await readOfficerToken(), activity });
  await getRateLimiter().consume("officerNip", session.officer.nip);
  return session;
}

/** For API routes of the national admin (oversight of verifiers): OFFICER_FORBIDDEN for other roles. */
export async function adminSession() {
  const session = await counterSession();
  assertOfficerRole(session, "ADMIN");
  return session;
}

/** The officer acting, and where: what the audit trail records. */
export function officerActor(session: { officer: { id: string }; counter: { id: string } }) {
  return { id: session.officer.id, counterId: session.counter.id };
}

/** For pages: the signed-in counter session, or a redirect to the sign-in page. */
export async function requireOfficer() {
  // Only a session that ended sends the page to sign-in: a database outage stays an error (a 503
  // page), not a misleading "sign in again".
  const session = await getCounterSession({ db: getDb(), token: await readOfficerToken() }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "OFFICER_SIGNED_OUT") return null;
    throw error;
  });
  if (!session) redirect("/masuk");
  return session;
}
