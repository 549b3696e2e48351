import { createHash } from "node:crypto";
import { importManual } from "../importer/import-manual";
import type { ImportedEntry, ImportedManual } from "../importer/imported-entry";
import { type LicenseType, licenseTypeSchema, type RequiredDocument } from "../schema";
import { linkChangesToLicenses } from "./derive-applies-to";
import { deriveDocuments, deriveForm, fitRulesToForm } from "./derive-form";
import { deriveWorkflow } from "./derive-workflow";
import type { DocumentOverride, EntryFields, EntryOverride, Overrides } from "./overrides";

/**
 * The catalog = the importer's reading of each manual + the reviewed overrides. Nothing else: no
 * entry is written by hand, so a changed manual is imported again and the catalog follows it.
 */
export interface CatalogSource {
  file: string;
  authorityId: string;
  text: string;
}

export interface BuiltCatalog {
  entries: LicenseType[];
  /** Per entry: the process it came from and why its family, case type and flags are what they are. */
  report: { id: string; process: string; sourceFile: string; reasons: string[] }[];
}

export class CatalogBuildError extends Error {}

export function buildCatalog(sources: readonly CatalogSource[], overrides: Overrides): BuiltCatalog {
  const used = new Set<EntryOverride>();
  const entries: LicenseType[] = [];
  const report: BuiltCatalog["report"] = [];
  for (const source of sources) {
    const { entries: imported } = importManual(source.text, {
      sourceFile: source.file,
      authorityId: source.authorityId,
    });
    for (const process of imported) {
      const override = overrides.entries.find((o) => o.process === process.id);
      if (override) used.add(override);
      if (override?.drop) continue;
      for (const variant of override?.split ?? [override ?? {}]) {
        const { entry, reasons } = catalogEntry(process, variant);
        entries.push(entry);
        report.push({ id: entry.id, process: process.id, sourceFile: source.file, reasons });
      }
    }
  }
  const links = linkChangesToLicenses(entries);
  const stale = overrides.entries.filter((o) => !used.has(o));
  if (stale.length > 0)
    throw new CatalogBuildError(
      `overrides for processes no manual has any more (review them): ${stale.map((o) => o.process).join(", ")}`,
    );
  assertUnique(
    entries.map((e) => e.id),
    "id",
  );
  // A new license's number carries its type's code; renewals, changes and closures issue no new one.
  assertUnique(
    entries.filter((e) => e.caseType === "new").map((e) => `${e.agencyId}:${e.code}`),
    "license-number code",
  );
  for (const entry of entries) entry.manual.version = entryVersion(entry);
  entries.sort((a, b) => a.id.localeCompare(b.id));
  for (const r of report) r.reasons.push(...links.filter((l) => l.startsWith(`${r.id}:`)));
  return { entries, report };
}

function catalogEntry(
  process: ImportedEntry,
  fields: EntryFields,
): { entry: LicenseType; reasons: string[] } {
  const manual = fields.caseLabel === undefined ? process.manual : ofCase(process.manual, fields.caseLabel);
  const derived = deriveWorkflow(manual);
  const documents = deriveDocuments(manual).map((d) => withDocumentOverrides(d, fields.documents ?? []));
  const caseType = fields.caseType ?? derived.caseType;
  const family = fields.family ?? derived.family;
  const id = fields.id ?? process.id;
  if (!fields.nameEn)
    throw new CatalogBuildError(`${process.id} (${manual.title}): no reviewed English name`);
  const { layout, version: _imported, ...manualFields } = manual;
  const draft = {
    id,
    code: fields.code ?? codeOf(id),
    nameTh: manual.title,
    nameEn: fields.nameEn,
    agencyId: process.agencyId,
    caseType,
    ...(fields.appliesTo !== undefined && { appliesTo: fields.appliesTo }),
    family,
    category: fields.category ?? derived.category,
    workflow: { ...derived.workflow, ...fields.workflow },
    validityMonths: fields.validityMonths === undefined ? derived.validityMonths : fields.validityMonths,
    form: fields.form ?? deriveForm(manual, documents, family, caseType),
    manual: { ...manualFields, layout, version: "", documents },
  };
  draft.manual.documents = fitRulesToForm(documents, draft.form);
  for (const patch of fields.patches ?? []) setAt(draft, patch.path, patch.value, id);
  const parsed = licenseTypeSchema.safeParse(draft);
  if (!parsed.success)
    throw new CatalogBuildError(
      `${id}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return { entry: parsed.data, reasons: derived.reasons };
}

/**
 * The version covers the whole entry (its version left blank): a changed fee, step, form or rule is
 * a new version of the entry, and an application keeps the version it was filed under.
 */
export function entryVersion(entry: LicenseType): string {
  const blank = { ...entry, manual: { ...entry.manual, version: "" } };
  return createHash("sha256").update(canonicalJson(blank)).digest("hex").slice(0, 12);
}

/** The documents listed for one case, and those listed for every case. */
function ofCase(manual: ImportedManual, caseLabel: string): ImportedManual {
  const documents = manual.documents.filter((d) => d.caseLabel === undefined || d.caseLabel === caseLabel);
  if (!manual.documents.some((d) => d.caseLabel === caseLabel))
    throw new CatalogBuildError(`${manual.title}: no documents listed for the case "${caseLabel}"`);
  return { ...manual, documents: documents.map(({ caseLabel: _, ...d }) => d) };
}

function withDocumentOverrides(
  doc: RequiredDocument,
  overrides: readonly DocumentOverride[],
): RequiredDocument {
  const o = overrides.find((x) => (x.seq !== undefined ? x.seq === doc.seq : x.line === doc.src));
  if (!o) return doc;
  const out: RequiredDocument = { ...doc };
  if (o.key !== undefined) out.key = o.key;
  if (o.nameEn !== undefined) out.nameEn = o.nameEn;
  if (o.requiredToSubmit !== undefined) out.requiredToSubmit = o.requiredToSubmit;
  if (o.requiredWhen === null) delete out.requiredWhen;
  else if (o.requiredWhen !== undefined) out.requiredWhen = o.requiredWhen;
  return out;
}

/** Printed in license numbers: "T" and six hex digits of the id (unique per agency, checked). */
function codeOf(id: string): string {
  return `T${createHash("sha256").update(id).digest("hex").slice(0, 6).toUpperCase()}`;
}

function setAt(target: object, pointer: string, value: unknown, id: string): void {
  const path = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: Record<string, unknown> = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null)
      throw new CatalogBuildError(`${id}: no ${pointer} to patch`);
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (!(last in node)) throw new CatalogBuildError(`${id}: no ${pointer} to patch`);
  node[last] = value;
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new CatalogBuildError(`two catalog entries share the ${what} ${v}`);
    seen.add(v);
  }
}

/** The checked-in form of an entry: the same bytes on every machine. */
export function serializeEntry(entry: LicenseType): string {
  return `${JSON.stringify(entry, null, 2)}\n`;
}

/** JSON with every object's keys in order: the same value gives the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
