import path from "node:path";
import { fileURLToPath } from "node:url";
import { CfnOutput, Stack, type StackProps, Tags } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { apiRoutes } from "../functions/api/routes";
import { allLicenseTypes, type LicenseType } from "../shared/catalog";
import { Api } from "./constructs/api";
import { Auth } from "./constructs/auth";
import { Data } from "./constructs/data";
import { Notifications } from "./constructs/notifications";
import { Schedules } from "./constructs/schedules";
import type { StageConfig } from "./constructs/stage-config";
import { Tracing } from "./constructs/tracing";
import { WorkflowDriver } from "./constructs/workflow-driver";
import { Workflows } from "./constructs/workflows";

/** The repository root: NodejsFunction entries and package-lock.json are resolved from here. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Feature flags the stack relies on (cdk.json may set more; values there win). Server access logs
 * are delivered through a bucket policy rather than ACLs, which new buckets no longer allow.
 */
export const featureFlags = {
  "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true,
  "@aws-cdk/aws-s3:createDefaultLoggingPolicy": true,
  "@aws-cdk/aws-iam:minimizePolicies": true,
  "@aws-cdk/aws-kms:aliasNameRef": true,
};

export interface BizPortalStackProps extends StackProps {
  config: StageConfig;
  /** Defaults to the repository root. */
  projectRoot?: string;
  /** Cognito hosted-UI domain prefix; defaults to `bizportal-<stage>-<account>`. */
  authDomainPrefix?: string;
  /** The license types to deploy workflows for; defaults to the catalog's (tests pass synthetic ones). */
  licenseTypes?: readonly LicenseType[];
}

/** Everything one stage of the service needs in AWS (DESIGN.md §8). */
export class BizPortalStack extends Stack {
  readonly data: Data;
  readonly notifications: Notifications;
  readonly workflowDriver: WorkflowDriver;
  readonly auth: Auth;
  readonly workflows: Workflows;
  readonly schedules: Schedules;
  readonly api: Api;
  readonly tracing: Tracing;

  constructor(scope: Construct, id: string, props: BizPortalStackProps) {
    super(scope, id, props);
    const { config } = props;
    const root = props.projectRoot ?? projectRoot;
    Tags.of(this).add("project", "bizportal");
    Tags.of(this).add("stage", config.stage);

    this.data = new Data(this, "Data", {
      stage: config.stage,
      removalPolicy: config.removalPolicy,
      allowedOrigins: config.allowedOrigins,
    });
    this.notifications = new Notifications(this, "Notifications", {
      stage: config.stage,
      removalPolicy: config.removalPolicy,
    });
    this.auth = new Auth(this, "Auth", {
      stage: config.stage,
      isDev: config.isDev,
      removalPolicy: config.removalPolicy,
      allowedOrigins: config.allowedOrigins,
      ...(props.authDomainPrefix ? { domainPrefix: props.authDomainPrefix } : {}),
    });
    this.workflows = new Workflows(this, "Workflows", {
      stage: config.stage,
      projectRoot: root,
      removalPolicy: config.removalPolicy,
      licenseTypes: props.licenseTypes ?? allLicenseTypes(),
      table: this.data.table,
      topics: this.notifications.topics,
      userPool: this.auth.userPool,
    });
    this.workflowDriver = new WorkflowDriver(this, "WorkflowDriver", {
      projectRoot: root,
      removalPolicy: config.removalPolicy,
      table: this.data.table,
      topics: this.notifications.topics,
      stateMachines: this.workflows.stateMachines,
    });
    this.schedules = new Schedules(this, "Schedules", {
      projectRoot: root,
      removalPolicy: config.removalPolicy,
      table: this.data.table,
      topics: this.notifications.topics,
    });
    this.api = new Api(this, "Api", {
      projectRoot: root,
      removalPolicy: config.removalPolicy,
      routes: apiRoutes,
      allowedOrigins: config.allowedOrigins,
      table: this.data.table,
      bucket: this.data.bucket,
      stateMachines: this.workflows.stateMachines,
      topics: this.notifications.topics,
      userPool: this.auth.userPool,
      client: this.auth.client,
    });
    this.tracing = new Tracing(this, "Tracing", { stage: config.stage });

    new CfnOutput(this, "ApiUrl", { value: this.api.stage.url });
    new CfnOutput(this, "UserPoolId", { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, "AuthDomain", { value: this.auth.domain.baseUrl() });
    new CfnOutput(this, "TableName", { value: this.data.table.tableName });
    new CfnOutput(this, "BucketName", { value: this.data.bucket.bucketName });
  }
}
