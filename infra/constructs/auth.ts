import { Aws, Duration, type RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import type { Role } from "../../shared/domain/actor";
import { acknowledge } from "./nag";

export interface AuthProps {
  stage: string;
  isDev: boolean;
  removalPolicy: RemovalPolicy;
  /** SPA origins; `<origin>/auth/callback` becomes an OAuth redirect URL. */
  allowedOrigins: string[];
  /** Cognito hosted domain prefix (globally unique per region). */
  domainPrefix?: string;
}

/** The Cognito groups the API's access policy reads from `cognito:groups` (shared/domain/actor.ts). */
export const userGroups = [
  "applicant",
  "officer",
  "agency-admin",
  "opdc-admin",
] as const satisfies readonly Role[];

/**
 * Cognito user pool: applicants sign themselves up with their e-mail; officers and admins are created
 * and put in their group (and `custom:agencyId`) by an administrator. One public SPA client that
 * signs in with the authorization code grant and PKCE, no client secret.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const production = !props.isDev;

    this.userPool = new UserPool(this, "UserPool", {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: { agencyId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier (threat protection: adaptive authentication, compromised-credential checks) on every
      // stage that holds real users; dev stays on Essentials to keep a throw-away pool free.
      featurePlan: production ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(production ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: production,
      removalPolicy: props.removalPolicy,
    });
    if (!production)
      acknowledge(
        this.userPool,
        "AwsSolutions-COG8",
        "dev pool holds test users only; Plus tier (threat protection) is enabled on every other stage.",
      );
    acknowledge(
      this.userPool,
      "AwsSolutions-COG2",
      "Applicants self-register with e-mail; forcing TOTP on every citizen would block the service for many of them. MFA (TOTP) is offered to all users and the pool's Plus-tier threat protection (non-dev) challenges risky sign-ins.",
    );

    userGroups.forEach((groupName, precedence) => {
      this.userPool.addGroup(`Group-${groupName}`, {
        groupName,
        precedence: (userGroups.length - precedence) * 10,
      });
    });

    const callbackUrls = callbackUrlsFor(props.allowedOrigins, "/auth/callback");
    const logoutUrls = callbackUrlsFor(props.allowedOrigins, "/");
    this.client = this.userPool.addClient("SpaClient", {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls,
        logoutUrls,
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // The SPA may read agencyId but never write it: only an administrator assigns an officer's agency.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes("agencyId"),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    this.domain = this.userPool.addDomain("Domain", {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `bizportal-${props.stage}-${Aws.ACCOUNT_ID}` },
    });
  }
}

/** Redirect URLs of the SPA: every configured origin, plus the local dev server when origins are open. */
function callbackUrlsFor(origins: string[], path: string): string[] {
  const concrete = origins.filter((o) => o !== "*").map((o) => `${o.replace(/\/$/, "")}${path}`);
  return concrete.length > 0 ? concrete : [`http://localhost:5173${path}`];
}
