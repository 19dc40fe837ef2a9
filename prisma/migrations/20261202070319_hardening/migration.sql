-- CreateEnum
CREATE TYPE "app"."audit_actor" AS ENUM ('CITIZEN', 'OFFICER', 'VERIFIER', 'SYSTEM');

-- AlterEnum
ALTER TYPE "app"."registration_step" ADD VALUE 'CANCELLED';

-- DropIndex
DROP INDEX "app"."registration_one_open_per_nik";

-- AlterTable
ALTER TABLE "app"."counter" ADD COLUMN     "kabupaten_kode" CHAR(5);

-- AlterTable
ALTER TABLE "app"."counter_session" ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "app"."officer" ADD COLUMN     "kabupaten_kode" CHAR(5);

-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "selfie_uploads" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "user_agent" VARCHAR(300);

-- CreateTable
CREATE TABLE "app"."rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "app"."audit_event" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "app"."audit_actor" NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "nik" CHAR(16),
    "registration_id" UUID,
    "counter_id" UUID,
    "note" VARCHAR(500),
    "request_id" VARCHAR(64),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_event_nik_at_idx" ON "app"."audit_event"("nik", "at");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_at_idx" ON "app"."audit_event"("actor_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "registration_one_past_selfie_per_nik" ON "app"."registration"("nik") WHERE (step > 'SELFIE' AND step < 'COUNTER_REQUIRED');

-- CreateIndex
CREATE UNIQUE INDEX "registration_one_active_per_nik" ON "app"."registration"("nik") WHERE (step = 'ACTIVE');

-- Data: counters and officers from before this migration are the demo ones, placed in their Dinas.
UPDATE "app"."counter" SET "kabupaten_kode" = '64.72' WHERE "code" LIKE 'SMD-%';
UPDATE "app"."counter" SET "kabupaten_kode" = '13.71' WHERE "code" LIKE 'PDG-%';
UPDATE "app"."officer" SET "kabupaten_kode" = '64.72' WHERE "nip" = '198703152010012001';
UPDATE "app"."officer" SET "kabupaten_kode" = '13.71' WHERE "nip" = '199001022015011003';
