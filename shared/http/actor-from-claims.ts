import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { type Actor, type Role, roles } from "../domain/actor";

/**
 * The actor, from the claims the JWT authorizer verified. API Gateway passes array claims as a
 * string like "[officer applicant]"; the local server passes the same shape.
 */
export function actorFromClaims(event: APIGatewayProxyEventV2WithJWTAuthorizer): Actor | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims?.sub) return undefined;
  const actor: Actor = { userId: String(claims.sub), roles: parseGroups(claims["cognito:groups"]) };
  const agencyId = claims["custom:agencyId"];
  if (agencyId) actor.agencyId = String(agencyId);
  if (claims.email) actor.email = String(claims.email);
  if (claims.name) actor.name = String(claims.name);
  return actor;
}

function parseGroups(value: unknown): Role[] {
  const list = Array.isArray(value)
    ? value.map(String)
    : String(value ?? "")
        .replace(/^\[|\]$/g, "")
        .split(/[\s,]+/);
  return list.filter((g): g is Role => (roles as readonly string[]).includes(g));
}
