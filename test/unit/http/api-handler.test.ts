import { afterEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { problems } from "../../../shared/domain/errors";
import { actorFromClaims } from "../../../shared/http/actor-from-claims";
import { type ApiEvent, apiHandler } from "../../../shared/http/api-handler";
import { logger } from "../../../shared/http/logger";
import { createApplicationSchema } from "../../../shared/schemas/applications";
import { applicationIdSchema } from "../../../shared/schemas/common";
import { apiEvent, context } from "../../support/api-event";

const createHandler = apiHandler({ body: createApplicationSchema }, async ({ body, actor }) => ({
  status: 201,
  body: { licenseTypeId: body.licenseTypeId, formData: body.formData, by: actor.userId },
  headers: { location: "/applications/01JNZ8Y7M3Q4R5S6T7V8W9X0YZ" },
}));

async function call(handler: typeof createHandler, event: ApiEvent) {
  const response = await handler(event, context);
  return { ...response, json: response.body ? JSON.parse(response.body) : undefined };
}

afterEach(() => vi.restoreAllMocks());

describe("apiHandler: success", () => {
  it("passes the validated body and the actor, and renders the result as JSON", async () => {
    const res = await call(createHandler, apiEvent({ body: '{"licenseTypeId":"food"}' }));
    expect(res.statusCode).toBe(201);
    expect(res.headers).toEqual({
      "content-type": "application/json; charset=utf-8",
      location: "/applications/01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
    });
    expect(res.json).toEqual({ licenseTypeId: "food", formData: {}, by: "applicant-1" });
  });

  it("decodes a base64 body and answers 200 with an empty body when the result has none", async () => {
    const handler = apiHandler({ body: z.object({ n: z.number() }) }, async ({ body }) => {
      expect(body).toEqual({ n: 7 });
      return {};
    });
    const res = await handler(
      apiEvent({ body: Buffer.from('{"n":7}').toString("base64"), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("");
  });
});

describe("apiHandler: problems as RFC 9457 problem+json", () => {
  it("answers invalid JSON with 400 INVALID_JSON, in Thai and English", async () => {
    const res = await call(createHandler, apiEvent({ body: '{"licenseTypeId":' }));
    expect(res.statusCode).toBe(400);
    expect(res.headers?.["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(res.json).toEqual({
      type: "https://bizportal.example.go.th/problems/invalid-json",
      title: "The request body is not valid JSON",
      titleTh: "เนื้อหาคำขอไม่ใช่ JSON ที่ถูกต้อง",
      status: 400,
      code: "INVALID_JSON",
      instance: "/applications",
    });
  });

  it("answers a body that fails the schema with 400 and the path of each problem", async () => {
    const res = await call(createHandler, apiEvent({ body: '{"licenseTypeId":"","formData":[]}' }));
    expect(res.statusCode).toBe(400);
    expect(res.json.code).toBe("INVALID_REQUEST");
    expect(res.json.detail).toBe("The body of the request is not valid");
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "body.formData",
      "body.licenseTypeId",
    ]);
  });

  it("validates path parameters too", async () => {
    const handler = apiHandler({ params: z.object({ id: applicationIdSchema }) }, async () => ({}));
    const res = await call(
      handler,
      apiEvent({ method: "GET", path: "/applications/x", pathParameters: { id: "x" } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json.errors).toEqual([
      { path: "path.id", message: "must be a ULID", messageTh: "รูปแบบไม่ถูกต้อง" },
    ]);
  });

  it("answers 401 UNAUTHENTICATED without verified claims, before reading the body", async () => {
    const res = await call(createHandler, apiEvent({ claims: null, body: "not json" }));
    expect(res.statusCode).toBe(401);
    expect(res.json).toMatchObject({ code: "UNAUTHENTICATED", titleTh: "กรุณาเข้าสู่ระบบ" });
  });

  it("lets a public route through as the anonymous actor", async () => {
    const handler = apiHandler({ authenticated: false }, async ({ actor }) => ({ body: actor }));
    const res = await call(handler, apiEvent({ method: "GET", claims: null }));
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ userId: "anonymous", roles: [] });
  });

  it("renders a DomainError with its own status, code and detail", async () => {
    const handler = apiHandler({}, async () => {
      throw problems.invalidTransition("submit", "SUBMITTED");
    });
    const res = await call(handler, apiEvent({ path: "/applications/A/submit" }));
    expect(res.statusCode).toBe(409);
    expect(res.json).toMatchObject({
      type: "https://bizportal.example.go.th/problems/invalid-status-for-action",
      code: "INVALID_STATUS_FOR_ACTION",
      status: 409,
      detail: 'Action "submit" is not allowed while the application is SUBMITTED',
      instance: "/applications/A/submit",
    });
    const notFound = apiHandler({}, async () => {
      throw problems.applicationNotFound();
    });
    expect((await call(notFound, apiEvent({}))).statusCode).toBe(404);
  });

  it("answers an unexpected error with 500 INTERNAL_ERROR, logs it, and does not leak its message", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const handler = apiHandler({}, async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:443");
    });
    const res = await call(handler, apiEvent({}));
    expect(res.statusCode).toBe(500);
    expect(res.json).toMatchObject({
      code: "INTERNAL_ERROR",
      title: "Something went wrong on our side; please try again",
      titleTh: "ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง",
      detail: "Request id aws-req-42",
    });
    expect(res.body).not.toContain("ECONNREFUSED");
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

describe("actorFromClaims", () => {
  it('reads cognito:groups given as API Gateway\'s "[officer applicant]" string', () => {
    const actor = actorFromClaims(
      apiEvent({
        claims: {
          sub: "officer-1",
          "cognito:groups": "[officer applicant]",
          "custom:agencyId": "sao-khlong-dan",
          email: "officer@klongdan.go.th",
          name: "สมหญิง",
        },
      }),
    );
    expect(actor).toEqual({
      userId: "officer-1",
      roles: ["officer", "applicant"],
      agencyId: "sao-khlong-dan",
      email: "officer@klongdan.go.th",
      name: "สมหญิง",
    });
  });

  it("reads cognito:groups given as an array, dropping groups that are not roles", () => {
    const actor = actorFromClaims(
      apiEvent({ claims: { sub: "u-2", "cognito:groups": ["opdc-admin", "beta-testers"] } }),
    );
    expect(actor).toEqual({ userId: "u-2", roles: ["opdc-admin"] });
  });

  it.each([
    ["an access token", { sub: "u-4", token_use: "access", client_id: "spa" }, /not an access token/],
    ["a token without token_use", { sub: "u-4", token_use: "" }, /without token_use/],
    ["a token without exp", { sub: "u-4", exp: "" }, /no expiry/],
    ["a token whose exp is not a time", { sub: "u-4", exp: "soon" }, /no expiry/],
  ])("refuses %s with 401 UNAUTHENTICATED", (_case, claims, detail) => {
    let error: unknown;
    try {
      actorFromClaims(apiEvent({ claims }));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", kind: "unauthenticated" });
    expect((error as { detail: string }).detail).toMatch(detail);
  });

  it("answers a handler call made with an access token 401 problem+json, before the use case runs", async () => {
    const useCase = vi.fn();
    const handler = apiHandler({}, useCase);
    const res = (await handler(
      apiEvent({ claims: { sub: "u-5", token_use: "access", "cognito:groups": "[officer]" } }),
      context,
    )) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(useCase).not.toHaveBeenCalled();
  });

  it("gives no roles without groups, and no actor without a subject", () => {
    expect(actorFromClaims(apiEvent({ claims: { sub: "u-3" } }))?.roles).toEqual([]);
    expect(actorFromClaims(apiEvent({ claims: { "cognito:groups": "[officer]" } }))).toBeUndefined();
  });
});
