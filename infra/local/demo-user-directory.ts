import type { UserDirectory, UserIdentity } from "../../shared/ports/user-directory";
import { type DemoUser, demoUsers } from "./demo-users";

/** The user pool's stand-in: the demo users, with the agency Cognito's `custom:agencyId` would hold. */
export class DemoUserDirectory implements UserDirectory {
  constructor(private readonly users: readonly DemoUser[] = demoUsers) {}

  async find(userId: string): Promise<UserIdentity | undefined> {
    const user = this.users.find((u) => u.sub === userId);
    return user && { userId, agencyId: user.agencyId, email: user.email, enabled: true };
  }
}
