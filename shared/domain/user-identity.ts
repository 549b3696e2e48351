/** A sign-in identity as the identity provider (the Cognito user pool) knows it. */
export interface UserIdentity {
  userId: string;
  /** The agency the user belongs to; none for applicants. */
  agencyId: string | undefined;
  email: string | undefined;
  enabled: boolean;
}
