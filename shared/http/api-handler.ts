import middy from "@middy/core";
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import type * as z from "zod/mini";
import type { Actor } from "../domain/actor";
import { problems } from "../domain/errors";
import { type FieldError, fieldErrorsOf, protoKeyErrors, unknownField } from "../domain/field-errors";
import { actorFromClaims } from "./actor-from-claims";
import { problemMiddleware } from "./problem-middleware";

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface ApiRequest<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  actor: Actor;
  /** The client's Idempotency-Key header, if any: a repeat gets the first result. */
  idempotencyKey: string | undefined;
  event: ApiEvent;
}

export interface ApiResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Spec<B, P, Q> {
  body?: z.ZodMiniType<B>;
  params?: z.ZodMiniType<P>;
  query?: z.ZodMiniType<Q>;
  /** false for public routes; otherwise a verified actor is required. */
  authenticated?: boolean;
}

/**
 * The one way to write an HTTP handler: parse and validate with zod, resolve the actor, call the
 * domain, map the result. Errors become problem+json in one middleware, so handlers stay thin.
 */
export function apiHandler<B = undefined, P = Record<string, never>, Q = Record<string, never>>(
  spec: Spec<B, P, Q>,
  handle: (request: ApiRequest<B, P, Q>) => Promise<ApiResult>,
) {
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(problemMiddleware())
    .handler(async (event) => {
      const actor = actorFromClaims(event);
      if (spec.authenticated !== false && !actor) throw problems.unauthenticated();
      const body = parseJsonBody(event);
      const query = event.queryStringParameters ?? {};
      // A handler declares what it reads; what it does not declare is refused, not ignored.
      const request: ApiRequest<B, P, Q> = {
        body: spec.body ? parse(spec.body, body, "body") : assertNoBody(body),
        params: spec.params ? parse(spec.params, event.pathParameters ?? {}, "path") : ({} as P),
        // Public pages (verify, catalog) are reached by links and QR codes that scanners and
        // shorteners decorate with tracking parameters: there, parameters nobody reads are ignored.
        query: spec.query
          ? parse(spec.query, query, "query")
          : spec.authenticated === false
            ? ({} as Q)
            : assertNoQuery(query),
        actor: actor ?? { userId: "anonymous", roles: [] },
        idempotencyKey: idempotencyKeyOf(event),
        event,
      };
      const result = await handle(request);
      return {
        statusCode: result.status ?? 200,
        headers: { "content-type": "application/json; charset=utf-8", ...result.headers },
        body: result.body === undefined ? "" : JSON.stringify(result.body),
      };
    });
}

function idempotencyKeyOf(event: ApiEvent): string | undefined {
  const key = event.headers?.["idempotency-key"];
  if (key === undefined) return undefined;
  if (!/^[A-Za-z0-9._:-]{8,128}$/.test(key))
    throw problems.invalidRequest({
      en: "The Idempotency-Key header must be 8–128 characters of A–Z, a–z, 0–9, . _ : -",
      th: "ส่วนหัว Idempotency-Key ต้องยาว 8–128 ตัวอักษร ประกอบด้วย A–Z, a–z, 0–9, . _ : -",
    });
  return key;
}

function parseJsonBody(event: ApiEvent): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw problems.invalidJson();
  }
  const proto = protoKeyErrors(body, "body");
  if (proto.length > 0) throw unknownFields(proto);
  return body;
}

/** The parts of a request a schema checks, as a Thai message names them. */
const partTh: Record<string, string> = {
  body: "เนื้อหา (body)",
  query: "พารามิเตอร์ (query)",
  path: "ที่อยู่ (path)",
};

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { errors, unknown } = fieldErrorsOf(result.error.issues, [where]);
  if (unknown.length > 0) throw problems.unknownFields(unknown, errors);
  throw problems.invalidRequest(
    { en: `The ${where} of the request is not valid`, th: `${partTh[where] ?? where}ของคำขอไม่ถูกต้อง` },
    errors,
  );
}

/** A route without a body schema takes none; `{}` is let through, as clients send it to bare POSTs. */
function assertNoBody<B>(body: unknown): B {
  if (body === undefined) return undefined as B;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw problems.invalidRequest({ en: "This request takes no body", th: "คำขอนี้ไม่รับเนื้อหา (body)" }, [
      {
        path: "body",
        message: "expected no body or an empty JSON object",
        messageTh: "ต้องไม่มีเนื้อหา หรือเป็น JSON object ว่าง",
      },
    ]);
  const keys = Object.keys(body);
  if (keys.length > 0) throw unknownFields(keys.map((key) => unknownField(["body"], key)));
  return undefined as B;
}

/** Without zod (health bundles none): a route without a query schema takes no query parameters. */
function assertNoQuery<Q>(query: Record<string, string | undefined>): Q {
  const keys = Object.keys(query);
  if (keys.length > 0) throw unknownFields(keys.map((key) => unknownField(["query"], key)));
  return {} as Q;
}

function unknownFields(errors: FieldError[]) {
  return problems.unknownFields(
    errors.map((e) => e.path),
    errors,
  );
}
