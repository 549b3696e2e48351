import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from "@aws-sdk/client-sfn";
import {
  TaskNoLongerWaitingError,
  type WorkflowEngine,
  type WorkflowInput,
} from "../../ports/workflow-engine";

/**
 * One state machine per workflow key (ADR 0013): an execution starts on the machine of its license
 * type's key, named after the application (ids are unique across license types, so executions of one
 * machine never clash).
 */
export class StepFunctionsWorkflowEngine implements WorkflowEngine {
  constructor(
    private readonly sfn: SFNClient,
    /** Workflow key → ARN; read when an execution starts: functions that only answer tokens need none. */
    private readonly arns: () => Record<string, string>,
    /** The workflow key of a license type (from the catalog); undefined for an unknown type. */
    private readonly workflowKeyOf: (licenseTypeId: string) => string | undefined,
  ) {}

  async startExecution(input: { name: string; licenseTypeId: string; input: WorkflowInput }) {
    const key = this.workflowKeyOf(input.licenseTypeId);
    if (!key) throw new Error(`No license type ${input.licenseTypeId} in the catalog`);
    const stateMachineArn = this.arns()[key];
    if (!stateMachineArn)
      throw new Error(`No state machine for workflow ${key} (license type ${input.licenseTypeId})`);
    const executionArn = `${stateMachineArn.replace(":stateMachine:", ":execution:")}:${input.name}`;
    try {
      await this.sfn.send(
        new StartExecutionCommand({ stateMachineArn, name: input.name, input: JSON.stringify(input.input) }),
      );
    } catch (error) {
      // The execution name is the application id: a retried submit finds the first execution.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
    return { executionId: executionArn };
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    await this.answer(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.answer(new SendTaskFailureCommand({ taskToken: token, error, cause }));
  }

  private async answer(command: SendTaskSuccessCommand | SendTaskFailureCommand): Promise<void> {
    try {
      await this.sfn.send(command as SendTaskSuccessCommand);
    } catch (error) {
      if (error instanceof TaskTimedOut || error instanceof InvalidToken || error instanceof TaskDoesNotExist)
        throw new TaskNoLongerWaitingError(error.message);
      throw error;
    }
  }
}
