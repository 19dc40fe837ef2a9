import type pg from "pg";

// What must hold for every registration at any moment a crash can leave behind: each step agrees
// with the columns and rows that earlier steps write, so nothing is ever half-written. Each rule
// is a query that returns the rows breaking it.

const PAST_SELFIE = "('PIN','DEVICE','COUNTER','EMAIL','ACTIVE','REFUSED')";
const PAST_PIN = "('DEVICE','COUNTER','EMAIL','ACTIVE','REFUSED')";
const PAST_DEVICE = "('COUNTER','EMAIL','ACTIVE','REFUSED')";
const ENDED = "('SUPERSEDED','CANCELLED')";

export const INVARIANTS: { rule: string; sql: string }[] = [
  {
    rule: "past the selfie without a face decision or an officer's in-person check",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.step IN ${PAST_SELFIE} AND (r.match_decision IS NULL OR r.match_decision = 'no_match')
            AND NOT EXISTS (SELECT 1 FROM app.audit_event a WHERE a.registration_id = r.id AND a.action = 'resident.face_in_person')`,
  },
  {
    rule: "at the selfie with no attempt left (belongs at COUNTER_REQUIRED)",
    sql: `SELECT r.id, r.step FROM app.registration r WHERE r.step = 'SELFIE' AND r.selfie_attempts >= 3`,
  },
  {
    rule: "past the PIN step without a PIN hash",
    sql: `SELECT r.id, r.step FROM app.registration r WHERE r.step IN ${PAST_PIN} AND r.pin_hash IS NULL`,
  },
  {
    rule: "a PIN hash before the PIN step is done",
    sql: `SELECT r.id, r.step FROM app.registration r WHERE r.step IN ('SELFIE','PIN','COUNTER_REQUIRED') AND r.pin_hash IS NOT NULL`,
  },
  {
    rule: "past the device step without a device",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.step IN ${PAST_DEVICE} AND NOT EXISTS (SELECT 1 FROM app.device d WHERE d.registration_id = r.id)`,
  },
  {
    rule: "a device before the device step is done",
    sql: `SELECT r.id, r.step FROM app.registration r JOIN app.device d ON d.registration_id = r.id
          WHERE r.step IN ('SELFIE','PIN','DEVICE','COUNTER_REQUIRED')`,
  },
  {
    rule: "EMAIL or ACTIVE without an APPROVED activation record",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.step IN ('EMAIL','ACTIVE')
            AND NOT EXISTS (SELECT 1 FROM app.activation_record a WHERE a.registration_id = r.id AND a.decision = 'APPROVED')`,
  },
  {
    rule: "REFUSED without a REFUSED activation record",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.step = 'REFUSED'
            AND NOT EXISTS (SELECT 1 FROM app.activation_record a WHERE a.registration_id = r.id AND a.decision = 'REFUSED')`,
  },
  {
    rule: "an activation record whose registration does not show the decision",
    sql: `SELECT r.id, r.step FROM app.registration r JOIN app.activation_record a ON a.registration_id = r.id
          WHERE NOT (r.step IN ${ENDED}
                     OR (a.decision = 'APPROVED' AND r.step IN ('EMAIL','ACTIVE'))
                     OR (a.decision = 'REFUSED' AND r.step = 'REFUSED'))`,
  },
  {
    rule: "a selfie kept after the officer decided",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.selfie_encrypted IS NOT NULL
            AND (r.step IN ('EMAIL','ACTIVE','REFUSED') OR EXISTS (SELECT 1 FROM app.activation_record a WHERE a.registration_id = r.id))`,
  },
  {
    rule: "more than one registration past the selfie for one NIK",
    sql: `SELECT min(r.id::text) AS id, string_agg(r.step::text, ',') AS step FROM app.registration r
          WHERE r.step IN ('PIN','DEVICE','COUNTER','EMAIL','ACTIVE') GROUP BY r.nik HAVING count(*) > 1`,
  },
  {
    rule: "a counter QR with used_at and used_by disagreeing",
    sql: `SELECT q.id, NULL AS step FROM app.counter_qr q WHERE (q.used_at IS NULL) <> (q.used_by IS NULL)`,
  },
  {
    rule: "a used counter QR whose registration never joined a counter",
    sql: `SELECT r.id, r.step FROM app.counter_qr q JOIN app.registration r ON r.id = q.used_by
          WHERE r.counter_session_id IS NULL OR r.scanned_at IS NULL`,
  },
  {
    rule: "a registration at a counter without a QR it used",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.counter_session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app.counter_qr q WHERE q.used_by = r.id)`,
  },
  {
    rule: "a registration at a counter before its device step is done",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.counter_session_id IS NOT NULL AND r.step NOT IN ${PAST_DEVICE} AND r.step NOT IN ${ENDED}`,
  },
  {
    rule: "an activation e-mail for a registration not approved",
    sql: `SELECT DISTINCT r.id, r.step FROM app.activation_email e JOIN app.registration r ON r.id = e.registration_id
          WHERE r.step NOT IN ('EMAIL','ACTIVE') AND r.step NOT IN ${ENDED}`,
  },
  {
    rule: "ACTIVE without a used activation link",
    sql: `SELECT r.id, r.step FROM app.registration r
          WHERE r.step = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM app.activation_email e WHERE e.registration_id = r.id AND e.used_at IS NOT NULL)`,
  },
];

export interface Violation {
  rule: string;
  /** The registration (or counter QR) that breaks it. */
  id: string;
  step: string | null;
}

/** Every row that breaks a rule; an empty list when all hold. */
export async function checkInvariants(client: pg.Pool | pg.Client): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const { rule, sql } of INVARIANTS) {
    const { rows } = await client.query<{ id: string; step: string | null }>(sql);
    for (const row of rows) violations.push({ rule, id: row.id, step: row.step });
  }
  return violations;
}

export const formatViolation = ({ rule, id, step }: Violation) => `${rule}: ${id}${step ? ` (${step})` : ""}`;
