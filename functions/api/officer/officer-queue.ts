import { officerQueue as queueIndex } from "../../../shared/adapters/providers/application-store";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { officerQueue } from "../../../shared/domain/services/officer";
import { apiHandler } from "../../../shared/http/api-handler";
import { officerQueueQuerySchema } from "../../../shared/schemas/officer-queue";

export const handler = apiHandler({ query: officerQueueQuerySchema }, async ({ query, actor }) => ({
  body: await officerQueue({ queue: queueIndex(), officers: officerDirectory() }, actor, query),
}));
