-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "device_challenge" VARCHAR(128),
ADD COLUMN     "device_challenge_expires_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "app"."device" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "credential_id" VARCHAR(1024) NOT NULL,
    "public_key" BYTEA NOT NULL,
    "sign_count" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "backup_eligible" BOOLEAN NOT NULL,
    "backed_up" BOOLEAN NOT NULL,
    "device_key" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "device_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "device_registration_id_key" ON "app"."device"("registration_id");

-- CreateIndex
CREATE UNIQUE INDEX "device_credential_id_key" ON "app"."device"("credential_id");

-- AddForeignKey
ALTER TABLE "app"."device" ADD CONSTRAINT "device_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
