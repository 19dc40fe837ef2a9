-- CreateTable
CREATE TABLE "app"."activation_email" (
    "id" UUID NOT NULL,
    "registration_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "activation_email_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "activation_email_token_hash_key" ON "app"."activation_email"("token_hash");

-- CreateIndex
CREATE INDEX "activation_email_registration_id_sent_at_idx" ON "app"."activation_email"("registration_id", "sent_at");

-- AddForeignKey
ALTER TABLE "app"."activation_email" ADD CONSTRAINT "activation_email_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "app"."registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
