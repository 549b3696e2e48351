import type { FinderAnswers } from "../../../shared/domain/finder/questionnaire";

/**
 * The table of businesses the finder is tested on: for each, its answers and the licences it needs
 * (rule, license type or national licence, applyable here, fee, the law's time, the answers why).
 */
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

export interface Expected {
  rule: string;
  licenseType?: string;
  national?: string;
  applyableHere: boolean;
  fee: [kind: string, amountTHB: number | null];
  timeLimit?: [basis: string, max: number, unit: string] | null;
  answers: string[];
}

export const cases: { name: string; answers: FinderAnswers; expected: Expected[] }[] = [
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
