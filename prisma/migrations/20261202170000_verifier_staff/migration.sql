-- AlterTable
ALTER TABLE "app"."verification" ADD COLUMN     "staff_id" UUID;

-- CreateTable
CREATE TABLE "app"."verifier_staff" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "nama" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(128) NOT NULL,
    "failed_logins" SMALLINT NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verifier_staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."verifier_staff_passkey" (
    "id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "credential_id" VARCHAR(1024) NOT NULL,
    "public_key" BYTEA NOT NULL,
    "sign_count" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verifier_staff_passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app"."verifier_session" (
    "id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "challenge" VARCHAR(128),
    "passkey_verified_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "verifier_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "verifier_staff_email_key" ON "app"."verifier_staff"("email");

-- CreateIndex
CREATE INDEX "verifier_staff_org_id_idx" ON "app"."verifier_staff"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "verifier_staff_passkey_credential_id_key" ON "app"."verifier_staff_passkey"("credential_id");

-- CreateIndex
CREATE INDEX "verifier_staff_passkey_staff_id_idx" ON "app"."verifier_staff_passkey"("staff_id");

-- CreateIndex
CREATE UNIQUE INDEX "verifier_session_token_hash_key" ON "app"."verifier_session"("token_hash");

-- CreateIndex
CREATE INDEX "verifier_session_staff_id_idx" ON "app"."verifier_session"("staff_id");

-- AddForeignKey
ALTER TABLE "app"."verifier_staff" ADD CONSTRAINT "verifier_staff_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "app"."verifier_org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."verifier_staff_passkey" ADD CONSTRAINT "verifier_staff_passkey_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "app"."verifier_staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app"."verifier_session" ADD CONSTRAINT "verifier_session_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "app"."verifier_staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

