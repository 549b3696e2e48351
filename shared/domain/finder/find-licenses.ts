import type { FinderData, FinderRule } from "../../catalog/finder/schema";
import type { Agency, LicenseType } from "../../catalog/schema";
import { allHold, type Facts } from "./conditions";
import { estimateFee, type FeeEstimate } from "./fee-estimate";
import {
  type AnswerValue,
  type CheckedAnswers,
  checkAnswers,
  elsewhere,
  type FinderAnswers,
  type ResolvedQuestion,
  resolveQuestions,
} from "./questionnaire";

/**
 * The Smart Quiz: which licences a business needs, from its answers. Deterministic and explainable:
 * every licence comes from one rule of the finder's data whose conditions all hold, and says which
 * answers made them hold; nothing here names a licence.
 */

type TimeLimit =
  | (NonNullable<LicenseType["manual"]["totalDuration"]> & { basis: "law" | "manualTotal" })
  | null;

export interface FoundLicense {
  ruleId: string;
  /** catalog: a license type of this deployment; localNotInCatalog: the authority's, not online here; national: a national agency's. */
  kind: "catalog" | "localNotInCatalog" | "national";
  licenseType: { id: string; nameTh: string; nameEn: string } | null;
  nationalLicenseId: string | null;
  nameTh: string;
  nameEn: string;
  agency: { id: string | null; nameTh: string; nameEn: string };
  applyableHere: boolean;
  why: { th: string; en: string; answers: ReasonAnswer[] };
  timeLimit: TimeLimit;
  fee: FeeEstimate;
}

export interface ReasonAnswer {
  question: string;
  answer: AnswerValue;
  th: string;
  en: string;
}

export interface FinderResult {
  activity: { id: string; nameTh: string; nameEn: string };
  authority: { id: string; nameTh: string; nameEn: string } | null;
  licenses: FoundLicense[];
  notes: { th: string; en: string }[];
  /** Answers to questions not asked for these answers: not read. */
  ignoredAnswers: string[];
}

export interface FinderContext {
  data: FinderData;
  /** The local authorities whose licence types the catalog holds. */
  authorities: readonly Agency[];
  licenseType: (id: string) => LicenseType | undefined;
}

const elsewhereNote = {
  th: "ใบอนุญาตของท้องถิ่น (เช่น สถานที่จำหน่ายอาหาร ภาษีป้าย การก่อสร้างอาคาร) ออกโดยองค์กรปกครองส่วนท้องถิ่นที่สถานประกอบการตั้งอยู่ ระบบนี้ให้บริการเฉพาะ อบต.คลองด่าน และ อบต.วังหิน",
  en: "Local licences (food premises, signboard tax, building work …) are issued by the local authority where the business is; this service covers only the Khlong Dan and Wang Hin SAOs",
};

export function findLicenses(context: FinderContext, answers: FinderAnswers): FinderResult {
  const checked = checkAnswers(context.data, answers);
  const questions = resolveQuestions(context.data, context.authorities);
  const authority = context.authorities.find((a) => a.id === checked.facts.location) ?? null;
  const licenses = context.data.rules
    .filter((rule) => allHold(rule.when, checked.facts))
    .flatMap((rule) => {
      const why = { ...rule.why, answers: reasonAnswers(rule, checked, questions) };
      if (rule.national !== undefined) return [nationalLicense(context, rule.national, rule, why)];
      return authority ? [localLicense(context, rule, authority, why)] : [];
    });
  return {
    activity: pick(checked.activity),
    authority: authority ? pick(authority) : null,
    licenses,
    notes: checked.facts.location === elsewhere ? [elsewhereNote] : [],
    ignoredAnswers: checked.ignored,
  };
}

const pick = ({ id, nameTh, nameEn }: { id: string; nameTh: string; nameEn: string }) => ({
  id,
  nameTh,
  nameEn,
});

function nationalLicense(
  context: FinderContext,
  id: string,
  rule: FinderRule,
  why: FoundLicense["why"],
): FoundLicense {
  const license = context.data.nationalLicenses.find((l) => l.id === id);
  if (!license) throw new Error(`Finder rule ${rule.id} names unknown national licence ${id}`);
  return {
    ruleId: rule.id,
    kind: "national",
    licenseType: null,
    nationalLicenseId: license.id,
    nameTh: license.nameTh,
    nameEn: license.nameEn,
    agency: { id: null, ...license.agency },
    applyableHere: false,
    why,
    timeLimit: null,
    fee: estimateFee(null),
  };
}

function localLicense(
  context: FinderContext,
  rule: FinderRule,
  authority: Agency,
  why: FoundLicense["why"],
): FoundLicense {
  const local = rule.local!;
  const link = local.byAuthority[authority.id];
  const entry = link ? context.licenseType(link.licenseTypeId) : undefined;
  if (link && !entry)
    throw new Error(`Finder rule ${rule.id} names unknown license type ${link.licenseTypeId}`);
  const agency = { id: authority.id, nameTh: authority.nameTh, nameEn: authority.nameEn };
  if (!entry)
    return {
      ruleId: rule.id,
      kind: "localNotInCatalog",
      licenseType: null,
      nationalLicenseId: null,
      nameTh: local.nameTh,
      nameEn: local.nameEn,
      agency,
      applyableHere: false,
      why,
      timeLimit: null,
      fee: estimateFee(null),
    };
  return {
    ruleId: rule.id,
    kind: "catalog",
    licenseType: pick(entry),
    nationalLicenseId: null,
    nameTh: entry.nameTh,
    nameEn: entry.nameEn,
    agency,
    applyableHere: true,
    why,
    timeLimit: timeLimitOf(entry),
    fee: estimateFee(entry.manual.fees, link?.feeRules),
  };
}

/**
 * The law's time limit for the decision where the manual quotes one, else the manual's total: the
 * same reading as the catalog's list (shared/catalog/public/summary.ts), which the domain may not import.
 */
function timeLimitOf(entry: LicenseType): TimeLimit {
  const { legalTimeLimit, totalDuration } = entry.manual;
  if (legalTimeLimit) return { basis: "law", ...legalTimeLimit };
  if (totalDuration) return { basis: "manualTotal", ...totalDuration };
  return null;
}

/** The answers a rule read, each once; a fact the activity implies is explained by the activity. */
function reasonAnswers(
  rule: FinderRule,
  checked: CheckedAnswers,
  questions: ResolvedQuestion[],
): ReasonAnswer[] {
  const facts: Facts = checked.facts;
  const fields = [
    ...new Set(rule.when.map((c) => (c.field in checked.activity.implies ? "activity" : c.field))),
  ];
  return fields.map((field) => {
    const answer = field === "activity" ? checked.activity.id : facts[field]!;
    const question = questions.find((q) => q.id === field);
    const option = question?.options?.find((o) => o.value === answer);
    const shown = (lang: "th" | "en") =>
      option
        ? lang === "th"
          ? option.labelTh
          : option.labelEn
        : typeof answer === "boolean"
          ? answer
            ? lang === "th"
              ? "ใช่"
              : "yes"
            : lang === "th"
              ? "ไม่ใช่"
              : "no"
          : `${answer}${question?.unit ? ` ${question.unit[lang]}` : ""}`;
    return {
      question: field,
      answer,
      th: `${question?.textTh ?? field}: ${shown("th")}`,
      en: `${question?.textEn ?? field}: ${shown("en")}`,
    };
  });
}
