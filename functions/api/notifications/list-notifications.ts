import { inbox } from "../../../shared/adapters/providers/notifier";
import { listMyNotices } from "../../../shared/domain/services/inbox";
import { apiHandler } from "../../../shared/http/api-handler";
import { inboxQuerySchema } from "../../../shared/schemas/notifications";

export const handler = apiHandler({ query: inboxQuerySchema }, async ({ query, actor }) => ({
  body: await listMyNotices({ inbox: inbox() }, actor, query),
}));
