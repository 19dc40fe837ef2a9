import { cookies } from "next/headers";
import { AppError } from "@ktp/core/universal/errors";
import { redirect } from "next/navigation";
import { cookieSpec } from "@ktp/core/server/cookies";
import { getStaffSession } from "@ktp/core/server/verifier/staff-session";
import { getDb, getRateLimiter } from "./services.ts";
import { env } from "./env.ts";

// The scan page's session token: httpOnly and strict, so the page's scripts never see it.
const cookie = () => cookieSpec("ktp_verifikasi", env().VERIFIER_URL);

export async function readStaffToken(): Promise<string | undefined> {
  return (await cookies()).get(cookie().name)?.value;
}

export async function writeStaffToken(token: string) {
  const { name, secure } = cookie();
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "strict", secure, path: "/" });
}

export async function clearStaffToken() {
  (await cookies()).delete(cookie().name);
}

/** For API routes: the signed-in staff member (counted against their scan budget), or STAFF_SIGNED_OUT. */
export async function staffSession() {
  const session = await getStaffSession({ db: getDb(), token: await readStaffToken() });
  await getRateLimiter().consume("staffScan", session.staffId);
  return session;
}

/** For pages: the signed-in staff member, or a redirect to the sign-in page. */
export async function requireStaff() {
  // Only a session that ended sends the page to sign-in: a database outage stays an error (a 503
  // page), not a misleading "sign in again".
  const session = await getStaffSession({ db: getDb(), token: await readStaffToken() }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "STAFF_SIGNED_OUT") return null;
    throw error;
  });
  if (!session) redirect("/masuk");
  return session;
}
