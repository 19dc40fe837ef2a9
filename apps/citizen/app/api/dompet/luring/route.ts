import { apiRoute, methodNotAllowed } from "@ktp/core/server/http";
import { getWalletSnapshot } from "@ktp/core/server/wallet/get-wallet-snapshot";
import { AppError } from "@ktp/core/universal/errors";
import { getDb, getRateLimiter } from "@/services";
import { relyingParty } from "@/relying-party";
import { signedInCitizen } from "@/session-cookie";

/** What the phone keeps, encrypted, to open the wallet without a network for 24 hours (issue 13, item 6). */
export const GET = apiRoute(async () => {
  const citizen = await signedInCitizen();
  if (!citizen) throw new AppError("NOT_SIGNED_IN");
  await getRateLimiter().consume("walletSnapshotCitizen", citizen.registrationId);
  return Response.json(await getWalletSnapshot({ db: getDb(), registrationId: citizen.registrationId, nik: citizen.nik, rpId: relyingParty().id }));
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
