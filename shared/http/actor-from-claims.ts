import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { type Actor, type Role, roles } from "../domain/actor";
import { problems } from "../domain/errors";

/**
 * The actor, from the claims the JWT authorizer verified. API Gateway passes array claims as a
 * string like "[officer applicant]"; the local server passes the same shape.
 *
 * The authorizer checks signature, issuer, audience and the expiry it finds, but it cannot tell an
 * ID token from an access token (both are signed by the pool; an access token's `client_id` passes
 * as the audience) and it does not insist that `exp` is present. The API reads identity claims
 * (e-mail, agency) that only an ID token carries, so anything else is refused here, in the same code
 * locally and deployed: 401, as if the authorizer had refused it.
 */
export function actorFromClaims(event: APIGatewayProxyEventV2WithJWTAuthorizer): Actor | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims?.sub) return undefined;
  assertIdToken(claims);
  const actor: Actor = { userId: String(claims.sub), roles: parseGroups(claims["cognito:groups"]) };
  const agencyId = claims["custom:agencyId"];
  if (agencyId) actor.agencyId = String(agencyId);
  if (claims.email) actor.email = String(claims.email);
  if (claims.name) actor.name = String(claims.name);
  return actor;
}

function assertIdToken(claims: Record<string, unknown>): void {
  if (claims.token_use !== "id")
    throw problems.unauthenticated({
      en: `Sign in with an ID token (token_use "id"), not ${claims.token_use ? `an ${String(claims.token_use)} token` : "a token without token_use"}`,
      th: 'กรุณาเข้าสู่ระบบด้วย ID token (token_use "id") เท่านั้น',
    });
  // API Gateway passes claims as strings: "1767225600".
  const exp = Number(claims.exp);
  if (claims.exp === undefined || claims.exp === "" || !Number.isFinite(exp))
    throw problems.unauthenticated({
      en: "The token has no expiry (exp): it would be valid for ever",
      th: "โทเคนไม่มีวันหมดอายุ (exp) จึงใช้ไม่ได้",
    });
}

function parseGroups(value: unknown): Role[] {
  const list = Array.isArray(value)
    ? value.map(String)
    : String(value ?? "")
        .replace(/^\[|\]$/g, "")
        .split(/[\s,]+/);
  return list.filter((g): g is Role => (roles as readonly string[]).includes(g));
}
