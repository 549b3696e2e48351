import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { deadlines } from "../../../shared/adapters/providers/deadlines";
import { workflowEngine } from "../../../shared/adapters/providers/workflow-engine";
import { performOfficerAction } from "../../../shared/domain/services/officer";
import { apiHandler } from "../../../shared/http/api-handler";
import { officerActionSchema } from "../../../shared/schemas/officer-actions";
import { applicationParams } from "../applications/params";

export const handler = apiHandler(
  { params: applicationParams, body: officerActionSchema },
  async ({ params, body, actor }) => ({
    body: await performOfficerAction(
      { store: applicationStore(), clock: clock(), workflow: workflowEngine(), deadlines: deadlines() },
      actor,
      params.id,
      body,
    ),
  }),
);
