-- CreateTable
CREATE TABLE "app"."pin_reset" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "code_attempts" SMALLINT NOT NULL DEFAULT 0,
    "selfie_attempts" SMALLINT NOT NULL DEFAULT 0,
    "face_matched_at" TIMESTAMPTZ(3),
    "match_score" REAL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "pin_reset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pin_reset_session_id_key" ON "app"."pin_reset"("session_id");

-- CreateIndex
CREATE INDEX "pin_reset_registration_id_created_at_idx" ON "app"."pin_reset"("registration_id", "created_at");

-- AddForeignKey
ALTER TABLE "app"."pin_reset" ADD CONSTRAINT "pin_reset_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
