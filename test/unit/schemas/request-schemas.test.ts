import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { openApiDocument, requestBodies } from "../../../functions/api/openapi-document";
import { findLicenseType } from "../../../shared/catalog";
import { buildDraftFormSchema } from "../../../shared/catalog/form-schema";
import { foodLicenseTypeId } from "../../support/api-client";
import {
  routeKey,
  stringLeaves,
  takesLineBreaks,
  unsafeStrings,
  withValue,
  writeRoutes,
  writeSamples,
} from "../../support/request-samples";

/**
 * Issue 13: every write route's body schema is closed (an unknown key fails) and none of its
 * strings takes unsafe text. Derived from the routes manifest and the sample bodies, so a new route
 * or field is checked without editing this file.
 */
const foodForm = buildDraftFormSchema(findLicenseType(foodLicenseTypeId)!);

const withBody = writeRoutes.filter((r) => requestBodies[routeKey(r)]).map(routeKey);
const issuesOf = (schema: z.ZodMiniType, value: unknown) => schema.safeParse(value).error?.issues ?? [];

describe("the write routes and their samples", () => {
  it("has a valid sample for every write route of the manifest, and none for a route it lacks", () => {
    expect(Object.keys(writeSamples).sort()).toEqual(writeRoutes.map(routeKey).sort());
  });

  it.each(Object.entries(writeSamples))(
    "%s: the samples parse; {} is valid only where declared",
    (key, sample) => {
      const schema = requestBodies[key];
      if (!schema) {
        // No body schema: apiHandler takes no body but `{}` (test/unit/http/unknown-fields.test.ts).
        expect(sample.bodies).toEqual([{}]);
        expect(sample.emptyBodyValid).toBe(true);
        return;
      }
      for (const body of sample.bodies) expect(issuesOf(schema, body), JSON.stringify(body)).toEqual([]);
      expect(schema.safeParse({}).success).toBe(sample.emptyBodyValid === true);
    },
  );
});

/**
 * Records keyed by a license form's field keys (the form, a business's facts, the answers of one form
 * for many licenses): open in the body schema, the license types' forms check each key.
 */
const formRecords: unknown[] = ["formData", "facts", "answers"];

describe.each(withBody)("%s", (key) => {
  const schema = requestBodies[key]!;
  const bodies = writeSamples[key]!.bodies;

  it("refuses an unknown key next to valid fields, naming it", () => {
    for (const body of bodies) {
      const issues = issuesOf(schema, { ...body, status: "LICENSE_ISSUED" });
      expect(issues, JSON.stringify(body)).toEqual([
        expect.objectContaining({ code: "unrecognized_keys", keys: ["status"], path: [] }),
      ]);
      expect(issuesOf(schema, { ...JSON.parse('{"__proto__":{}}'), ...body })).not.toEqual([]);
    }
  });

  it("refuses an unknown key in every nested object, at its path", () => {
    for (const body of bodies)
      for (const path of objectPaths(body).filter((p) => !formRecords.includes(p[0]) && p.length > 0)) {
        const nested = withValue(body, path, { ...(valueAt(body, path) as object), extra: 1 });
        expect(issuesOf(schema, nested), path.join(".")).toEqual([
          expect.objectContaining({ code: "unrecognized_keys", keys: ["extra"], path }),
        ]);
      }
  });

  it.each(Object.entries(unsafeStrings))("refuses %s in every string field, at its path", (_name, unsafe) => {
    for (const body of bodies)
      for (const path of stringLeaves(body)) {
        if (path[0] === "formData" || path[0] === "answers") {
          // The body takes formData as a record; the license type's form checks each field.
          const formData = withValue(body[path[0]], path.slice(1), unsafe);
          expect(
            issuesOf(foodForm, formData).map((i) => i.path),
            path.join("."),
          ).toContainEqual(path.slice(1));
          continue;
        }
        if (unsafe === unsafeStrings.crlf && takesLineBreaks(key, body, path)) {
          const parsed = schema.parse(withValue(body, path, unsafe));
          expect(valueAt(parsed, path), path.join(".")).toBe("ชื่อ\nX-Injected: 1");
          continue;
        }
        const issues = issuesOf(schema, withValue(body, path, unsafe));
        expect(
          issues.length,
          `${path.join(".")} took ${JSON.stringify(unsafe).slice(0, 40)}`,
        ).toBeGreaterThan(0);
        if (path[0] !== "action") expect(issues.map((i) => i.path)).toContainEqual(path);
      }
  });

  it("refuses a value of the wrong type in every top-level field", () => {
    for (const body of bodies)
      for (const [field, value] of Object.entries(body)) {
        const wrong = typeof value === "string" ? 42 : typeof value === "number" ? "42" : "yes";
        expect(schema.safeParse({ ...body, [field]: wrong }).success, field).toBe(false);
      }
  });
});

describe("the OpenAPI document says the same", () => {
  it("closes every object of every request body (additionalProperties: false) but formData", () => {
    const open: string[] = [];
    const closed: string[] = [];
    const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;
    for (const [path, operations] of Object.entries(paths))
      for (const [method, op] of Object.entries(operations)) {
        const schema = op.requestBody?.content["application/json"]?.schema;
        if (schema) visitObjects(schema, `${method.toUpperCase()} ${path}`, open, closed);
      }
    expect(open).toEqual([]);
    expect(closed).toContain("POST /officer/applications/{id}/actions.items[]"); // it did look inside
    expect(closed.length).toBeGreaterThan(withBody.length + 12);
  });
});

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
}

function visitObjects(schema: unknown, at: string, open: string[], closed: string[]): void {
  if (!schema || typeof schema !== "object") return;
  const node = schema as Record<string, unknown>;
  if (node.type === "object")
    (node.additionalProperties === false || formRecords.some((r) => at.endsWith(`.${String(r)}`))
      ? closed
      : open
    ).push(at);
  for (const [key, child] of Object.entries(node.properties ?? {}))
    visitObjects(child, `${at}.${key}`, open, closed);
  visitObjects(node.items, `${at}[]`, open, closed);
  for (const member of [...asArray(node.oneOf), ...asArray(node.anyOf), ...asArray(node.allOf)])
    visitObjects(member, at, open, closed);
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Paths of every object in a value (the root included), where an unknown key could hide. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === "object")
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  return [];
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}
