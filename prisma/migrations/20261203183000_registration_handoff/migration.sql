-- "Lanjutkan di ponsel" (issue 13, decision 026): one-time codes that move a registration at the selfie to a phone.
-- CreateTable
CREATE TABLE "app"."registration_handoff" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "registration_handoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registration_handoff_code_hash_key" ON "app"."registration_handoff"("code_hash");

-- CreateIndex
CREATE INDEX "registration_handoff_registration_id_created_at_idx" ON "app"."registration_handoff"("registration_id", "created_at");

-- AddForeignKey
ALTER TABLE "app"."registration_handoff" ADD CONSTRAINT "registration_handoff_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
