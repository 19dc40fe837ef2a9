-- AlterTable
ALTER TABLE "app"."registration" ADD COLUMN     "pin_hash" VARCHAR(128);
