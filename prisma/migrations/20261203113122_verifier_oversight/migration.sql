-- CreateEnum
CREATE TYPE "app"."officer_role" AS ENUM ('COUNTER', 'SUPERVISOR', 'ADMIN');

-- AlterTable
ALTER TABLE "app"."officer" ADD COLUMN     "role" "app"."officer_role" NOT NULL DEFAULT 'COUNTER';

-- AlterTable
ALTER TABLE "app"."verification" ADD COLUMN     "report_closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "report_closed_by" UUID,
ADD COLUMN     "report_note" VARCHAR(500),
ADD COLUMN     "report_outcome" VARCHAR(500);

-- CreateIndex
CREATE INDEX "verification_reported_at_idx" ON "app"."verification"("reported_at");
