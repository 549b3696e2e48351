import path from "node:path";
import type { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Architecture, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { Charset, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { acknowledge, acknowledgeWildcards, xrayReason } from "./nag";

export interface BizFunctionProps {
  /** Handler module relative to the project root (exports `handler`). */
  entry: string;
  projectRoot: string;
  timeout: Duration;
  environment: Record<string, string>;
  removalPolicy: RemovalPolicy;
  description?: string;
}

/**
 * Every Lambda of the service: Node.js 22 on Graviton, an ESM bundle of our own code and the
 * AWS SDK v3 clients we pin (nothing external), source maps, X-Ray, a one-month log group.
 */
export function bizFunction(scope: Construct, id: string, props: BizFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: props.removalPolicy,
  });
  const fn = new NodejsFunction(scope, id, {
    entry: path.join(props.projectRoot, props.entry),
    handler: "handler",
    projectRoot: props.projectRoot,
    depsLockFilePath: path.join(props.projectRoot, "package-lock.json"),
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: props.timeout,
    tracing: Tracing.ACTIVE,
    logGroup,
    description: props.description ?? props.entry,
    environment: { NODE_OPTIONS: "--enable-source-maps", ...props.environment },
    bundling: {
      minify: true,
      // Thai text (catalog, holidays, messages) stays UTF-8 instead of 6-byte \u escapes: a third of the size.
      charset: Charset.UTF8,
      sourceMap: true,
      // Stack traces only need the mappings; the sources themselves would double the bundle.
      sourcesContent: false,
      format: OutputFormat.ESM,
      target: "node22",
      mainFields: ["module", "main"],
      banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
      // Bundle the SDK v3 clients we pin and test with instead of the runtime's copy (see ADR 0003).
      externalModules: [],
      // The catalog is data read at run time (shared/catalog/index.ts): it ships beside the bundle.
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [
          // The entries in force and the versions filed applications still use (history/).
          `mkdir -p "${outputDir}/license-types" && cp -R "${path.join(props.projectRoot, "shared/catalog/license-types")}"/. "${outputDir}/license-types/"`,
        ],
      },
    },
  });
  acknowledge(
    fn,
    "AwsSolutions-L1",
    "Node.js 22 is the runtime the design fixes (DESIGN.md §8) and the one the local stack, tests and bundles target (node22); moving to a newer runtime is a deliberate upgrade of all three.",
  );
  acknowledge(
    fn,
    "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    "AWSLambdaBasicExecutionRole only allows logs:CreateLogGroup/CreateLogStream/PutLogEvents, which every function needs to write its own log group.",
  );
  acknowledgeWildcards(fn, { resources: ["*"] }, xrayReason);
  return fn;
}
