import { cookies } from "next/headers";
import { cookieSpec } from "@ktp/core/server/cookies";
import { env } from "./env.ts";

// The resume token of a registration in progress: httpOnly, so page scripts never see it.
const cookie = () => cookieSpec("ktp_daftar", env().CITIZEN_URL);

export async function readResumeToken(): Promise<string | undefined> {
  return (await cookies()).get(cookie().name)?.value;
}

export async function writeResumeToken(token: string) {
  const { name, secure } = cookie();
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 7 * 24 * 3600 });
}

export async function clearResumeToken() {
  (await cookies()).delete(cookie().name);
}
