import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cookieSpec } from "@ktp/core/server/cookies";
import { findCitizenSession } from "@ktp/core/server/account/citizen-session";
import { getDb } from "./services.ts";
import { env } from "./env.ts";

// The sign-in session: httpOnly and strict, valid for one sign-in and then while in use.
const cookie = () => cookieSpec("ktp_sesi", env().CITIZEN_URL);

export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(cookie().name)?.value;
}

export async function writeSessionToken(token: string) {
  const { name, secure } = cookie();
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "strict", secure, path: "/" });
}

export async function clearSessionToken() {
  (await cookies()).delete(cookie().name);
}

/** The signed-in citizen, or null. */
export async function signedInCitizen() {
  return findCitizenSession({ db: getDb(), token: await readSessionToken() });
}

/** The wallet's pages; a signed-out visit to one is sent to /masuk, which says why. */
export const WALLET_PAGES = ["/kartu", "/keluarga", "/dokumen", "/biodata", "/riwayat", "/aktivitas", "/akun"] as const;
export type WalletPage = (typeof WALLET_PAGES)[number];

/** The signed-in citizen; otherwise a redirect to /masuk naming the page they wanted. */
export async function citizenOrSignIn(page: WalletPage) {
  const citizen = await signedInCitizen();
  if (!citizen) redirect(`/masuk?dari=${page}`);
  return citizen;
}
