import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { businessTypesSchema, finderQuestionsSchema, finderResultSchema } from "../../shared/schemas/finder";

/**
 * Issue 16 §1 over HTTP: a client renders the finder's questions, posts a business's answers and
 * gets the licences it needs; each license type it names opens in the catalog, and bad answers are
 * refused with a problem in Thai and English.
 */
describe("the license finder, as a client uses it", () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
  });
  afterAll(() => stack?.stop());

  async function call(method: "GET" | "POST", path: string, body?: unknown) {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
  }

  const restaurant = {
    activity: "restaurant",
    location: "sao-khlong-dan",
    legalForm: "individual",
    floorAreaSqm: 350,
    lpgStorageLitres: 0,
    sellsInPublicPlace: false,
    sellsAlcohol: true,
    sellsTobacco: false,
    hazardousToHealth: false,
    hasSign: true,
    employees: 4,
    buildingWork: "none",
  };

  it("lists the business activities, each with its licences per authority and the national ones", async () => {
    const res = await call("GET", "/catalog/business-types");
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    const { items } = businessTypesSchema.parse(res.json);
    expect(items.map((t) => t.id)).toEqual(
      expect.arrayContaining(["restaurant", "market", "fuel-station", "hotel"]),
    );
    const food = items.find((t) => t.id === "restaurant")!;
    expect(food.licenses.find((l) => l.ruleId === "food-premises-over-200sqm")?.licenseTypes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ authority: "sao-khlong-dan", id: "food-premises-over-200sqm-klong-dan" }),
      ]),
    );
    const hotel = items.find((t) => t.id === "hotel")!;
    expect(hotel.licenses.find((l) => l.ruleId === "hotel")).toMatchObject({
      applyableHere: false,
      national: { id: "dopa-hotel" },
    });
    // Every license type an activity links to opens in the catalog.
    const ids = new Set(items.flatMap((t) => t.licenses.flatMap((l) => l.licenseTypes.map((x) => x.id))));
    for (const id of ids) expect((await call("GET", `/catalog/license-types/${id}`)).status, id).toBe(200);
  });

  it("gives the questions to render: text in Thai and English, answer types, options, units, when asked", async () => {
    const res = await call("GET", "/finder/questions");
    expect(res.status, res.text).toBe(200);
    const { questions } = finderQuestionsSchema.parse(res.json);
    const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
    expect(byId.activity?.options?.map((o) => o.value)).toContain("restaurant");
    expect(byId.location?.options?.map((o) => o.value)).toEqual([
      "sao-khlong-dan",
      "sao-wang-hin",
      "elsewhere",
    ]);
    expect(byId.floorAreaSqm).toMatchObject({
      type: "number",
      unit: { en: "m²" },
      askedWhen: [{ field: "servesFood", equals: true }],
    });
    expect(byId.servesFood?.settledBy).toContain("restaurant");
    expect(byId.hasSign?.type).toBe("yesNo");
    // The answers a client sends are exactly the questions' ids.
    expect(Object.keys(restaurant).every((k) => k in byId)).toBe(true);
  });

  it("finds a restaurant's licences, explains them, and each license type opens in the catalog", async () => {
    const res = await call("POST", "/finder", restaurant);
    expect(res.status, res.text).toBe(200);
    const result = finderResultSchema.parse(res.json);
    expect(result.authority?.id).toBe("sao-khlong-dan");
    expect(result.licenses.map((l) => [l.ruleId, l.applyableHere])).toEqual([
      ["food-premises-over-200sqm", true],
      ["signboard-tax", true],
      ["liquor-sale", false],
      ["employer-registration", false],
    ]);
    const food = result.licenses[0]!;
    expect(food).toMatchObject({
      licenseType: { id: "food-premises-over-200sqm-klong-dan" },
      agency: { id: "sao-khlong-dan" },
      timeLimit: { basis: "law", max: 30, unit: "day" },
      fee: { kind: "upTo", amountTHB: 3000 },
    });
    expect(food.why.answers.map((a) => a.question)).toEqual(["activity", "floorAreaSqm"]);
    expect(result.licenses[2]).toMatchObject({
      licenseType: null,
      agency: { nameEn: "Excise Department (area excise office)" },
    });
    for (const l of result.licenses.filter((x) => x.licenseType)) {
      const detail = await call("GET", `/catalog/license-types/${l.licenseType!.id}`);
      expect(detail.status, l.licenseType!.id).toBe(200);
      expect(detail.json.agency.id).toBe(l.agency.id);
    }
  });

  it("a business elsewhere: national licences only, nothing applyable here", async () => {
    const res = await call("POST", "/finder", { ...restaurant, location: "elsewhere" });
    expect(res.status, res.text).toBe(200);
    const result = finderResultSchema.parse(res.json);
    expect(result.authority).toBeNull();
    expect(result.licenses.map((l) => l.ruleId)).toEqual(["liquor-sale", "employer-registration"]);
    expect(result.licenses.some((l) => l.applyableHere)).toBe(false);
    expect(result.notes).toHaveLength(1);
  });

  it("is in the OpenAPI document: public, the answers' schema from the questions, the answer's shape", async () => {
    const doc = (await call("GET", "/openapi.json")).json;
    const post = doc.paths["/finder"].post;
    expect(post.security).toEqual([]);
    const body = post.requestBody.content["application/json"].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(expect.arrayContaining(["activity", "location"]));
    expect(body.properties.floorAreaSqm).toMatchObject({ type: "number", minimum: 1 });
    expect(post.responses["2XX"].content["application/json"].schema.properties.licenses).toBeDefined();
    expect(doc.paths["/finder/questions"].get.security).toEqual([]);
    expect(doc.paths["/catalog/business-types"].get.security).toEqual([]);
  });

  it("refuses unknown answers, bad values and open questions with a problem in Thai and English", async () => {
    const unknown = await call("POST", "/finder", { ...restaurant, favouriteColour: "red" });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect(unknown.json).toMatchObject({
      code: "UNKNOWN_FIELDS",
      titleTh: expect.any(String),
      title: expect.any(String),
    });
    expect(unknown.json.errors).toEqual([expect.objectContaining({ path: "body.favouriteColour" })]);

    const bad = await call("POST", "/finder", {
      ...restaurant,
      floorAreaSqm: -5,
      location: "bangkok",
      employees: 1.5,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe("INVALID_REQUEST");
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "body.employees",
      "body.floorAreaSqm",
      "body.location",
    ]);

    const { floorAreaSqm: _, ...open } = restaurant;
    const incomplete = await call("POST", "/finder", open);
    expect(incomplete.status).toBe(400);
    expect(incomplete.json).toMatchObject({
      code: "INCOMPLETE_ANSWERS",
      titleTh: "ยังตอบคำถามไม่ครบ",
      errors: [{ path: "body.floorAreaSqm" }],
    });

    const contradiction = await call("POST", "/finder", { ...restaurant, servesFood: false });
    expect(contradiction.status).toBe(400);
    expect(contradiction.json.code).toBe("CONTRADICTORY_ANSWERS");

    const notJson = await fetch(`${stack.url}/finder`, { method: "POST", body: "{activity:" });
    expect(notJson.status).toBe(400);
  });
});
