import { finderAuthorities, finderData } from "../../../shared/catalog/finder";
import { elsewhere, resolveQuestions } from "../../../shared/domain/finder/questionnaire";
import { apiHandler } from "../../../shared/http/api-handler";
import { cacheableResult } from "../../../shared/http/cacheable";

export const handler = apiHandler({ authenticated: false }, async ({ event }) =>
  cacheableResult(event, { questions: resolveQuestions(finderData(), finderAuthorities()), elsewhere }),
);
