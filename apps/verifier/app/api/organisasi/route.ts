import { apiRoute, clientIp, methodNotAllowed, readJson, requestId } from "@ktp/core/server/http";
import { registerVerifierOrg } from "@ktp/core/server/verifier/register-verifier-org";
import { ZRegisterVerifierOrgRequest } from "@ktp/core/universal/verifier";
import { getDb, getRateLimiter } from "@/services";

/** An organisation (pengguna data) asks to verify KTP Digital; an admin at Dukcapil decides. */
export const POST = apiRoute(async (request) => {
  await getRateLimiter().consume("orgRegisterIp", clientIp(request));
  const body = await readJson(request, ZRegisterVerifierOrgRequest);
  const { status } = await registerVerifierOrg({ db: getDb(), request: body, requestId: requestId(request) });
  return Response.json({ status }, { status: 201 });
});

export const GET = methodNotAllowed("POST");
export { GET as PUT, GET as PATCH, GET as DELETE };
