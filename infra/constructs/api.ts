import { Duration, type RemovalPolicy, Stack } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { UserPool, UserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import type { Topic } from "aws-cdk-lib/aws-sns";
import type { StateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { type ApiRoute, apiTimeoutSeconds, type Need } from "../../functions/api/routes";
import type { NotificationTopic } from "../../shared/domain/notification";
import { documentsPrefix, uploadsPrefix } from "./data";
import { bizFunction } from "./function";
import { acknowledge, acknowledgeTableGrant, acknowledgeWildcards, arnRef } from "./nag";
import { topicEnvironment } from "./notifications";

export interface ApiProps {
  projectRoot: string;
  removalPolicy: RemovalPolicy;
  routes: readonly ApiRoute[];
  allowedOrigins: string[];
  table: Table;
  bucket: Bucket;
  /** Workflow key → state machine (one per step graph, ADR 0013). */
  stateMachines: Record<string, StateMachine>;
  topics: Record<NotificationTopic, Topic>;
  userPool: UserPool;
  client: UserPoolClient;
}

/** The topics a step's outcome is announced on when it commits (shared/domain/workflow/notices.ts). */
const outcomeTopics: NotificationTopic[] = ["fixRequests", "approvals"];

/** Stage-wide throttling: a ceiling against runaway clients, well under the account's 10 000 rps. */
export const throttle = { rateLimit: 200, burstLimit: 400 };

/**
 * The HTTP API: one route and one Lambda per manifest entry (functions/api/routes.ts), a Cognito JWT
 * authorizer on the routes that need a signed-in user, access logs on the default stage.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** Route key (`GET /health`) → function. */
  readonly functions: Record<string, NodejsFunction> = {};

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, "HttpApi", {
      description: `BizPortal API (${Stack.of(this).stackName})`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ["authorization", "content-type"],
        exposeHeaders: ["location"],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, "AccessLogs", {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    this.stage = this.httpApi.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat() },
    });

    const authorizer = new HttpJwtAuthorizer("CognitoJwt", props.userPool.userPoolProviderUrl, {
      jwtAudience: [props.client.userPoolClientId],
    });
    const ids = new Set<string>();
    for (const route of props.routes) {
      const fnId = functionId(route);
      if (ids.has(fnId)) throw new Error(`Two routes share the handler ${route.entry}`);
      ids.add(fnId);
      const fn = this.routeFunction(fnId, route, props);
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${fnId}Integration`, fn),
        ...(route.auth === "jwt" ? { authorizer } : {}),
      });
      if (route.auth === "none" && httpRoute)
        acknowledge(
          httpRoute,
          "AwsSolutions-APIG4",
          `${route.method} ${route.path} is public by design (DESIGN.md §6: catalog, license verification, health, OpenAPI); the handler reads no applicant data.`,
        );
      this.functions[`${route.method} ${route.path}`] = fn;
    }
  }

  private routeFunction(id: string, route: ApiRoute, props: ApiProps): NodejsFunction {
    const needs = new Set(route.needs);
    const environment: Record<string, string> = { TABLE_NAME: props.table.tableName };
    if (
      needs.has("uploads:presign") ||
      needs.has("uploads:read") ||
      needs.has("documents:write") ||
      needs.has("documents:read")
    )
      environment.BUCKET_NAME = props.bucket.bucketName;
    // The workflow engine adapter reads the ARN map (workflow key → ARN) for callbacks too
    // (shared/adapters/providers); it finds a license type's key in the catalog.
    if (needs.has("workflow:start") || needs.has("workflow:callback"))
      environment.WORKFLOW_ARNS = Stack.of(this).toJsonString(
        Object.fromEntries(Object.entries(props.stateMachines).map(([key, sm]) => [key, sm.stateMachineArn])),
      );
    if (needs.has("users:read")) environment.USER_POOL_ID = props.userPool.userPoolId;
    if (needs.has("notices:publish"))
      for (const topic of outcomeTopics) environment[topicEnvironment[topic]] = props.topics[topic].topicArn;
    const fn = bizFunction(this, id, {
      entry: route.entry,
      projectRoot: props.projectRoot,
      // No request waits on a workflow: an action commits the step's outcome and answers.
      timeout: Duration.seconds(apiTimeoutSeconds),
      environment,
      removalPolicy: props.removalPolicy,
      description: `${route.method} ${route.path}`,
    });

    // Reading who a user is (their agency) before an account is bound to them: this pool only.
    if (needs.has("users:read")) props.userPool.grant(fn, "cognito-idp:ListUsers");
    if (needs.has("table:write")) props.table.grantReadWriteData(fn);
    else if (needs.has("table:read")) props.table.grantReadData(fn);
    if (needs.has("table:read") || needs.has("table:write"))
      acknowledgeTableGrant(fn, props.table, needs.has("table:write"));

    grantBucketAccess(fn, needs, props.bucket);
    if (needs.has("notices:publish")) {
      for (const topic of outcomeTopics) props.topics[topic].grantPublish(fn);
      acknowledgeWildcards(
        fn,
        { actions: ["kms:GenerateDataKey*"] },
        "Topic.grantPublish: SNS encrypts each message with a data key from the notifications key; granted on that key only.",
      );
    }

    for (const sm of Object.values(props.stateMachines)) {
      if (needs.has("workflow:start")) sm.grantStartExecution(fn);
      if (needs.has("workflow:callback")) sm.grantTaskResponse(fn);
    }
    return fn;
  }
}

/**
 * Explicit object actions on one prefix each (not `grantRead`/`grantPut`, which add tagging, legal
 * hold, retention and every version read): an upload link is signed with the presign function's
 * role, so that role may write `uploads/` only, and only the attach function, which checks the bytes
 * first, may write `documents/`, where verified bytes stay under write-once keys.
 */
function grantBucketAccess(fn: NodejsFunction, needs: ReadonlySet<Need>, bucket: Bucket): void {
  const key = bucket.encryptionKey;
  const wildcards: string[] = [];
  const allow = (action: string, prefix: string) => {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: [action], resources: [bucket.arnForObjects(`${prefix}*`)] }),
    );
    wildcards.push(`${arnRef(bucket)}/${prefix}*`);
  };
  if (needs.has("uploads:presign")) {
    allow("s3:PutObject", uploadsPrefix);
    key?.grant(fn, "kms:GenerateDataKey");
  }
  if (needs.has("uploads:read")) {
    allow("s3:GetObject", uploadsPrefix);
    // Without ListBucket S3 answers a missing upload with AccessDenied instead of NoSuchKey.
    fn.addToRolePolicy(new PolicyStatement({ actions: ["s3:ListBucket"], resources: [bucket.bucketArn] }));
    key?.grant(fn, "kms:Decrypt");
  }
  if (needs.has("documents:write")) {
    allow("s3:PutObject", documentsPrefix);
    key?.grant(fn, "kms:GenerateDataKey");
  }
  if (needs.has("documents:read")) {
    // Downloads name the verified version (docs/adr/0007): reading a version is its own action.
    allow("s3:GetObject", documentsPrefix);
    allow("s3:GetObjectVersion", documentsPrefix);
    key?.grant(fn, "kms:Decrypt");
  }
  if (wildcards.length > 0)
    acknowledgeWildcards(
      fn,
      { resources: wildcards },
      "Object keys carry the applicant id and a fresh upload id, unknown until a link is made: each grant covers one prefix of this bucket (uploads/ or documents/, never licenses/) for one action.",
    );
}

/** `functions/api/applications/create-application.ts` → `ApplicationsCreateApplication`. */
function functionId(route: ApiRoute): string {
  return route.entry
    .replace(/^functions\/api\//, "")
    .replace(/\.ts$/, "")
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** One JSON object per request; the JWT subject (never the token) identifies the caller. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: "$context.requestId",
      ip: "$context.identity.sourceIp",
      requestTime: "$context.requestTime",
      routeKey: "$context.routeKey",
      status: "$context.status",
      protocol: "$context.protocol",
      responseLength: "$context.responseLength",
      latencyMs: "$context.responseLatency",
      integrationLatencyMs: "$context.integrationLatency",
      integrationError: "$context.integrationErrorMessage",
      authorizerError: "$context.authorizer.error",
      sub: "$context.authorizer.claims.sub",
      userAgent: "$context.identity.userAgent",
    }),
  );
}
