import type { Context } from "aws-lambda";
import type { ApiEvent } from "../../shared/http/api-handler";

type Claims = Record<string, string | number | boolean | string[]>;

/** What every Cognito ID token carries, as API Gateway passes it on (numbers as strings). */
const idToken: Claims = { token_use: "id", exp: "1772424000" };

/** A hand-made API Gateway HTTP API (v2) event, as the JWT authorizer passes it on. */
export function apiEvent(init: {
  method?: string;
  path?: string;
  body?: string;
  isBase64Encoded?: boolean;
  claims?: Claims | null;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
}): ApiEvent {
  const method = init.method ?? "POST";
  const path = init.path ?? "/applications";
  const event: ApiEvent = {
    version: "2.0",
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: "",
    headers: { "content-type": "application/json" },
    isBase64Encoded: init.isBase64Encoded ?? false,
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "api.example.go.th",
      domainPrefix: "api",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "vitest" },
      requestId: "req-1",
      routeKey: `${method} ${path}`,
      stage: "$default",
      time: "02/Mar/2026:03:00:00 +0000",
      timeEpoch: 1772420400000,
      authorizer: {
        principalId: "",
        integrationLatency: 0,
        jwt: {
          claims:
            init.claims === null
              ? {}
              : { ...idToken, ...(init.claims ?? { sub: "applicant-1", "cognito:groups": "[applicant]" }) },
          scopes: [],
        },
      },
    },
  };
  if (init.body !== undefined) event.body = init.body;
  if (init.pathParameters) event.pathParameters = init.pathParameters;
  if (init.queryStringParameters) event.queryStringParameters = init.queryStringParameters;
  return event;
}

export const context = { awsRequestId: "aws-req-42", functionName: "api" } as Context;
