import * as z from "zod/mini";
import "../../../shared/schemas/zod-locale";
import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { applicationStatuses } from "../../../shared/domain/application/status";
import { officerQueue } from "../../../shared/domain/services/officer";
import { apiHandler } from "../../../shared/http/api-handler";

const query = z.strictObject({
  status: z.optional(z.enum(applicationStatuses)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

export const handler = apiHandler({ query }, async ({ query, actor }) => ({
  body: {
    items: await officerQueue({ store: applicationStore(), officers: officerDirectory() }, actor, query),
  },
}));
