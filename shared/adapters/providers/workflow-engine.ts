import { SFNClient } from "@aws-sdk/client-sfn";
import type { WorkflowEngine } from "../../ports/workflow-engine";
import { env } from "../environment";
import { StepFunctionsWorkflowEngine } from "../sfn/workflow-engine";
import { provider } from "./provider";

export const workflowEngine = provider<WorkflowEngine>(
  () => new StepFunctionsWorkflowEngine(new SFNClient({}), env.workflowArns),
);
