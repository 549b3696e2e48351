/**
 * The routes manifest: one list read by CDK (HTTP API routes, one Lambda per handler) and by the
 * local HTTP server (which turns requests into API Gateway HTTP API v2 events for the same handlers).
 */
export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** API Gateway route path with {param} segments. */
  path: string;
  /** Handler module (exports `handler`), relative to the project root. */
  entry: string;
  /** jwt: the JWT authorizer must accept the bearer token; none: public. */
  auth: "jwt" | "none";
  /** What the handler needs from AWS, for least-privilege grants in CDK. */
  needs: Need[];
}

/**
 * Every API function's timeout. No request waits on a workflow (an action commits the step's outcome
 * and answers; the workflow takes it when it gets there), so a few DynamoDB and S3 calls fit well
 * within it. The local gateway gives handlers the same budget.
 */
export const apiTimeoutSeconds = 10;

/**
 * The bucket is split by who may write where: upload links write only `uploads/`, and only the attach
 * handler, after checking the bytes, writes `documents/` (write-once keys no link ever names).
 */
export type Need =
  | "table:read"
  | "table:write"
  | "uploads:presign"
  | "uploads:read"
  | "documents:write"
  /** Signs short-lived GETs of verified document versions (officers' and applicants' downloads). */
  | "documents:read"
  | "workflow:start"
  | "workflow:callback"
  /** Publishes the notice of a step's outcome (fix requests, decisions) when it commits. */
  | "notices:publish"
  | "users:read";

const api = (
  method: ApiRoute["method"],
  path: string,
  file: string,
  auth: ApiRoute["auth"],
  needs: Need[] = [],
): ApiRoute => ({ method, path, entry: `functions/api/${file}.ts`, auth, needs });

export const apiRoutes: readonly ApiRoute[] = [
  api("GET", "/health", "health", "none"),
  api("GET", "/openapi.json", "openapi", "none"),
  // The event catalog agencies' systems receive by webhook (issue 17), as AsyncAPI 3.0.
  api("GET", "/asyncapi.json", "asyncapi", "none"),
  api("GET", "/catalog/license-types", "catalog/list-license-types", "none"),
  api("GET", "/catalog/license-types/{id}", "catalog/get-license-type", "none"),
  // The license finder (Smart Quiz, issue 16 §1): public, reads only bundled data and the catalog.
  api("GET", "/catalog/business-types", "catalog/list-business-types", "none"),
  api("GET", "/finder/questions", "finder/get-questions", "none"),
  api("POST", "/finder", "finder/find-licenses", "none"),
  api("GET", "/licenses/{number}/verify", "licenses/verify-license", "none", ["table:read"]),
  api("POST", "/applications", "applications/create-application", "jwt", ["table:write"]),
  api("GET", "/applications", "applications/list-applications", "jwt", ["table:read"]),
  api("GET", "/applications/{id}", "applications/get-application", "jwt", ["table:read"]),
  api("PATCH", "/applications/{id}", "applications/update-application", "jwt", ["table:write"]),
  api("GET", "/applications/{id}/history", "applications/get-history", "jwt", ["table:read"]),
  api("GET", "/applications/{id}/license", "applications/get-license", "jwt", ["table:read"]),
  api("POST", "/applications/{id}/documents", "documents/presign-document", "jwt", [
    "table:write",
    "uploads:presign",
  ]),
  api("PUT", "/applications/{id}/documents/{documentKey}", "documents/attach-document", "jwt", [
    "table:write",
    "uploads:read",
    "documents:write",
  ]),
  // Issue 16: documents held once, the checklist, and downloads written to the history.
  api("GET", "/documents", "documents/list-held-documents", "jwt", ["table:read"]),
  api("GET", "/applications/{id}/documents", "documents/document-checklist", "jwt", ["table:read"]),
  api("GET", "/applications/{id}/documents/{documentKey}/content", "documents/download-document", "jwt", [
    "table:write",
    "documents:read",
  ]),
  api("POST", "/applications/{id}/submit", "applications/submit-application", "jwt", [
    "table:write",
    "workflow:start",
  ]),
  api("POST", "/applications/{id}/fixes", "applications/submit-fix", "jwt", [
    "table:write",
    "workflow:callback",
    "notices:publish",
  ]),
  api(
    "POST",
    "/applications/{id}/fix-request/acknowledgement",
    "applications/acknowledge-fix-request",
    "jwt",
    ["table:write"],
  ),
  api("POST", "/applications/{id}/withdraw", "applications/withdraw-application", "jwt", [
    "table:write",
    "workflow:callback",
    "notices:publish",
  ]),
  // A business's profile, its one form for many licenses and Smart Track (issue 16).
  api("POST", "/businesses", "businesses/create-business", "jwt", ["table:write"]),
  api("GET", "/businesses", "businesses/list-businesses", "jwt", ["table:read"]),
  api("GET", "/businesses/{id}", "businesses/get-business", "jwt", ["table:read"]),
  api("PATCH", "/businesses/{id}", "businesses/update-business", "jwt", ["table:write"]),
  api("POST", "/businesses/{id}/applications", "businesses/apply-for-licenses", "jwt", ["table:write"]),
  api("GET", "/officer/applications", "officer/officer-queue", "jwt", ["table:read"]),
  api("POST", "/officer/applications/{id}/actions", "officer/officer-action", "jwt", [
    "table:write",
    "workflow:callback",
    "notices:publish",
  ]),
  // Officer accounts of the caller's agency: its supervisors and its agency-admin (issue 4).
  api("GET", "/agency/officers", "agency/list-officers", "jwt", ["table:read"]),
  api("PUT", "/agency/officers/{userId}", "agency/put-officer", "jwt", ["table:write", "users:read"]),
  api("POST", "/agency/officers/{userId}/assignments", "agency/reassign-officer", "jwt", ["table:write"]),
  // Each signed-in user's inbox: the notices that reached them (issue 17).
  api("GET", "/notifications", "notifications/list-notifications", "jwt", ["table:read"]),
  api("POST", "/notifications/{id}/read", "notifications/mark-notification-read", "jwt", ["table:write"]),
];
