-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "pin_failures" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "pin_locked_until" TIMESTAMPTZ(3);
