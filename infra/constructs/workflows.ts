import { Duration, type RemovalPolicy } from "aws-cdk-lib";
import type { UserPool } from "aws-cdk-lib/aws-cognito";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Topic } from "aws-cdk-lib/aws-sns";
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { type TaskFunctionName, taskFunctions } from "../../functions/tasks/registry";
import type { LicenseType } from "../../shared/catalog";
import {
  type DistinctWorkflow,
  distinctWorkflows,
  type WorkflowKey,
} from "../../shared/domain/workflow/workflow-key";
import type { NotificationTopic } from "../../shared/ports/event-publisher";
import { licenseWorkflow } from "../../statemachines/license-workflow";
import { bizFunction } from "./function";
import { acknowledge, acknowledgeTableGrant, acknowledgeWildcards, arnRef, xrayReason } from "./nag";
import { topicEnvironment } from "./notifications";

/** What each task handler touches (functions/tasks/*.ts → shared/domain/services/workflow-tasks.ts). */
export const taskNeeds: Record<
  TaskFunctionName,
  { table: "read" | "write"; topics: NotificationTopic[]; answersTokens?: true; roleMembers?: true }
> = {
  // Records the wait; if the step's outcome is already committed, announces it (fix-request and
  // decision notices, when the decision was notified: s.10) and answers the token with it at once.
  awaitHumanStep: { table: "write", topics: ["fixRequests", "approvals"], answersTokens: true },
  // s.8: writes RETURNED and tells the applicant on the fix-request topic.
  returnApplication: { table: "write", topics: ["fixRequests"] },
  // s.10: records an overdue notice and publishes it (applicant, copy to OPDC and the supervisor).
  // The copies go to the inboxes of OPDC's users too: it lists that group of the user pool.
  escalateOverdue: { table: "write", topics: ["overdueEscalations"], roleMembers: true },
};

export interface WorkflowsProps {
  stage: string;
  projectRoot: string;
  removalPolicy: RemovalPolicy;
  licenseTypes: readonly LicenseType[];
  table: Table;
  topics: Record<NotificationTopic, Topic>;
  userPool: UserPool;
}

/**
 * The Lambda functions the workflows invoke and one Standard state machine per workflow key (a step
 * graph, shared by every license type of that shape: ADR 0013), deployed from the same ASL the local
 * runner executes (statemachines/license-workflow.ts). A license type with a known shape adds nothing
 * here; each new shape adds a state machine, its role and policy and its log group.
 */
export class Workflows extends Construct {
  readonly taskFunctions: Record<TaskFunctionName, NodejsFunction>;
  /** Workflow key → state machine. */
  readonly stateMachines: Record<WorkflowKey, StateMachine>;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const names = Object.keys(taskFunctions) as TaskFunctionName[];
    this.taskFunctions = Object.fromEntries(
      names.map((name) => [name, this.taskFunction(name, props)]),
    ) as Record<TaskFunctionName, NodejsFunction>;

    this.stateMachines = {};
    for (const workflow of distinctWorkflows(props.licenseTypes))
      this.stateMachines[workflow.key] = this.stateMachine(workflow, props);
  }

  private taskFunction(name: TaskFunctionName, props: WorkflowsProps): NodejsFunction {
    const needs = taskNeeds[name];
    const environment: Record<string, string> = { TABLE_NAME: props.table.tableName };
    for (const topic of needs.topics) environment[topicEnvironment[topic]] = props.topics[topic].topicArn;
    if (needs.roleMembers) environment.USER_POOL_ID = props.userPool.userPoolId;
    const fn = bizFunction(this, `Task-${name}`, {
      entry: taskFunctions[name].entry,
      projectRoot: props.projectRoot,
      timeout: Duration.seconds(30),
      environment,
      removalPolicy: props.removalPolicy,
    });
    if (needs.table === "write") props.table.grantReadWriteData(fn);
    else props.table.grantReadData(fn);
    for (const topic of needs.topics) props.topics[topic].grantPublish(fn);
    if (needs.roleMembers) props.userPool.grant(fn, "cognito-idp:ListUsersInGroup");
    if (needs.answersTokens) {
      // The state machines' ARNs would be a dependency cycle (they reference this function), and the
      // task-response actions do not support resource-level permissions anyway.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ["states:SendTaskSuccess", "states:SendTaskFailure"],
          resources: ["*"],
        }),
      );
      acknowledgeWildcards(
        fn,
        { resources: ["*"] },
        "states:SendTaskSuccess/SendTaskFailure authorise by task token, not by resource; the function answers only tokens its own state machines passed it.",
      );
    }
    if (needs.topics.length > 0)
      acknowledgeWildcards(
        fn,
        { actions: ["kms:GenerateDataKey*"] },
        "Topic.grantPublish: SNS encrypts each message with a data key from the notifications key; granted on that key only.",
      );
    acknowledgeTableGrant(fn, props.table, needs.table === "write");
    return fn;
  }

  private stateMachine(workflow: DistinctWorkflow, props: WorkflowsProps): StateMachine {
    const { definition, taskStates } = licenseWorkflow(workflow.shape);
    const invoked = new Set(Object.values(taskStates));
    const name = `bizportal-${props.stage}-${workflow.key}`;
    // Cut short, two keys could share a name; the longest key (43 characters) leaves 26 for the stage.
    if (name.length > 80) throw new Error(`State machine name ${name} is longer than 80 characters`);
    const id = constructIdOf(workflow.key);
    const logGroup = new LogGroup(this, `${id}Logs`, {
      // The vendedlogs prefix keeps Step Functions from growing the account's Logs resource policy.
      logGroupName: `/aws/vendedlogs/states/${name}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    const machine = new StateMachine(this, id, {
      stateMachineName: name,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(definition)),
      definitionSubstitutions: Object.fromEntries(
        [...invoked].map((fn) => [taskFunctions[fn].substitution, this.taskFunctions[fn].functionArn]),
      ),
      logs: { destination: logGroup, level: LogLevel.ERROR, includeExecutionData: false },
      tracingEnabled: true,
    });
    for (const fn of invoked) this.taskFunctions[fn].grantInvoke(machine.role);

    acknowledgeWildcards(
      machine,
      { resources: [...invoked].map((fn) => `${arnRef(this.taskFunctions[fn])}:*`) },
      "grantInvoke allows the function's qualified ARNs (<arn>:*, versions and aliases) next to the unqualified one; the state machine invokes only its own task functions.",
    );
    acknowledgeWildcards(
      machine,
      { resources: ["*"] },
      `CloudWatch Logs delivery (logs:CreateLogDelivery, …, DescribeLogGroups) and X-Ray do not support resource-level permissions. ${xrayReason}`,
    );
    acknowledge(
      machine,
      "AwsSolutions-SF1",
      "Executions carry applicant data; level ERROR without execution data logs failures for operators while the full per-state history stays in the Step Functions execution history (90 days) and the application's event items in DynamoDB.",
    );
    return machine;
  }
}

/** `license-inspection-payment-pickup` → `LicenseInspectionPaymentPickup`: a readable logical id. */
function constructIdOf(key: WorkflowKey): string {
  return key.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
}
