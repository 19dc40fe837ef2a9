-- CreateEnum
CREATE TYPE "app"."issuer_key_use" AS ENUM ('IDENTITY', 'RECEIPT');

-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "locked_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "app"."issuer_key" (
    "kid" VARCHAR(16) NOT NULL,
    "use" "app"."issuer_key_use" NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_key_sealed" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activates_at" TIMESTAMPTZ(3) NOT NULL,
    "retires_at" TIMESTAMPTZ(3),
    "publish_until" TIMESTAMPTZ(3),

    CONSTRAINT "issuer_key_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "app"."credential_batch" (
    "id" BYTEA NOT NULL,
    "registration_id" UUID NOT NULL,
    "offline" BOOLEAN NOT NULL,
    "status_list" INTEGER NOT NULL,
    "status_idx" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "credential_batch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "issuer_key_use_activates_at_idx" ON "app"."issuer_key"("use", "activates_at");

-- CreateIndex
CREATE INDEX "credential_batch_registration_id_expires_at_idx" ON "app"."credential_batch"("registration_id", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "credential_batch_status_list_status_idx_key" ON "app"."credential_batch"("status_list", "status_idx");

-- AddForeignKey
ALTER TABLE "app"."credential_batch" ADD CONSTRAINT "credential_batch_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
