import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";

/** The id of an organisation's branch by its name (any case); an unknown name is refused. */
export async function getBranchId({ db, orgId, name }: { db: Db; orgId: string; name: string }): Promise<string> {
  const branch = await db.verifierBranch.findFirst({ where: { orgId, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (!branch) throw new AppError("BRANCH_UNKNOWN", { field: "branch" });
  return branch.id;
}
