-- CreateEnum
CREATE TYPE "app"."counter_decision" AS ENUM ('APPROVED', 'REFUSED');

-- AlterEnum
ALTER TYPE "app"."registration_step" ADD VALUE 'REFUSED';

-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "counter_session_id" UUID,
ADD COLUMN     "scanned_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "app"."officer" (
    "id" UUID NOT NULL,
    "nip" CHAR(18) NOT NULL,
    "nama" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(128) NOT NULL,
    "failed_logins" SMALLINT NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."counter" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(120) NOT NULL,

    CONSTRAINT "counter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."counter_session" (
    "id" UUID NOT NULL,
    "officer_id" UUID NOT NULL,
    "counter_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "counter_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."counter_qr" (
    "id" UUID NOT NULL,
    "counter_session_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by" UUID,

    CONSTRAINT "counter_qr_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."activation_record" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "officer_id" UUID NOT NULL,
    "counter_id" UUID NOT NULL,
    "counter_session_id" UUID NOT NULL,
    "decision" "app"."counter_decision" NOT NULL,
    "reason" VARCHAR(500),
    "device_key_thumbprint" VARCHAR(64) NOT NULL,
    "match_score" REAL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signature" TEXT NOT NULL,

    CONSTRAINT "activation_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."citizen_session" (
    "id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "challenge" VARCHAR(128),
    "registration_id" UUID,
    "passkey_verified_at" TIMESTAMPTZ(3),
    "pin_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "citizen_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "officer_nip_key" ON "app"."officer"("nip");

-- CreateIndex
CREATE UNIQUE INDEX "counter_code_key" ON "app"."counter"("code");

-- CreateIndex
CREATE UNIQUE INDEX "counter_session_token_hash_key" ON "app"."counter_session"("token_hash");

-- CreateIndex
CREATE INDEX "counter_session_officer_id_idx" ON "app"."counter_session"("officer_id");

-- CreateIndex
CREATE INDEX "counter_qr_counter_session_id_issued_at_idx" ON "app"."counter_qr"("counter_session_id", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "activation_record_registration_id_key" ON "app"."activation_record"("registration_id");

-- CreateIndex
CREATE INDEX "activation_record_officer_id_decided_at_idx" ON "app"."activation_record"("officer_id", "decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "citizen_session_token_hash_key" ON "app"."citizen_session"("token_hash");

-- CreateIndex
CREATE INDEX "citizen_session_registration_id_idx" ON "app"."citizen_session"("registration_id");

-- CreateIndex
CREATE INDEX "registration_counter_session_id_idx" ON "app"."registration"("counter_session_id");

-- AddForeignKey
ALTER TABLE "app"."registration" ADD CONSTRAINT "registration_counter_session_id_fkey" FOREIGN KEY ("counter_session_id") REFERENCES "app"."counter_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."counter_session" ADD CONSTRAINT "counter_session_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "app"."officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."counter_session" ADD CONSTRAINT "counter_session_counter_id_fkey" FOREIGN KEY ("counter_id") REFERENCES "app"."counter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."counter_qr" ADD CONSTRAINT "counter_qr_counter_session_id_fkey" FOREIGN KEY ("counter_session_id") REFERENCES "app"."counter_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."activation_record" ADD CONSTRAINT "activation_record_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."activation_record" ADD CONSTRAINT "activation_record_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "app"."officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."activation_record" ADD CONSTRAINT "activation_record_counter_id_fkey" FOREIGN KEY ("counter_id") REFERENCES "app"."counter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."activation_record" ADD CONSTRAINT "activation_record_counter_session_id_fkey" FOREIGN KEY ("counter_session_id") REFERENCES "app"."counter_session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."citizen_session" ADD CONSTRAINT "citizen_session_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
