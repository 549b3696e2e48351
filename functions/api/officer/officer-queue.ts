import * as z from "zod";
import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { applicationStatuses } from "../../../shared/domain/application/status";
import { officerQueue } from "../../../shared/domain/services/officer";
import { apiHandler } from "../../../shared/http/api-handler";

const query = z.object({
  status: z.enum(applicationStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const handler = apiHandler({ query }, async ({ query, actor }) => ({
  body: {
    items: await officerQueue({ store: applicationStore(), officers: officerDirectory() }, actor, query),
  },
}));
