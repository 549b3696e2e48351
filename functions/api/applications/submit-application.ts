import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { deadlines } from "../../../shared/adapters/providers/deadlines";
import { workflowEngine } from "../../../shared/adapters/providers/workflow-engine";
import { submitApplication } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { applicationParams } from "./params";

export const handler = apiHandler({ params: applicationParams }, async ({ params, actor }) => ({
  body: await submitApplication(
    { store: applicationStore(), clock: clock(), workflow: workflowEngine(), deadlines: deadlines() },
    actor,
    params.id,
  ),
}));
