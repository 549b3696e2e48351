import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { apiHandler } from "../../../shared/http/api-handler";
import { withdrawSchema } from "../../../shared/schemas/applications";
import { pageQuerySchema } from "../../../shared/schemas/common";
import { officerActionSchema } from "../../../shared/schemas/officer-actions";
import { apiEvent, context } from "../../support/api-event";

/** Issue 13 (6): a key the endpoint does not define is refused with 400 UNKNOWN_FIELDS, never dropped. */
const officer = { sub: "officer-1", "cognito:groups": "[officer]", "custom:agencyId": "sao-khlong-dan" };

function handlerOf<B, Q>(spec: {
  body?: z.ZodMiniType<B>;
  query?: z.ZodMiniType<Q>;
  authenticated?: boolean;
}) {
  const useCase = vi.fn(async () => ({ body: { ok: true } }));
  return { handler: apiHandler(spec, useCase), useCase };
}

async function send(handler: ReturnType<typeof handlerOf>["handler"], init: Parameters<typeof apiEvent>[0]) {
  const res = await handler(apiEvent({ claims: officer, ...init }), context);
  return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined, headers: res.headers };
}

describe("unknown fields in a request body", () => {
  it("refuses the tester's approve with a status field, naming it, before the use case runs", async () => {
    const { handler, useCase } = handlerOf({ body: officerActionSchema });
    const res = await send(handler, { body: '{"action":"approve","feeTHB":3000,"status":"LICENSE_ISSUED"}' });
    expect(res.status).toBe(400);
    expect(res.headers?.["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(res.json).toMatchObject({
      code: "UNKNOWN_FIELDS",
      title: "The request has fields this endpoint does not accept",
      titleTh: "คำขอมีช่องข้อมูลที่ระบบไม่รู้จัก",
      detail: "Unknown: body.status",
      errors: [{ path: "body.status", message: 'unknown field "status": not accepted here' }],
    });
    expect(useCase).not.toHaveBeenCalled();
  });

  it('refuses a withdraw body {"__proto__":{}}: JSON.parse makes it an own key, and it is named', async () => {
    expect(Object.keys(JSON.parse('{"__proto__":{}}'))).toEqual(["__proto__"]);
    const { handler, useCase } = handlerOf({ body: z._default(z.optional(withdrawSchema), {}) });
    const res = await send(handler, { body: '{"__proto__":{"polluted":true}}' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("UNKNOWN_FIELDS");
    expect(res.json.errors).toEqual([
      {
        path: "body.__proto__",
        message: expect.stringContaining("__proto__"),
        messageTh: expect.stringContaining("__proto__"),
      },
    ]);
    expect(useCase).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("zod itself reports __proto__ and constructor as unrecognized keys of a strict object", () => {
    const result = withdrawSchema.safeParse(JSON.parse('{"__proto__":{"x":1},"constructor":1}'));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["__proto__", "constructor"] }),
    ]);
  });

  it("finds a __proto__ key inside a record, which zod would drop silently (formData)", async () => {
    const { handler, useCase } = handlerOf({
      body: z.strictObject({ formData: z.record(z.string(), z.unknown()) }),
    });
    const res = await send(handler, {
      body: '{"formData":{"kind":"foodSale","__proto__":{"businessName":"x"}}}',
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ path: "body.formData.__proto__" })]);
    expect(useCase).not.toHaveBeenCalled();
  });

  it("names unknown keys in nested objects with their path: a fix-request item, a payment union member", async () => {
    const { handler } = handlerOf({ body: officerActionSchema });
    const fix = await send(handler, {
      body: JSON.stringify({
        action: "request-fix",
        items: [{ documentKey: "idCard", reason: "หมดอายุ", severity: "high" }],
        deadline: "2027-01-15T16:30:00+07:00",
      }),
    });
    expect(fix.json.errors).toEqual([expect.objectContaining({ path: "body.items.0.severity" })]);
    const payment = await send(handler, {
      body: JSON.stringify({
        action: "confirm-payment",
        channel: "counter",
        receiptNumber: "R-1",
        amountTHB: 3000,
        reference: "only for bill payment",
      }),
    });
    expect(payment.json).toMatchObject({ code: "UNKNOWN_FIELDS", detail: "Unknown: body.reference" });
  });

  it("lists every unknown key, and the other problems too, under UNKNOWN_FIELDS", async () => {
    const { handler } = handlerOf({ body: officerActionSchema });
    const res = await send(handler, { body: '{"action":"approve","feeTHB":"3000","b":1,"a":2}' });
    expect(res.json.code).toBe("UNKNOWN_FIELDS");
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "body.a",
      "body.b",
      "body.feeTHB",
    ]);
  });

  it("accepts the same bodies without the unknown keys", async () => {
    const { handler, useCase } = handlerOf({ body: officerActionSchema });
    expect((await send(handler, { body: '{"action":"approve","feeTHB":3000}' })).status).toBe(200);
    expect(useCase).toHaveBeenCalledTimes(1);
  });
});

describe("a route that declares no body or no query takes none", () => {
  it("lets a bare POST through with no body or {}", async () => {
    const { handler, useCase } = handlerOf({});
    expect((await send(handler, {})).status).toBe(200);
    expect((await send(handler, { body: "{}" })).status).toBe(200);
    expect(useCase).toHaveBeenCalledTimes(2);
  });

  it("refuses any other body: keys, arrays, null, strings, and what is not JSON", async () => {
    const { handler, useCase } = handlerOf({});
    const answers = [];
    for (const body of ['{"force":true}', "[]", "null", '"submit"', "7", "{not json"]) {
      const res = await send(handler, { body });
      answers.push([body, res.status, res.json.code]);
    }
    expect(answers).toEqual([
      ['{"force":true}', 400, "UNKNOWN_FIELDS"],
      ["[]", 400, "INVALID_REQUEST"],
      ["null", 400, "INVALID_REQUEST"],
      ['"submit"', 400, "INVALID_REQUEST"],
      ["7", 400, "INVALID_REQUEST"],
      ["{not json", 400, "INVALID_JSON"],
    ]);
    expect(useCase).not.toHaveBeenCalled();
  });

  it("refuses query parameters a route does not declare, naming them", async () => {
    const { handler, useCase } = handlerOf({});
    const res = await send(handler, { method: "GET", queryStringParameters: { debug: "1" } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "UNKNOWN_FIELDS", errors: [{ path: "query.debug" }] });
    expect(useCase).not.toHaveBeenCalled();
  });

  it("ignores parameters on a public page nobody reads (a QR scanner's utm_source on verify)", async () => {
    const { handler, useCase } = handlerOf({ authenticated: false });
    const res = await send(handler, { method: "GET", queryStringParameters: { utm_source: "qr" } });
    expect(res.status).toBe(200);
    expect(useCase).toHaveBeenCalledTimes(1);
  });

  it("refuses an unknown query parameter on a list endpoint, and takes the known ones", async () => {
    const { handler, useCase } = handlerOf({ query: pageQuerySchema });
    const bad = await send(handler, {
      method: "GET",
      queryStringParameters: { limit: "5", status: "DRAFT" },
    });
    expect(bad.json).toMatchObject({ code: "UNKNOWN_FIELDS", errors: [{ path: "query.status" }] });
    expect((await send(handler, { method: "GET", queryStringParameters: { limit: "5" } })).status).toBe(200);
    expect(useCase).toHaveBeenCalledTimes(1);
  });
});
