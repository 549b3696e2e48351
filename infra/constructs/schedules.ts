import { Duration, type RemovalPolicy } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Topic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import { type ScheduledFunctionName, scheduledFunctions } from "../../functions/events/registry";
import type { NotificationTopic } from "../../shared/ports/event-publisher";
import { bizFunction } from "./function";
import { acknowledgeTableGrant, acknowledgeWildcards } from "./nag";
import { topicEnvironment } from "./notifications";

export interface SchedulesProps {
  projectRoot: string;
  removalPolicy: RemovalPolicy;
  table: Table;
  topics: Record<NotificationTopic, Topic>;
}

/** The daily jobs (renewal reminders): one function and one EventBridge schedule each. */
export class Schedules extends Construct {
  readonly functions = {} as Record<ScheduledFunctionName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const [name, job] of Object.entries(scheduledFunctions) as [
      ScheduledFunctionName,
      (typeof scheduledFunctions)[ScheduledFunctionName],
    ][]) {
      const fn = bizFunction(this, `Job-${name}`, {
        entry: job.entry,
        projectRoot: props.projectRoot,
        timeout: Duration.minutes(5),
        environment: {
          TABLE_NAME: props.table.tableName,
          [topicEnvironment.approvals]: props.topics.approvals.topicArn,
        },
        removalPolicy: props.removalPolicy,
      });
      props.table.grantReadWriteData(fn);
      acknowledgeTableGrant(fn, props.table, true);
      props.topics.approvals.grantPublish(fn);
      acknowledgeWildcards(
        fn,
        { actions: ["kms:GenerateDataKey*"] },
        "Topic.grantPublish: SNS encrypts each message with a data key from the notifications key; granted on that key only.",
      );
      new Rule(this, `Schedule-${name}`, {
        schedule: Schedule.cron({ ...job.scheduleUtc }),
        targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
      });
      this.functions[name] = fn;
    }
  }
}
