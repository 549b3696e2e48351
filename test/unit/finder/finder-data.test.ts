import { describe, expect, it } from "vitest";
import { agencies, findLicenseType } from "../../../shared/catalog";
import { finderData } from "../../../shared/catalog/finder";

/** The finder's data holds together with the catalog: what the loader cannot check alone. */
describe("the finder's data", () => {
  const data = finderData();

  it("names only license types of the catalog, each of the authority it is listed under", () => {
    for (const rule of data.rules)
      for (const [authority, link] of Object.entries(rule.local?.byAuthority ?? {})) {
        expect(
          agencies.map((a) => a.id),
          rule.id,
        ).toContain(authority);
        expect(findLicenseType(link.licenseTypeId)?.agencyId, `${rule.id} → ${link.licenseTypeId}`).toBe(
          authority,
        );
        for (const i of link.feeRules ?? [])
          expect(
            findLicenseType(link.licenseTypeId)?.manual.fees?.[i],
            `${rule.id} fee rule ${i}`,
          ).toBeDefined();
      }
  });

  it("conditions read only questions or what an activity implies, and every rule is some activity's", () => {
    const known = new Set([
      ...data.questions.map((q) => q.id),
      ...data.businessTypes.flatMap((t) => Object.keys(t.implies)),
    ]);
    for (const rule of data.rules) for (const c of rule.when) expect(known, rule.id).toContain(c.field);
    for (const q of data.questions) for (const c of q.askedWhen) expect(known, q.id).toContain(c.field);
    const listed = new Set(data.businessTypes.flatMap((t) => t.rules));
    for (const rule of data.rules) expect(listed, rule.id).toContain(rule.id);
  });
});
