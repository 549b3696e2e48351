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

export class StepFunctionsWorkflowEngine implements WorkflowEngine {
  constructor(
    private readonly sfn: SFNClient,
    /** Read when an execution starts: task functions that only answer tokens need no ARNs. */
    private readonly arns: () => Record<string, string>,
  ) {}

  async startExecution(input: { name: string; licenseTypeId: string; input: WorkflowInput }) {
    const stateMachineArn = this.arns()[input.licenseTypeId];
    if (!stateMachineArn) throw new Error(`No state machine for license type ${input.licenseTypeId}`);
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
