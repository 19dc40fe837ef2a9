import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { Purpose } from "../../universal/identity/purposes.ts";
import type { VerifierOrgType } from "../../universal/verifier.ts";
import { STAFF_IDLE_MINUTES, type StaffSessionView } from "../../universal/verifier-staff.ts";
import { hashToken } from "../secrets.ts";

export interface StaffSession extends StaffSessionView {
  staffId: string;
  org: StaffSessionView["org"] & { id: string };
}

/**
 * The scan page's signed-in staff member behind a cookie, with their organisation as it stands now;
 * STAFF_SIGNED_OUT once the session ended, expired, sat idle STAFF_IDLE_MINUTES, or the account or
 * organisation was disabled. `activity: false` for polling that must not keep a page signed in.
 */
export async function getStaffSession({ db, token, activity = true }: { db: Db; token: string | undefined; activity?: boolean }): Promise<StaffSession> {
  const [row] = token
    ? await db.$queryRaw<{ staff_id: string; nama: string; email: string; org_id: string; legal_name: string; type: VerifierOrgType; purposes: Purpose[]; offline_status_max_minutes: number }[]>`
        WITH touched AS (
          UPDATE app.verifier_session SET last_seen_at = CASE WHEN ${activity} THEN now() ELSE last_seen_at END
          WHERE token_hash = ${hashToken(token)} AND ended_at IS NULL AND expires_at > now() AND passkey_verified_at IS NOT NULL
            AND last_seen_at > now() - make_interval(mins => ${STAFF_IDLE_MINUTES})
          RETURNING staff_id
        )
        SELECT s.id AS staff_id, s.nama, s.email, o.id AS org_id, o.legal_name, o.type::text AS type, o.purposes, o.offline_status_max_minutes
          FROM touched t JOIN app.verifier_staff s ON s.id = t.staff_id JOIN app.verifier_org o ON o.id = s.org_id
         WHERE s.disabled_at IS NULL AND o.status = 'APPROVED'`
    : [];
  if (!row) throw new AppError("STAFF_SIGNED_OUT");
  const branches = await db.verifierBranch.findMany({ where: { orgId: row.org_id }, select: { name: true, city: true }, orderBy: { name: "asc" } });
  return {
    staffId: row.staff_id,
    staff: { nama: row.nama, email: row.email },
    org: { id: row.org_id, legalName: row.legal_name, type: row.type, purposes: row.purposes, offlineStatusMaxMinutes: row.offline_status_max_minutes },
    branches,
  };
}

export async function signOutStaff({ db, token }: { db: Db; token: string | undefined }): Promise<void> {
  if (!token) return;
  await db.verifierSession.updateMany({ where: { tokenHash: hashToken(token), endedAt: null }, data: { endedAt: new Date() } });
}
