import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fileCatalogAt } from "../../../shared/catalog";
import { buildCatalog } from "../../../shared/catalog/build/build-catalog";
import { readOverrides, readSources, writeCatalog } from "../../../shared/catalog/build/catalog-files";
import { licenseTypeOf } from "../../../shared/domain/services/license-type-of";

/**
 * s.7 and issue 15: a manual changes, a filed application does not. Importing a changed manual makes
 * a new version of the entry; the version it replaced stays readable for the applications filed
 * under it.
 */
const source = readSources().find((s) => s.file.startsWith("003"))!;
const overrides = { entries: readOverrides().entries.filter((o) => o.process.startsWith("sao-wang-hin-")) };
const registration = "sao-wang-hin-ada2cfc9";
const before = buildCatalog([source], overrides).entries;
const changed = {
  ...source,
  text: source.text.replace("8.1 จดทะเบียนพาณิชย์ตั้งใหม่ 50 บาท", "8.1 จดทะเบียนพาณิชย์ตั้งใหม่ 60 บาท"),
};
const after = buildCatalog([changed], overrides).entries;

describe("a catalog whose manual changed", () => {
  const dir = mkdtempSync(join(tmpdir(), "catalog-versions-"));
  const url = pathToFileURL(`${dir}/`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const first = writeCatalog(before, url);
  const second = writeCatalog(
    after.filter((e) => e.id !== "sao-wang-hin-20c198ae"),
    url,
  );
  const catalog = fileCatalogAt(url);
  const v1 = before.find((e) => e.id === registration)!.manual.version;
  const v2 = after.find((e) => e.id === registration)!.manual.version;

  it("writes the new version and keeps the one it replaced, and an entry no longer built, in history/", () => {
    expect(first).toEqual({ written: 17, unchanged: 0, retired: 0, superseded: 0 });
    expect(second).toEqual({ written: 1, unchanged: 15, retired: 1, superseded: 1 });
    expect(readdirSync(new URL("history/", url)).sort()).toEqual(
      [
        `${registration}@${v1}.json`,
        `sao-wang-hin-20c198ae@${before.find((e) => e.id === "sao-wang-hin-20c198ae")!.manual.version}.json`,
      ].sort(),
    );
    expect(v2).not.toBe(v1);
  });

  it("serves the version in force, and the one an application was filed under", () => {
    const feeOf = (version?: string) =>
      catalog.findLicenseType(registration, version)!.manual.fees!.find((f) => f.raw.includes("ตั้งใหม่"))!.raw;
    expect(feeOf()).toContain("60 บาท");
    expect(feeOf(v2)).toContain("60 บาท");
    expect(feeOf(v1)).toContain("50 บาท");
    expect(catalog.allLicenseTypes().map((t) => t.id)).not.toContain("sao-wang-hin-20c198ae");
    expect(catalog.findLicenseType("sao-wang-hin-20c198ae")).toBeUndefined();
  });

  it("gives the domain the type an application was filed under", () => {
    const deps = { catalog: { licenseType: catalog.findLicenseType, agency: () => undefined } };
    const filed = licenseTypeOf(deps, { licenseTypeId: registration, manualVersion: v1 });
    expect(filed.manual.version).toBe(v1);
    expect(licenseTypeOf(deps, { licenseTypeId: registration, manualVersion: v2 }).manual.version).toBe(v2);
  });
});
