import type { BusinessType, FinderData, FinderQuestion } from "../../catalog/finder/schema";
import type { Agency } from "../../catalog/schema";
import { allHold, type Facts } from "./conditions";
import { finderProblems } from "./errors";

export type AnswerValue = string | number | boolean;
export type FinderAnswers = Readonly<Record<string, AnswerValue>>;

export interface ChoiceOption {
  value: string;
  labelTh: string;
  labelEn: string;
}

/** A question as a client renders it: options filled in, and when it is asked. */
export interface ResolvedQuestion extends Omit<FinderQuestion, "options" | "optionsFrom"> {
  options?: ChoiceOption[];
  /** The activities that settle this question themselves (it is not asked for them). */
  settledBy: string[];
}

/** The answer for a business outside the authorities this deployment serves. */
export const elsewhere = "elsewhere";

export function resolveQuestions(data: FinderData, authorities: readonly Agency[]): ResolvedQuestion[] {
  return data.questions.map(({ options, optionsFrom, ...question }) => {
    const resolved =
      optionsFrom === "businessTypes"
        ? data.businessTypes.map((t) => ({ value: t.id, labelTh: t.nameTh, labelEn: t.nameEn }))
        : optionsFrom === "authorities"
          ? [
              ...authorities.map((a) => ({ value: a.id, labelTh: a.nameTh, labelEn: a.nameEn })),
              { value: elsewhere, labelTh: "พื้นที่อื่น", labelEn: "Somewhere else" },
            ]
          : options;
    const settledBy = data.businessTypes.filter((t) => question.id in t.implies).map((t) => t.id);
    return { ...question, ...(resolved ? { options: resolved } : {}), settledBy };
  });
}

export interface CheckedAnswers {
  activity: BusinessType;
  /** The answers and what the activity implies: what the rules read. */
  facts: Facts;
  /** Answers to questions not asked for these answers: not used, and said so. */
  ignored: string[];
}

/**
 * Checks answers against the questions: every question asked for them must be answered (the first
 * ones decide which later ones are asked), none may contradict what the activity implies, and
 * answers to questions not asked are set aside rather than read.
 */
export function checkAnswers(data: FinderData, answers: FinderAnswers): CheckedAnswers {
  const activity = data.businessTypes.find((t) => t.id === answers.activity);
  if (!activity)
    throw finderProblems.incompleteAnswers([
      { path: "body.activity", message: "choose a business activity" },
    ]);
  const facts: Record<string, AnswerValue> = { ...activity.implies };
  const missing: { path: string; message: string }[] = [];
  const contradicted: { path: string; message: string }[] = [];
  const ignored: string[] = [];
  for (const question of data.questions) {
    const answer = answers[question.id];
    if (question.id in activity.implies) {
      if (answer !== undefined && answer !== activity.implies[question.id])
        contradicted.push({
          path: `body.${question.id}`,
          message: `the activity "${activity.id}" means ${JSON.stringify(activity.implies[question.id])}`,
        });
      continue;
    }
    if (!allHold(question.askedWhen, facts)) {
      if (answer !== undefined) ignored.push(question.id);
      continue;
    }
    if (answer === undefined)
      missing.push({ path: `body.${question.id}`, message: "required for these answers" });
    else facts[question.id] = answer;
  }
  if (contradicted.length > 0) throw finderProblems.contradictoryAnswers(contradicted);
  if (missing.length > 0) throw finderProblems.incompleteAnswers(missing);
  return { activity, facts, ignored };
}
