import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbOfficerDirectory } from "../../shared/adapters/dynamodb/officer-directory";
import { officerDirectory } from "../../shared/adapters/providers/officer-directory";
import { allLicenseTypes } from "../../shared/catalog";
import { DomainError } from "../../shared/domain/errors";
import type { OfficerAccount } from "../../shared/domain/officers/officer-account";
import type { OfficerDirectory } from "../../shared/ports/officer-directory";
import { type DemoUser, demoUsers } from "./demo-users";

/** Who seeded the demo accounts, in `updatedBy`: no person did. */
export const seededBy = "local-seed";

/**
 * The officer directory on the local table, installed for the handlers, with an account for every
 * demo officer. Idempotent: an account already there is kept as it is, so what a supervisor changed
 * survives `npm start` without `--fresh`.
 */
export async function installOfficerDirectory(
  db: DynamoDBDocumentClient,
  tableName: string,
  now = new Date(),
): Promise<OfficerDirectory> {
  const directory = new DynamoDbOfficerDirectory(db, tableName);
  officerDirectory.use(directory);
  await seedOfficers(directory, now);
  return directory;
}

export async function seedOfficers(
  directory: OfficerDirectory,
  now: Date,
  users: readonly DemoUser[] = demoUsers,
): Promise<number> {
  let created = 0;
  for (const user of users) {
    const account = demoAccount(user, now);
    if (!account || (await directory.get(account.agencyId, account.userId))) continue;
    try {
      await directory.put(account);
      created++;
    } catch (error) {
      // Another process seeding the same table at the same moment got there first: that is fine.
      if (!(error instanceof DomainError && error.code === "CONCURRENT_MODIFICATION")) throw error;
    }
  }
  return created;
}

export function demoAccount(user: DemoUser, now: Date): OfficerAccount | undefined {
  if (!user.officerAccount || !user.agencyId) return undefined;
  const { nationalId, assigned, supervisor = false } = user.officerAccount;
  const at = now.toISOString();
  return {
    userId: user.sub,
    nationalId,
    email: user.email,
    agencyId: user.agencyId,
    licenseTypeIds:
      assigned === "all"
        ? allLicenseTypes()
            .filter((t) => t.agencyId === user.agencyId)
            .map((t) => t.id)
            .sort()
        : [],
    supervisor,
    active: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: seededBy,
  };
}
