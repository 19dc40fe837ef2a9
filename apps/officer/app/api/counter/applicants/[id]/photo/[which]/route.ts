import { applicantPhoto } from "@ktp/core/server/counter/applicant-photo";
import { apiRoute, methodNotAllowed, parseInput } from "@ktp/core/server/http";
import { ZApplicantId, ZApplicantPhoto } from "@ktp/core/universal/counter";
import { getDb } from "@/services";
import { keys } from "@/keys";
import { counterSession } from "@/officer-cookie";

/** The applicant's selfie (until the decision) or e-KTP photo, for this counter only. */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string; which: string }> }) => {
  const path = await params;
  const id = parseInput(ZApplicantId, path.id);
  const which = parseInput(ZApplicantPhoto, path.which);
  const session = await counterSession();
  const photo = await applicantPhoto({ db: getDb(), counterSessionId: session.id, registrationId: id, which, selfieKey: keys.selfie() });
  return new Response(new Uint8Array(photo.bytes), { headers: { "content-type": photo.mime } });
});

export const POST = methodNotAllowed("GET");
export { POST as PUT, POST as PATCH, POST as DELETE };
