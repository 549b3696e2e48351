import { describe, expect, it } from "vitest";
import { allLicenseTypes, findLicenseType } from "../../../../shared/catalog";
import { factErrors, factFieldIndex } from "../../../../shared/domain/business/facts";
import {
  prefillForm,
  profileAnswers,
  stillMissing,
  unaskedAnswers,
} from "../../../../shared/domain/business/prefill";
import type { BusinessProfile } from "../../../../shared/domain/business/types";

const klongDan = findLicenseType("food-premises-over-200sqm-klong-dan")!;
const wangHin = findLicenseType("food-premises-over-200sqm-wang-hin")!;

const profile: BusinessProfile = {
  operator: { type: "juristicPerson", idNumber: "0105536092641", name: "บริษัท ครัวคลองด่าน จำกัด" },
  businessName: "ครัวคลองด่าน",
  premisesAddress: "99 ม.3 ต.คลองด่าน",
  contacts: { phone: "021234567", email: "owner@krua.example" },
  facts: { premisesAreaSqm: 350 },
};

describe("one form for many licenses: prefilling from the profile and the answers", () => {
  const fromProfile = profileAnswers(profile);

  it("fills each form's own fields from the profile, under the catalog's field keys", () => {
    expect(prefillForm(klongDan, fromProfile, {})).toEqual({
      businessName: "ครัวคลองด่าน",
      operatorType: "juristicPerson",
      premisesAddress: "99 ม.3 ต.คลองด่าน",
      premisesAreaSqm: 350,
      phone: "021234567",
    });
  });

  it("applies an answer given once to every form that asks it, and to no other", () => {
    const answers = { kind: "foodSale", foodHandlers: 12, managerName: "นายสมชาย" };
    expect(prefillForm(klongDan, fromProfile, answers)).toMatchObject({ kind: "foodSale", foodHandlers: 12 });
    expect(prefillForm(klongDan, fromProfile, answers)).not.toHaveProperty("managerName");
    expect(prefillForm(wangHin, fromProfile, answers)).toMatchObject({
      kind: "foodSale",
      managerName: "นายสมชาย",
    });
    expect(prefillForm(wangHin, fromProfile, answers)).not.toHaveProperty("foodHandlers");
  });

  it("lets an answer win over the profile (the applicant's latest word)", () => {
    expect(prefillForm(klongDan, fromProfile, { businessName: "ครัวใหม่" }).businessName).toBe("ครัวใหม่");
  });

  it("names answers no chosen form asks (refused, never dropped)", () => {
    expect(unaskedAnswers([klongDan, wangHin], { kind: "foodSale", signText: "ร้าน" })).toEqual(["signText"]);
  });

  it("lists what is still missing to submit: fields and documents", () => {
    const missing = stillMissing(klongDan, prefillForm(klongDan, fromProfile, {}));
    expect(missing.fields).toEqual(["kind", "foodHandlers"]);
    expect(missing.documents.length).toBeGreaterThan(0);
    const full = prefillForm(klongDan, fromProfile, { kind: "foodSale", foodHandlers: 3 });
    expect(stillMissing(klongDan, full).fields).toEqual([]);
  });
});

describe("business facts are checked by type against what the catalog's forms ask", () => {
  const index = factFieldIndex(allLicenseTypes());

  it("accepts facts some form asks, with that form's type", () => {
    expect(
      factErrors({ premisesAreaSqm: 150, kind: "foodSale", foodHandlers: 3, byProxy: false }, index),
    ).toEqual([]);
  });

  it("refuses a fact no form asks, and a value of the wrong type, each at its path", () => {
    expect(
      factErrors({ floorSpace: 10, foodHandlers: 2.5, kind: "bakery", premisesAreaSqm: "big" }, index),
    ).toEqual([
      { path: "facts.floorSpace", message: "no license form asks this fact" },
      { path: "facts.foodHandlers", message: "expected an integer" },
      { path: "facts.kind", message: expect.stringContaining("one of foodSale") },
      { path: "facts.premisesAreaSqm", message: "expected a number" },
    ]);
  });
});
