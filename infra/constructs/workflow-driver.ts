import { Duration, type RemovalPolicy, Stack } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Topic } from "aws-cdk-lib/aws-sns";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { StateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import type { NotificationTopic } from "../../shared/domain/notification";
import { bizFunction } from "./function";
import { acknowledge, acknowledgeTableGrant, acknowledgeWildcards } from "./nag";
import { topicEnvironment } from "./notifications";

export interface WorkflowDriverProps {
  projectRoot: string;
  removalPolicy: RemovalPolicy;
  table: Table;
  topics: Record<NotificationTopic, Topic>;
  /** Workflow key → state machine (one per step graph, ADR 0013). */
  stateMachines: Record<string, StateMachine>;
}

/**
 * What makes "an action never waits on the workflow" durable in AWS (issue 14, item 9): the table's
 * stream, filtered to committed step outcomes and recorded waits, drives a function that settles each
 * (shared/domain/services/workflow-driver.ts). If the API function died after its commit, or a task
 * after recording its wait, the stream still delivers the record; failures are retried in order and
 * end in a dead-letter queue an alarm can watch.
 */
export class WorkflowDriver extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: WorkflowDriverProps) {
    super(scope, id);
    const topics: NotificationTopic[] = ["fixRequests", "approvals"];
    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      WORKFLOW_ARNS: Stack.of(this).toJsonString(
        Object.fromEntries(Object.entries(props.stateMachines).map(([key, sm]) => [key, sm.stateMachineArn])),
      ),
    };
    for (const topic of topics) environment[topicEnvironment[topic]] = props.topics[topic].topicArn;
    this.fn = bizFunction(this, "SettleProgress", {
      entry: "functions/events/settle-workflow-progress.ts",
      projectRoot: props.projectRoot,
      timeout: Duration.seconds(30),
      environment,
      removalPolicy: props.removalPolicy,
    });
    props.table.grantReadWriteData(this.fn);
    acknowledgeTableGrant(this.fn, props.table, true);
    for (const topic of topics) props.topics[topic].grantPublish(this.fn);
    for (const sm of Object.values(props.stateMachines)) sm.grantStartExecution(this.fn);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ["states:SendTaskSuccess", "states:SendTaskFailure"],
        resources: ["*"],
      }),
    );
    acknowledgeWildcards(
      this.fn,
      { resources: ["*"] },
      "states:SendTaskSuccess/SendTaskFailure authorise by task token, not by resource; the function answers only tokens its own state machines' tasks recorded.",
    );
    acknowledgeWildcards(
      this.fn,
      { actions: ["kms:GenerateDataKey*"] },
      "Topic.grantPublish: SNS encrypts each message with a data key from the notifications key; granted on that key only.",
    );
    props.table.grantStreamRead(this.fn);

    this.deadLetters = new Queue(this, "DeadLetters", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    });
    acknowledge(
      this.deadLetters,
      "AwsSolutions-SQS3",
      "This queue is itself the dead-letter destination of the stream that drives the workflows.",
    );
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: FilterRule.isEqual("outcome") } } } }),
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: FilterRule.isEqual("wait") } } } }),
        ],
      }),
    );
  }
}
