import * as z from "zod/mini";
import { agencies } from "../agencies";
import type { Agency } from "../schema";
import businessTypesFile from "./business-types.json" with { type: "json" };
import nationalLicensesFile from "./national-licenses.json" with { type: "json" };
import questionsFile from "./questions.json" with { type: "json" };
import rulesFile from "./rules.json" with { type: "json" };
import {
  businessTypeSchema,
  type FinderData,
  finderQuestionSchema,
  finderRuleSchema,
  nationalLicenseSchema,
} from "./schema";

/**
 * The finder's data, bundled with the handlers that use it (a few kilobytes, unlike the catalog's
 * license types, which ship beside the bundle). Each rule must name one outcome, and only known
 * rules, licences and questions: checked here so a broken file never answers.
 */
export function loadFinderData(): FinderData {
  const data: FinderData = {
    questions: z.array(finderQuestionSchema).parse(questionsFile.questions),
    businessTypes: z.array(businessTypeSchema).parse(businessTypesFile.businessTypes),
    nationalLicenses: z.array(nationalLicenseSchema).parse(nationalLicensesFile.licenses),
    rules: z.array(finderRuleSchema).parse(rulesFile.rules),
  };
  const ruleIds = new Set(data.rules.map((r) => r.id));
  const nationalIds = new Set(data.nationalLicenses.map((l) => l.id));
  for (const rule of data.rules) {
    if ((rule.local === undefined) === (rule.national === undefined))
      throw new Error(`Finder rule ${rule.id} must name either a local or a national licence`);
    if (rule.national !== undefined && !nationalIds.has(rule.national))
      throw new Error(`Finder rule ${rule.id} names unknown national licence ${rule.national}`);
  }
  for (const type of data.businessTypes)
    for (const ruleId of type.rules)
      if (!ruleIds.has(ruleId)) throw new Error(`Business type ${type.id} names unknown rule ${ruleId}`);
  return data;
}

let cached: FinderData | undefined;

export function finderData(): FinderData {
  cached ??= loadFinderData();
  return cached;
}

export * from "./schema";

/** The local authorities the finder routes to: those whose license types the catalog holds. */
export function finderAuthorities(): Agency[] {
  return agencies.filter((a) => a.kind === "sao");
}
