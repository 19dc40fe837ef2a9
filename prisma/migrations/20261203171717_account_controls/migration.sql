-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "lost_reported_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "app"."citizen_session" ADD COLUMN     "challenge_expires_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "app"."lost_phone_link" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "lost_phone_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lost_phone_link_token_hash_key" ON "app"."lost_phone_link"("token_hash");

-- CreateIndex
CREATE INDEX "lost_phone_link_registration_id_sent_at_idx" ON "app"."lost_phone_link"("registration_id", "sent_at");

-- CreateIndex
CREATE INDEX "audit_event_registration_id_at_idx" ON "app"."audit_event"("registration_id", "at");

-- AddForeignKey
ALTER TABLE "app"."lost_phone_link" ADD CONSTRAINT "lost_phone_link_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
