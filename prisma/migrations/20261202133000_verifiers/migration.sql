-- CreateEnum
CREATE TYPE "app"."verifier_org_type" AS ENUM ('BANK', 'AIRLINE_AIRPORT', 'HOSPITAL', 'HOTEL', 'TELCO', 'GOVERNMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "app"."verifier_org_status" AS ENUM ('PENDING', 'APPROVED', 'REFUSED', 'SUSPENDED');

-- CreateTable
CREATE TABLE "app"."verifier_org" (
    "id" UUID NOT NULL,
    "legal_name" VARCHAR(200) NOT NULL,
    "registration_number" VARCHAR(64) NOT NULL,
    "type" "app"."verifier_org_type" NOT NULL,
    "purposes" TEXT[],
    "status" "app"."verifier_org_status" NOT NULL DEFAULT 'PENDING',
    "decision_reason" VARCHAR(500),
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "contact_email" VARCHAR(254) NOT NULL,
    "offline_status_max_minutes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verifier_org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."verifier_branch" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "city" VARCHAR(80) NOT NULL,

    CONSTRAINT "verifier_branch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."verifier_api_key" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "purposes" TEXT[],
    "label" VARCHAR(80) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "verifier_api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."presentation_use" (
    "pid" BYTEA NOT NULL,
    "org_id" UUID NOT NULL,
    "first_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "presentation_use_pkey" PRIMARY KEY ("pid")
);

-- CreateTable
CREATE TABLE "app"."verification" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "branch_id" UUID,
    "api_key_id" UUID,
    "registration_id" UUID,
    "pid" BYTEA,
    "asked_purpose" VARCHAR(16) NOT NULL,
    "shared_purpose" VARCHAR(16),
    "verdict" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(40),
    "fields" TEXT[],
    "receipt" TEXT,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reported_at" TIMESTAMPTZ(3),

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "verifier_org_registration_number_key" ON "app"."verifier_org"("registration_number");

-- CreateIndex
CREATE UNIQUE INDEX "verifier_branch_org_id_name_key" ON "app"."verifier_branch"("org_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "verifier_api_key_prefix_key" ON "app"."verifier_api_key"("prefix");

-- CreateIndex
CREATE INDEX "presentation_use_expires_at_idx" ON "app"."presentation_use"("expires_at");

-- CreateIndex
CREATE INDEX "verification_registration_id_at_idx" ON "app"."verification"("registration_id", "at");

-- CreateIndex
CREATE INDEX "verification_org_id_at_idx" ON "app"."verification"("org_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "verification_org_id_pid_key" ON "app"."verification"("org_id", "pid");

-- AddForeignKey
ALTER TABLE "app"."verifier_branch" ADD CONSTRAINT "verifier_branch_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "app"."verifier_org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."verifier_api_key" ADD CONSTRAINT "verifier_api_key_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "app"."verifier_org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."verification" ADD CONSTRAINT "verification_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "app"."verifier_org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."verification" ADD CONSTRAINT "verification_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "app"."verifier_branch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
