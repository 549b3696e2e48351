import { describe, expect, it } from "vitest";
import { findLicenseType } from "../../../shared/catalog";
import { finderAuthorities, finderData } from "../../../shared/catalog/finder";
import { findLicenses } from "../../../shared/domain/finder/find-licenses";
import { cases } from "./finder-cases";

/**
 * The Smart Quiz over a table of businesses: which licences each needs, why, whether it can apply
 * here, and what the manuals say it costs. Real data: the finder's rules and the catalog's entries.
 */
const context = {
  data: finderData(),
  authorities: finderAuthorities(),
  licenseType: (id: string) => findLicenseType(id),
};

describe("the license finder, business by business", () => {
  for (const c of cases)
    it(c.name, () => {
      const result = findLicenses(context, c.answers);
      expect(result.ignoredAnswers).toEqual([]);
      const got = result.licenses.map((l) => ({
        rule: l.ruleId,
        ...(l.licenseType ? { licenseType: l.licenseType.id } : {}),
        ...(l.nationalLicenseId ? { national: l.nationalLicenseId } : {}),
        applyableHere: l.applyableHere,
        fee: [l.fee.kind, l.fee.amountTHB],
        ...(c.expected.find((e) => e.rule === l.ruleId)?.timeLimit !== undefined
          ? { timeLimit: l.timeLimit && [l.timeLimit.basis, l.timeLimit.max, l.timeLimit.unit] }
          : {}),
        answers: l.why.answers.map((a) => a.question),
      }));
      expect(got).toEqual(c.expected);
      for (const l of result.licenses) {
        expect(l.why.th.length).toBeGreaterThan(0);
        expect(l.why.en.length).toBeGreaterThan(0);
        for (const a of l.why.answers) expect(a.th).toMatch(/: /);
        expect(l.fee.th.length * l.fee.en.length).toBeGreaterThan(0);
        // A licence this deployment issues is the issuing authority's own.
        if (l.licenseType) expect(findLicenseType(l.licenseType.id)?.agencyId).toBe(l.agency.id);
      }
    });

  it("elsewhere: only national licences, none applyable here, and a note why", () => {
    const result = findLicenses(context, cases.find((c) => c.answers.location === "elsewhere")!.answers);
    expect(result.authority).toBeNull();
    expect(result.licenses.every((l) => l.kind === "national" && !l.applyableHere)).toBe(true);
    expect(result.notes).toHaveLength(1);
  });

  it("explains an answer in words: the floor area with its unit, a choice by its label", () => {
    const [food] = findLicenses(context, cases[0]!.answers).licenses;
    expect(food!.why.answers).toEqual([
      expect.objectContaining({
        question: "activity",
        answer: "restaurant",
        th: expect.stringContaining("ร้านอาหาร"),
      }),
      expect.objectContaining({
        question: "floorAreaSqm",
        answer: 350,
        en: expect.stringContaining("350 m²"),
      }),
    ]);
    expect(findLicenses(context, cases[0]!.answers).authority?.id).toBe("sao-khlong-dan");
  });

  it("200 m² exactly is the notification, 200.5 m² the licence (the manuals: เกิน 200 ตารางเมตร)", () => {
    const rule = (floorAreaSqm: number) =>
      findLicenses(context, { ...cases[0]!.answers, hasSign: false, floorAreaSqm }).licenses.map(
        (l) => l.ruleId,
      );
    expect(rule(200)).toEqual(["food-premises-up-to-200sqm"]);
    expect(rule(200.5)).toEqual(["food-premises-over-200sqm"]);
  });
});

describe("answers the finder refuses or sets aside", () => {
  it("a question asked for these answers left open: INCOMPLETE_ANSWERS, at each field", () => {
    const { floorAreaSqm: _, lpgStorageLitres: __, ...answers } = cases[0]!.answers;
    expect(() => findLicenses(context, answers)).toThrow(
      expect.objectContaining({
        code: "INCOMPLETE_ANSWERS",
        kind: "validation",
        errors: [
          { path: "body.floorAreaSqm", message: "required for these answers" },
          { path: "body.lpgStorageLitres", message: "required for these answers" },
        ],
      }),
    );
  });

  it("an answer that contradicts the activity: CONTRADICTORY_ANSWERS", () => {
    expect(() => findLicenses(context, { ...cases[0]!.answers, servesFood: false })).toThrow(
      expect.objectContaining({
        code: "CONTRADICTORY_ANSWERS",
        errors: [expect.objectContaining({ path: "body.servesFood" })],
      }),
    );
  });

  it("answers to questions not asked are not read, and said so", () => {
    const retail = cases.find((c) => c.answers.activity === "retail-shop")!.answers;
    const result = findLicenses(context, { ...retail, floorAreaSqm: 999, lpgStorageLitres: 5000 });
    expect(result.ignoredAnswers).toEqual(["floorAreaSqm", "lpgStorageLitres"]);
    expect(result.licenses.map((l) => l.ruleId)).toEqual(["commercial-registration-individual"]);
  });
});
