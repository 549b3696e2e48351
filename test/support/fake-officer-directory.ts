import { problems } from "../../shared/domain/errors";
import type { OfficerAccount } from "../../shared/domain/officers/officer-account";
import type { OfficerDirectory } from "../../shared/ports/officer-directory";

/** The OfficerDirectory port in memory, with the adapter's conditions (version lock, unique national ID). */
export class FakeOfficerDirectory implements OfficerDirectory {
  readonly accounts = new Map<string, OfficerAccount>();
  readonly puts: OfficerAccount[] = [];
  gets = 0;

  constructor(accounts: OfficerAccount[] = []) {
    for (const a of accounts) this.accounts.set(key(a.agencyId, a.userId), structuredClone(a));
  }

  async get(agencyId: string, userId: string): Promise<OfficerAccount | undefined> {
    this.gets++;
    const found = this.accounts.get(key(agencyId, userId));
    return found && structuredClone(found);
  }

  async put(account: OfficerAccount, previous?: OfficerAccount): Promise<void> {
    const stored = this.accounts.get(key(account.agencyId, account.userId));
    if (previous ? stored?.version !== previous.version : stored) throw problems.officerAccountChanged();
    const holder = [...this.accounts.values()].find(
      (a) => a.agencyId === account.agencyId && a.nationalId === account.nationalId,
    );
    if (holder && holder.userId !== account.userId) throw problems.nationalIdInUse();
    this.accounts.set(key(account.agencyId, account.userId), structuredClone(account));
    this.puts.push(structuredClone(account));
  }

  async listByAgency(agencyId: string): Promise<OfficerAccount[]> {
    return [...this.accounts.values()]
      .filter((a) => a.agencyId === agencyId)
      .sort((a, b) => a.userId.localeCompare(b.userId))
      .map((a) => structuredClone(a));
  }
}

function key(agencyId: string, userId: string): string {
  return `${agencyId}/${userId}`;
}

/** An account of อบต.คลองด่าน assigned the food-premises type, active, not a supervisor. */
export function accountOf(userId: string, overrides: Partial<OfficerAccount> = {}): OfficerAccount {
  return {
    userId,
    nationalId: "3101200123453",
    email: `${userId}@khlongdan.go.th`,
    agencyId: "sao-khlong-dan",
    licenseTypeIds: ["food-premises-over-200sqm-klong-dan"],
    supervisor: false,
    active: true,
    version: 1,
    createdAt: "2026-03-01T02:00:00.000Z",
    updatedAt: "2026-03-01T02:00:00.000Z",
    updatedBy: "seed",
    ...overrides,
  };
}
