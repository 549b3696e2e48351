import { type ApiClient, samplePdf } from "./api-client";

/**
 * A client that knows nothing of our code: it reads a license type from the catalog API, fills the
 * form its JSON Schema describes, attaches the documents the checklist asks for given that form, and
 * submits. What it sends is derived from the catalog's answers alone.
 */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: { const: unknown }[];
  minimum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
}

export interface CatalogDetail {
  id: string;
  family: string;
  caseType: "new" | "renew" | "amend" | "cancel";
  appliesTo: string | null;
  agency: { id: string };
  workflow: {
    inspection: boolean;
    committee: boolean;
    payment: boolean;
    pickup: boolean;
    assessment: boolean;
  };
  formSchema: JsonSchema;
  documents: {
    key: string;
    requiredToSubmit: boolean;
    requiredWhen: { field: string; equals?: unknown; oneOf?: unknown[]; greaterThan?: number } | null;
  }[];
  fees: { kind: string; amountTHB: number | null; maxTHB: number | null }[] | null;
}

/** Every entry of the catalog, page by page, as a client walks it. */
export async function listAllLicenseTypes(
  client: ApiClient,
): Promise<{ id: string; agency: { id: string } }[]> {
  const items: { id: string; agency: { id: string } }[] = [];
  let cursor: string | null = null;
  do {
    const page: {
      status: number;
      body: { items: { id: string; agency: { id: string } }[]; nextCursor: string | null };
    } = await client.get<{
      items: { id: string; agency: { id: string } }[];
      nextCursor: string | null;
    }>(`/catalog/license-types?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    if (page.status !== 200) throw new Error(`list: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** A value for each field the schema describes (every field, so every conditional one is met). */
export function formFromSchema(
  schema: JsonSchema,
  given: Record<string, unknown> = {},
): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    if (key in given) form[key] = given[key];
    else if (field.oneOf) form[key] = field.oneOf[0]!.const;
    else if (field.type === "boolean") form[key] = false;
    else if (field.type === "integer" || field.type === "number") {
      const low = field.exclusiveMinimum !== undefined ? field.exclusiveMinimum + 1 : (field.minimum ?? 1);
      form[key] = field.type === "integer" ? Math.ceil(low) : low;
    } else form[key] = `ตัวอย่าง ${key}`.slice(0, field.maxLength ?? 100);
  }
  return form;
}

/** The checklist's documents needed to submit this form: always, or by the rule its answers meet. */
export function documentsNeeded(detail: CatalogDetail, form: Record<string, unknown>): string[] {
  return detail.documents
    .filter((d) => {
      if (d.requiredToSubmit) return true;
      const rule = d.requiredWhen;
      if (!rule) return false;
      const value = form[rule.field];
      if ("equals" in rule) return value === rule.equals;
      if (rule.oneOf) return rule.oneOf.includes(value);
      return typeof value === "number" && rule.greaterThan !== undefined && value > rule.greaterThan;
    })
    .map((d) => d.key);
}

/** Creates, fills, attaches and submits; returns the application id and the submit's answer. */
export async function applyFromCatalog(
  applicant: ApiClient,
  detail: CatalogDetail,
  given: Record<string, unknown> = {},
): Promise<{ id: string; submitted: { status: number; body: Record<string, unknown> } }> {
  const formData = formFromSchema(detail.formSchema, given);
  const created = await applicant.post("/applications", { licenseTypeId: detail.id, formData });
  if (created.status !== 201) throw new Error(`create ${detail.id}: ${JSON.stringify(created.body)}`);
  const id = String(created.body.id);
  // One after another: two attachments to one application at once conflict (409, reload and retry).
  for (const key of documentsNeeded(detail, formData)) {
    const res = await applicant.uploadDocument(id, key, samplePdf(`${id}-${key}`));
    if (res.status !== 200) throw new Error(`${detail.id} upload ${key}: ${JSON.stringify(res.body)}`);
  }
  return { id, submitted: await applicant.post(`/applications/${id}/submit`) };
}

/** Runs `work` over the items, `width` at a time (as many applicants would, at once). */
export async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}
