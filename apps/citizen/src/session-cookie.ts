import { cookies } from "next/headers";
import { findCitizenSession } from "@ktp/core/server/account/sign-in";
import { getDb } from "./db.ts";

// The sign-in session: httpOnly and strict, valid for one sign-in and then while in use.
const NAME = "ktp_sesi";

export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function writeSessionToken(token: string, request: Request) {
  (await cookies()).set(NAME, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    path: "/",
  });
}

export async function clearSessionToken() {
  (await cookies()).delete(NAME);
}

/** The signed-in citizen, or null. */
export async function signedInCitizen() {
  return findCitizenSession({ db: getDb(), token: await readSessionToken() });
}
