import { cookies } from "next/headers";

// The resume token of a registration in progress: httpOnly, so page scripts never see it.
const NAME = "ktp_daftar";

export async function readResumeToken(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function writeResumeToken(token: string, request: Request) {
  (await cookies()).set(NAME, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: 7 * 24 * 3600,
  });
}
