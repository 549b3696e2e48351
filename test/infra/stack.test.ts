import { App } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "../../functions/api/routes";
import { scheduledFunctions } from "../../functions/events/registry";
import { taskFunctions } from "../../functions/tasks/registry";
import { stageConfigFrom } from "../../infra/constructs/stage-config";
import { logicalId, nagFindings, synth } from "./synth";

const dev = synth();
const prod = synth({ stage: "prod", allowedOrigins: ["https://portal.example.go.th"] });

describe("BizPortalStack", () => {
  const { template, stack } = dev;

  it("has one on-demand table with the single-table keys, the three GSIs, PITR, TTL and a rotating KMS key", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: "PK", KeyType: "HASH" },
        { AttributeName: "SK", KeyType: "RANGE" },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: "PK", AttributeType: "S" },
        { AttributeName: "SK", AttributeType: "S" },
        { AttributeName: "GSI1PK", AttributeType: "S" },
        { AttributeName: "GSI2SK", AttributeType: "S" },
        { AttributeName: "GSI3PK", AttributeType: "S" },
        { AttributeName: "GSI3SK", AttributeType: "S" },
      ]),
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: "GSI1",
          KeySchema: [
            { AttributeName: "GSI1PK", KeyType: "HASH" },
            { AttributeName: "GSI1SK", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        }),
        Match.objectLike({
          IndexName: "GSI2",
          KeySchema: [
            { AttributeName: "GSI2PK", KeyType: "HASH" },
            { AttributeName: "GSI2SK", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        }),
        // The officer queue holds only its rows, not the 2.7 KB application (ADR 0009).
        Match.objectLike({
          IndexName: "GSI3",
          KeySchema: [
            { AttributeName: "GSI3PK", KeyType: "HASH" },
            { AttributeName: "GSI3SK", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["queueRow"] },
        }),
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: "KMS",
        KMSMasterKeyId: { "Fn::GetAtt": [logicalId(stack.data.key), "Arn"] },
      },
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
    template.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
    template.allResourcesProperties("AWS::KMS::Key", { EnableKeyRotation: true });
  });

  it("keeps data on every stage but dev", () => {
    dev.template.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Delete" });
    prod.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    prod.template.hasResource("AWS::S3::Bucket", { DeletionPolicy: "Retain" });
    prod.template.hasResource("AWS::KMS::Key", { DeletionPolicy: "Retain" });
    // Threat protection (Plus tier) wherever real users sign in.
    prod.template.hasResourceProperties("AWS::Cognito::UserPool", {
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
    });
    dev.template.hasResourceProperties("AWS::Cognito::UserPool", { UserPoolTier: "ESSENTIALS" });
  });

  it("has a private, TLS-only, versioned, KMS-encrypted documents bucket with lifecycle, access logs and CORS", () => {
    const documents = logicalId(stack.data.bucket);
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: "Enabled" },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: "aws:kms" }) }),
        ],
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(stack.data.accessLogs) },
        LogFilePrefix: "documents/",
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 365 } }),
        ]),
      },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ["POST"], AllowedOrigins: ["*"] })],
      },
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      Bucket: { Ref: documents },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Action: "s3:*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
    prod.template.hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: ["https://portal.example.go.th"] })],
      },
    });
  });

  it("expires unattached uploads: their bytes were copied to documents/ at attach (ADR 0007)", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      VersioningConfiguration: { Status: "Enabled" },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: "uploads/",
            ExpirationInDays: 2,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          }),
        ]),
      },
    });
  });

  it("lets upload links write only uploads/, only attach write documents/, downloads read them (nobody deletes)", () => {
    const s3Grants = (routeKey: string) => {
      const fn = stack.api.functions[routeKey]!;
      const role = logicalId(fn.role!);
      const grants: string[] = [];
      for (const policy of Object.values(template.findResources("AWS::IAM::Policy"))) {
        if (!JSON.stringify(policy.Properties.Roles).includes(role)) continue;
        for (const st of policy.Properties.PolicyDocument.Statement) {
          for (const action of [st.Action].flat()) {
            if (!String(action).startsWith("s3:")) continue;
            const resources = JSON.stringify(st.Resource);
            const on = resources.match(/"\/(\w+)\/\*"/)?.[1] ?? "bucket";
            grants.push(`${action} ${on}`);
          }
        }
      }
      return grants.sort();
    };
    expect(s3Grants("POST /applications/{id}/documents")).toEqual(["s3:PutObject uploads"]);
    expect(s3Grants("PUT /applications/{id}/documents/{documentKey}")).toEqual([
      "s3:GetObject uploads",
      "s3:ListBucket bucket",
      "s3:PutObject documents",
    ]);
    // Issue 16: downloads read verified versions only; the list and the checklist read no bytes.
    expect(s3Grants("GET /applications/{id}/documents/{documentKey}/content")).toEqual([
      "s3:GetObject documents",
      "s3:GetObjectVersion documents",
    ]);
    expect(s3Grants("GET /applications/{id}/documents")).toEqual([]);
    for (const route of apiRoutes.filter((r) => !r.path.includes("/documents")))
      expect(s3Grants(`${route.method} ${route.path}`), route.path).toEqual([]);
  });

  it("has the three KMS-encrypted, TLS-only topics", () => {
    template.resourceCountIs("AWS::SNS::Topic", 3);
    template.allResourcesProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    template.resourceCountIs("AWS::SNS::TopicPolicy", 3);
    template.allResourcesProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
  });

  it("has the user pool groups and a public SPA client using the code grant", () => {
    for (const group of ["applicant", "officer", "agency-admin", "opdc-admin"])
      template.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: group });
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      Schema: Match.arrayWith([Match.objectLike({ Name: "agencyId", Mutable: true })]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      GenerateSecret: false,
      AllowedOAuthFlows: ["code"],
      WriteAttributes: Match.not(Match.arrayWith(["custom:agencyId"])),
    });
  });

  it("has one Node.js 22 arm64 Lambda per route, per task function and per scheduled job", () => {
    const functions = template.findResources("AWS::Lambda::Function");
    expect(Object.keys(functions)).toHaveLength(
      // …and the one the table's stream drives the workflows with.
      apiRoutes.length + Object.keys(taskFunctions).length + Object.keys(scheduledFunctions).length + 1,
    );
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        MemorySize: 512,
      });
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe("--enable-source-maps");
    }
    for (const route of apiRoutes) {
      const fn = stack.api.functions[`${route.method} ${route.path}`];
      expect(fn, `${route.method} ${route.path}`).toBeDefined();
      const props = functions[logicalId(fn!)]!.Properties;
      // No request waits on a workflow (issue 14): every API function answers within 10 s.
      expect(props.Timeout).toBe(10);
      expect(props.Environment.Variables).toHaveProperty("TABLE_NAME");
    }
    for (const fn of Object.values(stack.workflows.taskFunctions))
      expect(functions[logicalId(fn)]!.Properties.Timeout).toBe(30);
  });

  it("lets only the officer-account PUT (ListUsers) and the overdue task (ListUsersInGroup) read the user pool, with its id", () => {
    const functions = template.findResources("AWS::Lambda::Function");
    const policies = Object.values(template.findResources("AWS::IAM::Policy"));
    const cognitoGrants = policies.flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[])
        .filter((st) => JSON.stringify(st.Action).includes("cognito-idp:"))
        .map((statement) => ({ statement, roles: p.Properties.Roles })),
    );
    const readers = [
      { fn: stack.api.functions["PUT /agency/officers/{userId}"]!, action: "cognito-idp:ListUsers" },
      // s.10 copies reach OPDC's users: the task lists that group.
      { fn: stack.workflows.taskFunctions.escalateOverdue, action: "cognito-idp:ListUsersInGroup" },
    ];
    expect(cognitoGrants).toHaveLength(readers.length);
    for (const { fn, action } of readers) {
      const props = functions[logicalId(fn)]!.Properties;
      expect(props.Environment.Variables.USER_POOL_ID).toEqual({ Ref: logicalId(stack.auth.userPool) });
      const grant = cognitoGrants.find(
        (g) => JSON.stringify(g.roles) === JSON.stringify([{ Ref: props.Role["Fn::GetAtt"][0] }]),
      );
      expect(grant?.statement).toMatchObject({
        Action: action,
        Resource: { "Fn::GetAtt": [logicalId(stack.auth.userPool), "Arn"] },
      });
    }
  });

  it("has one HTTP API route per manifest entry, with the JWT authorizer exactly on the jwt routes", () => {
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")).map((r) => r.Properties);
    expect(routes).toHaveLength(apiRoutes.length);
    const authorizers = template.findResources("AWS::ApiGatewayV2::Authorizer");
    expect(Object.values(authorizers).map((a) => a.Properties.AuthorizerType)).toEqual(["JWT"]);
    const authorizerId = Object.keys(authorizers)[0];
    for (const route of apiRoutes) {
      const found = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      if (route.auth === "jwt") {
        expect(found.AuthorizationType).toBe("JWT");
        expect(found.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(found.AuthorizationType ?? "NONE").toBe("NONE");
        expect(found.AuthorizerId).toBeUndefined();
      }
    }
    template.allResourcesProperties("AWS::ApiGatewayV2::Integration", { PayloadFormatVersion: "2.0" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp("requestId") },
      DefaultRouteSettings: { ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() },
    });
  });

  it("runs the renewal reminders every morning at 08:30 Bangkok (01:30 UTC) through EventBridge", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "cron(30 1 * * ? *)",
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 2 } })],
    });
    template.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs22.x",
      Environment: {
        Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), APPROVALS_TOPIC_ARN: Match.anyValue() }),
      },
      Description: "functions/events/renewal-reminders.ts",
    });
  });

  it("synthesizes no route of the local operator API (/local/…): it exists only on the local stack", () => {
    const routeKeys = Object.values(template.findResources("AWS::ApiGatewayV2::Route")).map(
      (r) => r.Properties.RouteKey as string,
    );
    expect(routeKeys.length).toBeGreaterThan(10);
    expect(routeKeys.filter((k) => /\s\/local(\/|$)/.test(k))).toEqual([]);
    expect(apiRoutes.filter((r) => r.path.startsWith("/local"))).toEqual([]);
  });

  it("drives the workflows from the table's stream: outcomes and waits only, retried, then dead letters", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      StreamSpecification: { StreamViewType: "NEW_IMAGE" },
    });
    const mapping = Object.values(template.findResources("AWS::Lambda::EventSourceMapping"))[0]!.Properties;
    expect(mapping).toMatchObject({
      StartingPosition: "TRIM_HORIZON",
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { dynamodb: { NewImage: { entity: { S: ["outcome"] } } } },
      { dynamodb: { NewImage: { entity: { S: ["wait"] } } } },
    ]);
    expect(mapping.DestinationConfig.OnFailure.Destination).toBeDefined();
    const driver = template.findResources("AWS::Lambda::Function")[logicalId(stack.workflowDriver.fn)]!;
    expect(Object.keys(driver.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining([
        "TABLE_NAME",
        "WORKFLOW_ARNS",
        "FIX_REQUESTS_TOPIC_ARN",
        "APPROVALS_TOPIC_ARN",
      ]),
    );
  });

  it.each([
    ["dev", dev],
    ["prod", prod],
  ])("leaves no unacknowledged cdk-nag findings (%s)", (_, { report }) => {
    expect(nagFindings(report)).toEqual([]);
  });

  it("refuses a non-dev stage without explicit origins", () => {
    const app = new App({ context: { stage: "prod" } });
    expect(() => stageConfigFrom(app.node)).toThrow(/allowedOrigins/);
  });
});
