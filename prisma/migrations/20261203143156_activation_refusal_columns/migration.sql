-- A refusal's reason and the officer's note become two columns (issue 12, item 7). They were one
-- string, "REASON" or "REASON: note", split back by parseRefusal.
CREATE TYPE "app"."refusal_reason" AS ENUM ('FACE_MISMATCH', 'NOT_PRESENT', 'DOCUMENT_DOUBT', 'SYNCED_PASSKEY', 'OTHER');

ALTER TABLE "app"."activation_record"
ADD COLUMN     "refusal_note" VARCHAR(500),
ADD COLUMN     "refusal_reason" "app"."refusal_reason";

-- Existing refusals keep what they said: an unknown reason becomes OTHER with the text as its note.
UPDATE "app"."activation_record"
SET "refusal_reason" = CASE WHEN split_part("reason", ': ', 1) IN ('FACE_MISMATCH', 'NOT_PRESENT', 'DOCUMENT_DOUBT', 'SYNCED_PASSKEY', 'OTHER')
                            THEN split_part("reason", ': ', 1)::"app"."refusal_reason" ELSE 'OTHER' END,
    "refusal_note" = CASE WHEN split_part("reason", ': ', 1) IN ('FACE_MISMATCH', 'NOT_PRESENT', 'DOCUMENT_DOUBT', 'SYNCED_PASSKEY', 'OTHER')
                          THEN NULLIF(substr("reason", length(split_part("reason", ': ', 1)) + 3), '')
                          ELSE left("reason", 500) END
WHERE "decision" = 'REFUSED';

ALTER TABLE "app"."activation_record" DROP COLUMN "reason";

ALTER TABLE "app"."activation_record" ADD CONSTRAINT "activation_record_refusal_reason_check"
  CHECK (("decision" = 'REFUSED') = ("refusal_reason" IS NOT NULL));
