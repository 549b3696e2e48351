import { SFNClient } from "@aws-sdk/client-sfn";
import { workflowKeyOfLicenseType } from "../../domain/workflow/workflow-key";
import type { WorkflowEngine } from "../../ports/workflow-engine";
import { env } from "../environment";
import { StepFunctionsWorkflowEngine } from "../sfn/workflow-engine";
import { licenseCatalog } from "./license-catalog";
import { provider } from "./provider";

/** The catalog says which workflow key a license type runs on; the environment maps keys to ARNs. */
export const workflowEngine = provider<WorkflowEngine>(
  () =>
    new StepFunctionsWorkflowEngine(new SFNClient({}), env.workflowArns, (licenseTypeId) => {
      const licenseType = licenseCatalog().licenseType(licenseTypeId);
      return licenseType && workflowKeyOfLicenseType(licenseType);
    }),
);
