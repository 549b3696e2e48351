/** Who is acting, as the identity provider (Cognito, or the local issuer) asserts it. */
export const roles = ["applicant", "officer", "agency-admin", "opdc-admin", "local-operator"] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  userId: string;
  roles: Role[];
  /** Officers and agency admins belong to exactly one agency. */
  agencyId?: string;
  email?: string;
  name?: string;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}
