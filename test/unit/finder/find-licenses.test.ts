import { describe, expect, it } from "vitest";
import { findLicenseType } from "../../../shared/catalog";
import { finderAuthorities, finderData } from "../../../shared/catalog/finder";
import { findLicenses } from "../../../shared/domain/finder/find-licenses";
import type { FinderAnswers } from "../../../shared/domain/finder/questionnaire";

/**
 * The Smart Quiz over a table of businesses: which licences each needs, why, whether it can apply
 * here, and what the manuals say it costs. Real data: the finder's rules and the catalog's entries.
 */
const context = {
  data: finderData(),
  authorities: finderAuthorities(),
  licenseType: (id: string) => findLicenseType(id),
};

/** A business that answers "no" to everything but what each case sets. */
const base = {
  legalForm: "individual",
  hazardousToHealth: false,
  hasSign: false,
  employees: 0,
  buildingWork: "none",
};
const { hazardousToHealth: _, ...withoutHazard } = base;
const noFoodExtras = { sellsAlcohol: false, sellsTobacco: false };

interface Expected {
  rule: string;
  licenseType?: string;
  national?: string;
  applyableHere: boolean;
  fee: [kind: string, amountTHB: number | null];
  timeLimit?: [basis: string, max: number, unit: string] | null;
  answers: string[];
}

const cases: { name: string; answers: FinderAnswers; expected: Expected[] }[] = [
  {
    name: "a restaurant of 350 m² with a sign in คลองด่าน",
    answers: {
      ...base,
      ...noFoodExtras,
      activity: "restaurant",
      location: "sao-khlong-dan",
      floorAreaSqm: 350,
      lpgStorageLitres: 0,
      sellsInPublicPlace: false,
      hasSign: true,
    },
    expected: [
      {
        rule: "food-premises-over-200sqm",
        licenseType: "food-premises-over-200sqm-klong-dan",
        applyableHere: true,
        fee: ["upTo", 3000],
        timeLimit: ["law", 30, "day"],
        answers: ["activity", "floorAreaSqm"],
      },
      {
        rule: "signboard-tax",
        licenseType: "signboard-tax-klong-dan",
        applyableHere: true,
        fee: ["unknown", null],
        timeLimit: ["law", 30, "day"],
        answers: ["hasSign"],
      },
    ],
  },
  {
    name: "a small food shop of 80 m² in คลองด่าน that sells beer, with 3 employees and 600 litres of LPG",
    answers: {
      ...base,
      activity: "restaurant",
      location: "sao-khlong-dan",
      floorAreaSqm: 80,
      lpgStorageLitres: 600,
      sellsInPublicPlace: true,
      sellsAlcohol: true,
      sellsTobacco: false,
      employees: 3,
    },
    expected: [
      {
        rule: "food-premises-up-to-200sqm",
        licenseType: "sao-khlong-dan-a4b5bccf",
        applyableHere: true,
        fee: ["upTo", 1000],
        timeLimit: ["manualTotal", 7, "day"],
        answers: ["activity", "floorAreaSqm"],
      },
      {
        rule: "public-place-sale",
        licenseType: "sao-khlong-dan-c2eb1044",
        applyableHere: true,
        fee: ["upTo", 500],
        timeLimit: ["law", 30, "day"],
        answers: ["sellsInPublicPlace"],
      },
      {
        rule: "liquor-sale",
        national: "excise-liquor",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["sellsAlcohol"],
      },
      {
        rule: "lpg-notification",
        national: "doeb-lpg-notification",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["lpgStorageLitres"],
      },
      {
        rule: "employer-registration",
        national: "sso-employer-registration",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["employees"],
      },
    ],
  },
  {
    name: "a fuel station of a company in คลองด่าน, built new, with a sign and 5 employees",
    // A fuel station is hazardous to health by its activity (000: กิจการที่เกี่ยวกับปิโตรเลียม): not asked.
    answers: {
      ...withoutHazard,
      ...noFoodExtras,
      activity: "fuel-station",
      location: "sao-khlong-dan",
      legalForm: "juristic-person",
      servesFood: false,
      hasSign: true,
      employees: 5,
      buildingWork: "construct",
    },
    expected: [
      {
        rule: "signboard-tax",
        licenseType: "signboard-tax-klong-dan",
        applyableHere: true,
        fee: ["unknown", null],
        answers: ["hasSign"],
      },
      {
        rule: "fuel-station-acceptance",
        licenseType: "sao-khlong-dan-1fac32dd",
        applyableHere: true,
        fee: ["unknown", null],
        timeLimit: ["manualTotal", 45, "workingDay"],
        answers: ["activity"],
      },
      {
        rule: "fuel-station-license",
        licenseType: "fuel-station-license-klong-dan",
        applyableHere: true,
        fee: ["perRegulation", 200],
        timeLimit: ["manualTotal", 30, "workingDay"],
        answers: ["activity"],
      },
      {
        rule: "health-hazardous",
        licenseType: "sao-khlong-dan-d13441a0",
        applyableHere: true,
        fee: ["upTo", 10000],
        answers: ["activity"],
      },
      {
        rule: "commercial-registration-juristic-person",
        licenseType: "sao-khlong-dan-8517a1c1",
        applyableHere: true,
        // The registration fee only: the manual's copy fee (฿30 a set) is for copies one asks for.
        fee: ["fixed", 50],
        answers: ["activity", "legalForm"],
      },
      {
        rule: "building-construction",
        licenseType: "building-construction-permit-klong-dan",
        applyableHere: true,
        fee: ["perRegulation", null],
        timeLimit: ["law", 45, "day"],
        answers: ["buildingWork"],
      },
      {
        rule: "juristic-person-registration",
        national: "dbd-juristic-registration",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["legalForm"],
      },
      {
        rule: "employer-registration",
        national: "sso-employer-registration",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["employees"],
      },
    ],
  },
  {
    name: "a market with a sign in วังหิน",
    answers: {
      ...base,
      ...noFoodExtras,
      activity: "market",
      location: "sao-wang-hin",
      servesFood: false,
      sellsInPublicPlace: false,
      hasSign: true,
    },
    expected: [
      {
        rule: "market",
        licenseType: "sao-wang-hin-571e4f4c",
        applyableHere: true,
        fee: ["unknown", null],
        timeLimit: ["manualTotal", 20, "day"],
        answers: ["activity"],
      },
      {
        rule: "signboard-tax",
        licenseType: "sao-wang-hin-b44df209",
        applyableHere: true,
        fee: ["perRegulation", null],
        answers: ["hasSign"],
      },
    ],
  },
  {
    name: "a retail shop of an individual in วังหิน (one registration form for every case)",
    answers: {
      ...base,
      ...noFoodExtras,
      activity: "retail-shop",
      location: "sao-wang-hin",
      servesFood: false,
      sellsInPublicPlace: false,
    },
    expected: [
      {
        rule: "commercial-registration-individual",
        licenseType: "sao-wang-hin-ada2cfc9",
        applyableHere: true,
        fee: ["fixed", 50],
        answers: ["activity", "legalForm"],
      },
    ],
  },
  {
    name: "a small food shop in วังหิน, whose notification the catalog does not hold",
    answers: {
      ...base,
      ...noFoodExtras,
      activity: "restaurant",
      location: "sao-wang-hin",
      floorAreaSqm: 50,
      lpgStorageLitres: 0,
      sellsInPublicPlace: false,
    },
    expected: [
      {
        rule: "food-premises-up-to-200sqm",
        applyableHere: false,
        fee: ["unknown", null],
        timeLimit: null,
        answers: ["activity", "floorAreaSqm"],
      },
    ],
  },
  {
    name: "a hotel with a 300 m² restaurant elsewhere, selling liquor, with 20 employees and 1,500 litres of LPG",
    answers: {
      ...base,
      activity: "hotel",
      location: "elsewhere",
      legalForm: "juristic-person",
      servesFood: true,
      floorAreaSqm: 300,
      lpgStorageLitres: 1500,
      sellsAlcohol: true,
      sellsTobacco: true,
      hasSign: true,
      employees: 20,
      buildingWork: "construct",
    },
    expected: [
      {
        rule: "liquor-sale",
        national: "excise-liquor",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["sellsAlcohol"],
      },
      {
        rule: "tobacco-sale",
        national: "excise-tobacco",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["sellsTobacco"],
      },
      {
        rule: "lpg-storage-license",
        national: "doeb-lpg-storage-license",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["lpgStorageLitres"],
      },
      {
        rule: "hotel",
        national: "dopa-hotel",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["activity"],
      },
      {
        rule: "juristic-person-registration",
        national: "dbd-juristic-registration",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["legalForm"],
      },
      {
        rule: "employer-registration",
        national: "sso-employer-registration",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["employees"],
      },
    ],
  },
  {
    name: "an electronics repair shop in คลองด่าน",
    answers: { ...base, activity: "electronics-repair", location: "sao-khlong-dan", servesFood: false },
    expected: [
      {
        rule: "commercial-registration-individual",
        licenseType: "sao-khlong-dan-3ce34d50",
        applyableHere: true,
        fee: ["fixed", 50],
        answers: ["activity", "legalForm"],
      },
      {
        rule: "radio-equipment-trade",
        national: "nbtc-radio-equipment-trade",
        applyableHere: false,
        fee: ["unknown", null],
        answers: ["activity"],
      },
    ],
  },
];

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
