import * as z from "zod/mini";
import {
  attachDocumentSchema,
  attachDocumentShapes,
  createApplicationSchema,
  presignDocumentSchema,
  submitFixSchema,
  updateApplicationSchema,
  withdrawSchema,
} from "../../shared/schemas/applications";
import {
  applyForLicensesSchema,
  createBusinessSchema,
  updateBusinessSchema,
} from "../../shared/schemas/businesses";
import {
  catalogListQuerySchema,
  licenseTypeDetailSchema,
  licenseTypePageSchema,
} from "../../shared/schemas/catalog";
import { pageQuerySchema } from "../../shared/schemas/common";
import {
  documentChecklistSchema,
  heldDocumentPageSchema,
  heldDocumentsQuerySchema,
} from "../../shared/schemas/documents";
import {
  businessTypesSchema,
  finderAnswersSchema,
  finderQuestionsSchema,
  finderResultSchema,
} from "../../shared/schemas/finder";
import { inboxItemSchema, inboxPageSchema, inboxQuerySchema } from "../../shared/schemas/notifications";
import { putOfficerAccountSchema, reassignOfficerSchema } from "../../shared/schemas/officer-accounts";
import { officerActionSchema } from "../../shared/schemas/officer-actions";
import { officerQueuePageSchema, officerQueueQuerySchema } from "../../shared/schemas/officer-queue";
import { apiRoutes } from "./routes";

/**
 * Request bodies by route: the same zod schemas the handlers validate with. A write route missing
 * here takes no body (apiHandler refuses one); test/unit/schemas/request-schemas.test.ts checks both.
 */
export const requestBodies: Record<string, z.ZodMiniType> = {
  "POST /applications": createApplicationSchema,
  "PATCH /applications/{id}": updateApplicationSchema,
  "POST /applications/{id}/documents": presignDocumentSchema,
  "PUT /applications/{id}/documents/{documentKey}": attachDocumentSchema,
  "POST /applications/{id}/fixes": submitFixSchema,
  "POST /applications/{id}/withdraw": withdrawSchema,
  "POST /officer/applications/{id}/actions": officerActionSchema,
  "PUT /agency/officers/{userId}": putOfficerAccountSchema,
  "POST /agency/officers/{userId}/assignments": reassignOfficerSchema,
  "POST /businesses": createBusinessSchema,
  "PATCH /businesses/{id}": updateBusinessSchema,
  "POST /businesses/{id}/applications": applyForLicensesSchema,
  "POST /finder": finderAnswersSchema,
};

/** Where the OpenAPI document shows a body by its shapes rather than by the schema that checks it. */
const documentedBodies: Record<string, z.ZodMiniType> = {
  "PUT /applications/{id}/documents/{documentKey}": attachDocumentShapes,
};

/** Query strings by route: the handlers' own query schemas. */
const queryStrings: Record<string, z.ZodMiniType> = {
  "GET /applications": pageQuerySchema,
  "GET /officer/applications": officerQueueQuerySchema,
  "GET /documents": heldDocumentsQuerySchema,
  "GET /catalog/license-types": catalogListQuerySchema,
  "GET /businesses": pageQuerySchema,
  "GET /notifications": inboxQuerySchema,
};

/** Response bodies by route, where a schema describes them. */
const responseBodies: Record<string, z.ZodMiniType> = {
  "GET /officer/applications": officerQueuePageSchema,
  "GET /documents": heldDocumentPageSchema,
  "GET /applications/{id}/documents": documentChecklistSchema,
  "GET /catalog/license-types": licenseTypePageSchema,
  "GET /catalog/license-types/{id}": licenseTypeDetailSchema,
  "GET /catalog/business-types": businessTypesSchema,
  "GET /finder/questions": finderQuestionsSchema,
  "POST /finder": finderResultSchema,
  "GET /notifications": inboxPageSchema,
  "POST /notifications/{id}/read": inboxItemSchema,
};

/** Routes that answer with a redirect to a short-lived storage link instead of a body. */
const redirectRoutes = new Set(["GET /applications/{id}/documents/{documentKey}/content"]);

/** Routes answered with an ETag and Cache-Control, and 304 to a matching If-None-Match. */
const cacheableRoutes = new Set([
  "GET /catalog/license-types",
  "GET /catalog/license-types/{id}",
  "GET /catalog/business-types",
  "GET /finder/questions",
]);

const cacheHeaders = {
  ETag: { description: "Strong validator: a hash of the body", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=300", schema: { type: "string" } },
};

function cacheResponses(key: string): Record<string, unknown> {
  if (!cacheableRoutes.has(key)) return {};
  return {
    "304": { description: "Not Modified: If-None-Match named the current ETag", headers: cacheHeaders },
  };
}

/** One query parameter per property of the route's query schema, as its handler reads it. */
function queryParameters(schema: z.ZodMiniType | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input" }) as {
    properties?: Record<string, { description?: string }>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const problemSchema = {
  type: "object",
  required: ["type", "title", "titleTh", "status", "code"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    titleTh: { type: "string" },
    status: { type: "integer" },
    code: { type: "string" },
    detail: { type: "string", description: "What went wrong, in English" },
    detailTh: { type: "string", description: "The same in Thai" },
    errors: {
      type: "array",
      description: "One entry per field: its path, and what is wrong with it in English and Thai",
      items: {
        type: "object",
        required: ["path", "message"],
        properties: { path: { type: "string" }, message: { type: "string" }, messageTh: { type: "string" } },
      },
    },
  },
};

/** OpenAPI 3.1 (JSON Schema 2020-12, which zod 4 emits natively) generated from the routes manifest. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const key = `${route.method} ${route.path}`;
    const body = documentedBodies[key] ?? requestBodies[key];
    const response = responseBodies[key];
    const params = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...queryParameters(queryStrings[key]),
      ...(cacheableRoutes.has(key)
        ? [{ name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }]
        : []),
    ];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.entry.replace(/^functions\/api\//, "").replace(/\.ts$/, ""),
      ...(route.auth === "jwt" ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: z.toJSONSchema(body, { io: "input" }) } },
            },
          }
        : {}),
      responses: {
        ...(redirectRoutes.has(key)
          ? {
              "302": {
                description: "Found: Location is a presigned GET of the verified bytes, valid 5 minutes",
                headers: { Location: { schema: { type: "string", format: "uri" } } },
              },
            }
          : {}),
        "2XX": {
          description: "Success",
          ...(cacheableRoutes.has(key) ? { headers: cacheHeaders } : {}),
          content: {
            "application/json": response ? { schema: z.toJSONSchema(response, { io: "output" }) } : {},
          },
        },
        ...cacheResponses(key),
        "4XX": {
          description: "Problem",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Biz Portal e-licensing API", version: "0.1.0" },
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
}
