import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from "@aws-sdk/client-sfn";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { StepFunctionsWorkflowEngine } from "../../../shared/adapters/sfn/workflow-engine";
import { TaskNoLongerWaitingError } from "../../../shared/ports/workflow-engine";

const sfn = mockClient(SFNClient);
const key = "license-inspection-payment-pickup";
const stateMachineArn = `arn:aws:states:ap-southeast-1:123456789012:stateMachine:bizportal-dev-${key}`;
// The ARN map is keyed by workflow key; a license type finds its key in the catalog (here a stand-in).
const keys: Record<string, string> = {
  "food-premises-over-200sqm-klong-dan": key,
  "fuel-station-license-klong-dan": key,
  "signboard-tax-klong-dan": "assessment",
};
const engine = new StepFunctionsWorkflowEngine(
  new SFNClient({ region: "ap-southeast-1" }),
  () => ({ [key]: stateMachineArn }),
  (licenseTypeId) => keys[licenseTypeId],
);
beforeEach(() => sfn.reset());

const id = "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ";
const start = () =>
  engine.startExecution({
    name: id,
    licenseTypeId: "food-premises-over-200sqm-klong-dan",
    input: {
      applicationId: id,
      licenseTypeId: "food-premises-over-200sqm-klong-dan",
      outcome: { round: 0, action: "submit" },
    },
  });
const executionArn = `arn:aws:states:ap-southeast-1:123456789012:execution:bizportal-dev-${key}:${id}`;

describe("StepFunctionsWorkflowEngine.startExecution", () => {
  it("starts the state machine of the license type's workflow key, named after the application, with JSON input", async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn, startDate: new Date() });
    expect(await start()).toEqual({ executionId: executionArn });
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input).toEqual({
      stateMachineArn,
      name: id,
      input: JSON.stringify({
        applicationId: id,
        licenseTypeId: "food-premises-over-200sqm-klong-dan",
        outcome: { round: 0, action: "submit" },
      }),
    });
  });

  it("treats ExecutionAlreadyExists as the first start (idempotent submit)", async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ $metadata: {}, message: "exists" }));
    expect(await start()).toEqual({ executionId: executionArn });
  });

  it("runs license types of one key on one state machine", async () => {
    sfn.on(StartExecutionCommand).resolves({});
    const fuel = "fuel-station-license-klong-dan";
    await engine.startExecution({
      name: "A2",
      licenseTypeId: fuel,
      input: { applicationId: "A2", licenseTypeId: fuel, outcome: { round: 0, action: "submit" } },
    });
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.stateMachineArn).toBe(stateMachineArn);
  });

  it("passes on other errors and refuses a license type without a key or its key without a machine", async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error("denied"), { name: "AccessDeniedException" }));
    await expect(start()).rejects.toThrow("denied");
    await expect(
      engine.startExecution({
        name: id,
        licenseTypeId: "liquor",
        input: { applicationId: id, licenseTypeId: "liquor", outcome: { round: 0, action: "submit" } },
      }),
    ).rejects.toThrow("No license type liquor in the catalog");
    await expect(
      engine.startExecution({
        name: id,
        licenseTypeId: "signboard-tax-klong-dan",
        input: {
          applicationId: id,
          licenseTypeId: "signboard-tax-klong-dan",
          outcome: { round: 0, action: "submit" },
        },
      }),
    ).rejects.toThrow("No state machine for workflow assessment (license type signboard-tax-klong-dan)");
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });
});

describe("StepFunctionsWorkflowEngine.sendTaskSuccess", () => {
  it("sends the output as JSON with the token", async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    await engine.sendTaskSuccess("token-1", {
      action: "request-fix",
      fixDeadline: "2026-03-16T09:30:00.000Z",
    });
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input).toEqual({
      taskToken: "token-1",
      output: '{"action":"request-fix","fixDeadline":"2026-03-16T09:30:00.000Z"}',
    });
  });

  it.each([
    ["TaskTimedOut", new TaskTimedOut({ $metadata: {}, message: "Task timed out" })],
    ["InvalidToken", new InvalidToken({ $metadata: {}, message: "Invalid token" })],
    ["TaskDoesNotExist", new TaskDoesNotExist({ $metadata: {}, message: "No such task" })],
  ])("maps %s to TaskNoLongerWaitingError", async (_name, error) => {
    sfn.on(SendTaskSuccessCommand).rejects(error);
    const rejection = engine.sendTaskSuccess("token-1", { action: "approve" });
    await expect(rejection).rejects.toBeInstanceOf(TaskNoLongerWaitingError);
    await expect(rejection).rejects.toThrow(error.message);
  });

  it("passes on any other error unchanged", async () => {
    const throttled = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    sfn.on(SendTaskSuccessCommand).rejects(throttled);
    await expect(engine.sendTaskSuccess("token-1", {})).rejects.toBe(throttled);
  });
});
