import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allLicenseTypes, findAgency, findLicenseType } from "../../../shared/catalog";
import { entryVersion } from "../../../shared/catalog/build/build-catalog";
import { parseManualDuration } from "../../../shared/domain/working-days";

/** Rules across the catalog's entries: what one JSON file cannot check about itself. */
const folder = new URL("../../../shared/catalog/license-types/", import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
const types = allLicenseTypes();

describe("the license catalog", () => {
  it("serves one valid entry per file, named after its id, ids unique", () => {
    expect(types.map((t) => `${t.id}.json`)).toEqual([...files].sort());
    expect(new Set(types.map((t) => t.id)).size).toBe(types.length);
  });

  it("names a known agency for every type", () => {
    for (const t of types) expect(findAgency(t.agencyId), t.id).toBeDefined();
  });

  it("has an appliesTo for exactly the renew, amend and cancel types", () => {
    for (const t of types) expect(t.appliesTo !== undefined, t.id).toBe(t.caseType !== "new");
  });

  it("points every appliesTo at an existing new type of the same agency", () => {
    for (const t of types.filter((x) => x.appliesTo !== undefined)) {
      const target = findLicenseType(t.appliesTo!);
      expect(target, `${t.id} → ${t.appliesTo}`).toBeDefined();
      expect(target!.caseType, t.id).toBe("new");
      expect(target!.agencyId, t.id).toBe(t.agencyId);
    }
  });

  it("asks renew, amend and cancel types for the number of the license they act on", () => {
    for (const t of types.filter((x) => x.caseType !== "new")) {
      const field = t.form.find((f) => f.key === "licenseNumber");
      expect(field, t.id).toMatchObject({ type: "text", required: true });
    }
    for (const t of types.filter((x) => x.caseType === "new"))
      expect(
        t.form.some((f) => f.key === "licenseNumber"),
        t.id,
      ).toBe(false);
  });

  it("gives a renewal its new type's code, since a renewal keeps the license number", () => {
    for (const t of types.filter((x) => x.caseType === "renew"))
      expect(t.code, t.id).toBe(findLicenseType(t.appliesTo!)!.code);
  });

  it("keeps codes unique within an agency among new types, whose numbers are allocated by code", () => {
    const scopes = types.filter((t) => t.caseType === "new").map((t) => `${t.agencyId}/${t.code}`);
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it("lets a new type that issues a license or receipt record the business name it carries", () => {
    const issuing = [
      "license",
      "licenseWithInspection",
      "licenseWithCommittee",
      "notification",
      "counterRegistration",
    ];
    for (const t of types.filter((x) => x.caseType === "new" && issuing.includes(x.family)))
      expect(
        t.form.find((f) => f.key === "businessName"),
        t.id,
      ).toMatchObject({ required: true });
  });

  it("stores for every duration what the clock's own parser reads from its raw text", () => {
    const differs: string[] = [];
    for (const t of types) {
      const durations = [
        ...t.manual.steps.map((s) => s.duration),
        t.manual.totalDuration,
        t.manual.legalTimeLimit,
      ];
      for (const d of durations)
        if (d && JSON.stringify(parseManualDuration(d.raw)) !== JSON.stringify(d))
          differs.push(`${t.id}: ${JSON.stringify(d)} vs ${JSON.stringify(parseManualDuration(d.raw))}`);
    }
    expect(differs).toEqual([]);
  });

  it("versions each entry by its whole content, so any change to it is a new version", () => {
    for (const t of types) expect(t.manual.version, t.id).toBe(entryVersion(t));
    const changed = { ...types[0]!, nameEn: `${types[0]!.nameEn} (changed)` };
    expect(entryVersion(changed)).not.toBe(types[0]!.manual.version);
  });
});
