import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { acknowledgeFix } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { applicationParams } from "./params";

/** s.8: the applicant signs the deficiency memo (the officer signed it by requesting the fix). */
export const handler = apiHandler({ params: applicationParams }, async ({ params, actor }) => ({
  body: await acknowledgeFix({ store: applicationStore(), clock: clock() }, actor, params.id),
}));
