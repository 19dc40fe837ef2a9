import "server-only";
import type { Db } from "@ktp/db";
import { type ActivityEntry, type ActivityKind, AUDIT_ACTIVITY_KINDS } from "../../universal/activity.ts";

/**
 * "Riwayat aktivitas": everything that happened to this person's KTP Digital, newest first. Drawn
 * from the audit records about the NIK or any of its registrations (sign-ins, PIN changes, locks,
 * officers' actions), the activation records, the phone bindings and the verifications. A
 * stranger's registration that an officer cancelled shows as such, never with its e-mail or phone.
 */
export async function listActivity({ db, nik, limit = 200 }: { db: Db; nik: string; limit?: number }): Promise<ActivityEntry[]> {
  const registrations = await db.registration.findMany({
    where: { nik },
    select: {
      id: true,
      device: { select: { id: true, createdAt: true } },
      decision: { select: { id: true, decision: true, decidedAt: true, counter: { select: { name: true } } } },
    },
  });
  const ids = registrations.map((r) => r.id);
  const [events, verifications] = await Promise.all([
    db.auditEvent.findMany({
      where: { OR: [{ nik }, { registrationId: { in: ids } }], action: { in: AUDIT_ACTIVITY_KINDS } },
      orderBy: { at: "desc" },
      take: limit,
      select: { id: true, at: true, action: true, actorType: true, counterId: true, note: true },
    }),
    db.verification.findMany({
      where: { registrationId: { in: ids } },
      orderBy: { at: "desc" },
      take: limit,
      select: { id: true, at: true, verdict: true, reason: true, org: { select: { legalName: true } }, branch: { select: { name: true, city: true } } },
    }),
  ]);
  const counterIds = [...new Set(events.map((e) => e.counterId).filter((id): id is string => id !== null))];
  const counters = new Map((await db.counter.findMany({ where: { id: { in: counterIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));

  const entries: ActivityEntry[] = [
    ...events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.action as ActivityKind,
      actor: e.actorType,
      place: e.counterId ? (counters.get(e.counterId) ?? null) : null,
      // Only the citizen's own notes (the language chosen) are shown; an officer's note stays in the audit trail.
      note: e.action === "citizen.language" ? e.note : null,
      outcome: null,
    })),
    ...registrations.flatMap((r) => [
      ...(r.device ? [{ id: r.device.id, at: r.device.createdAt, kind: "device.bound" as const, actor: "CITIZEN" as const, place: null, note: null, outcome: null }] : []),
      ...(r.decision
        ? [
            {
              id: r.decision.id,
              at: r.decision.decidedAt,
              kind: r.decision.decision === "APPROVED" ? ("activation.approved" as const) : ("activation.refused" as const),
              actor: "OFFICER" as const,
              place: r.decision.counter.name,
              note: null,
              outcome: null,
            },
          ]
        : []),
    ]),
    ...verifications.map((v) => ({
      id: v.id,
      at: v.at,
      kind: "verification" as const,
      actor: "VERIFIER" as const,
      place: v.branch ? `${v.org.legalName}, ${v.branch.name} (${v.branch.city})` : v.org.legalName,
      note: null,
      outcome: v.verdict === "valid" ? "valid" : (v.reason ?? "invalid"),
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
