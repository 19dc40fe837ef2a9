-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "app";

-- CreateEnum
CREATE TYPE "app"."registration_step" AS ENUM ('SELFIE', 'PIN', 'DEVICE', 'COUNTER', 'EMAIL', 'COUNTER_REQUIRED', 'ACTIVE', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "app"."face_decision" AS ENUM ('match', 'review', 'no_match');

-- CreateTable
CREATE TABLE "app"."registration" (
    "id" UUID NOT NULL,
    "nik" CHAR(16) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "phone" VARCHAR(16) NOT NULL,
    "step" "app"."registration_step" NOT NULL DEFAULT 'SELFIE',
    "resume_token_hash" CHAR(64) NOT NULL,
    "selfie_attempts" SMALLINT NOT NULL DEFAULT 0,
    "selfie_encrypted" BYTEA,
    "match_score" REAL,
    "match_decision" "app"."face_decision",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registration_resume_token_hash_key" ON "app"."registration"("resume_token_hash");

-- CreateIndex
CREATE INDEX "registration_nik_idx" ON "app"."registration"("nik");

-- CreateIndex
CREATE UNIQUE INDEX "registration_one_open_per_nik" ON "app"."registration"("nik") WHERE (step < 'ACTIVE');
