import { describe, expect, it } from "vitest";
import { allLicenseTypes, findAgency } from "../../../shared/catalog";
import { licenseTypeDetail } from "../../../shared/catalog/public/detail";
import { listLicenseTypes } from "../../../shared/catalog/public/listing";
import {
  catalogListQuerySchema,
  licenseTypeDetailSchema,
  licenseTypePageSchema,
} from "../../../shared/schemas/catalog";

/** Issue 15 §4: the detail of every entry, and every list page, is what its response schema says. */
const types = allLicenseTypes();

describe.each(types.map((t) => [t.id, t] as const))("the detail of %s", (_id, entry) => {
  const detail = licenseTypeDetail(entry);

  it("matches the response schema exactly (nothing more, nothing less)", () => {
    expect(licenseTypeDetailSchema.parse(detail)).toEqual(detail);
  });

  it("names the agency with its address", () => {
    const agency = findAgency(entry.agencyId)!;
    expect(detail.agency).toEqual({
      id: agency.id,
      nameTh: agency.nameTh,
      nameEn: agency.nameEn,
      address: agency.address,
    });
  });

  it("lists every document of the manual, with its rule where it depends on the form", () => {
    expect(detail.documents.map((d) => d.key)).toEqual(entry.manual.documents.map((d) => d.key));
    for (const [i, d] of entry.manual.documents.entries())
      expect(detail.documents[i]).toMatchObject({
        nameTh: d.name,
        requiredToSubmit: d.requiredToSubmit,
        requiredWhen: d.requiredWhen ?? null,
        condition: d.condition ?? null,
        originals: d.originals,
        copies: d.copies,
        countUnit: d.countUnit,
        category: d.category,
      });
  });

  it("keeps the steps, durations raw and parsed, fees raw and parsed, and the manual's source", () => {
    expect(detail.steps.map((s) => [s.seq, s.duration])).toEqual(
      entry.manual.steps.map((s) => [s.seq, s.duration]),
    );
    expect(detail.totalDuration).toEqual(entry.manual.totalDuration);
    expect(detail.legalTimeLimit).toEqual(entry.manual.legalTimeLimit ?? null);
    expect(detail.fees?.map((f) => [f.kind, f.raw]) ?? null).toEqual(
      entry.manual.fees?.map((f) => [f.kind, f.raw]) ?? null,
    );
    expect(detail.manual).toMatchObject({
      version: entry.manual.version,
      sourceLines: entry.manual.sourceLines,
    });
    expect(detail.legalBasis).toEqual(entry.manual.legalBasis);
    expect(detail.serviceChannels).toEqual(entry.manual.serviceChannels);
    expect(detail.complaintChannels).toEqual(entry.manual.complaintChannels);
  });
});

describe("a list page", () => {
  it("matches the response schema exactly", () => {
    const page = listLicenseTypes(types, catalogListQuerySchema.parse({ limit: "100" }));
    expect(licenseTypePageSchema.parse(page)).toEqual(page);
  });
});
