import type { Role } from "../../shared/domain/actor";
import type { RoleDirectory } from "../../shared/ports/notifier";
import type { UserDirectory, UserIdentity } from "../../shared/ports/user-directory";
import { type DemoUser, demoUsers } from "./demo-users";

/** The user pool's stand-in: the demo users, with the agency Cognito's `custom:agencyId` would hold. */
export class DemoUserDirectory implements UserDirectory, RoleDirectory {
  constructor(private readonly users: readonly DemoUser[] = demoUsers) {}

  async find(userId: string): Promise<UserIdentity | undefined> {
    const user = this.users.find((u) => u.sub === userId);
    return user && { userId, agencyId: user.agencyId, email: user.email, enabled: true };
  }

  async members(role: Role): Promise<string[]> {
    return this.users.filter((u) => u.groups.includes(role)).map((u) => u.sub);
  }
}
