import { clock } from "../../../shared/adapters/providers/clock";
import { inbox } from "../../../shared/adapters/providers/notifier";
import { markNoticeRead } from "../../../shared/domain/services/inbox";
import { apiHandler } from "../../../shared/http/api-handler";
import { noticeParamsSchema } from "../../../shared/schemas/notifications";

export const handler = apiHandler({ params: noticeParamsSchema }, async ({ params, actor }) => ({
  body: await markNoticeRead({ inbox: inbox(), clock: clock() }, actor, params.id),
}));
