-- DropIndex
DROP INDEX "app"."verification_reported_at_idx";

-- CreateIndex
CREATE INDEX "verification_reported_at_idx" ON "app"."verification"("reported_at") WHERE (reported_at IS NOT NULL);
