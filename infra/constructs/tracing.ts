import { Stack } from "aws-cdk-lib";
import { CfnSamplingRule } from "aws-cdk-lib/aws-xray";
import { Construct } from "constructs";
import { tracingSampling } from "./sampling";

export interface TracingProps {
  stage: string;
}

/** Ahead of X-Ray's default rule (priority 10000), behind any an operator adds by hand. */
const priority = 1000;

/**
 * X-Ray sampling rules for the stage's traced services: its state machines (`bizportal-<stage>-…`,
 * see workflows.ts), which start one trace per execution that their task Lambdas join, and its Lambda
 * functions (CloudFormation names them `<stack name>-…`), whose API invocations each start a trace.
 * The rules match by name only (service type `*`), so they hold whichever origin a service reports;
 * the names are the stage's own, so the account's other services keep their rules.
 */
export class Tracing extends Construct {
  readonly rules: CfnSamplingRule[];

  constructor(scope: Construct, id: string, props: TracingProps) {
    super(scope, id);
    const rule = (name: string, ruleName: string, serviceName: string) =>
      new CfnSamplingRule(this, name, {
        samplingRule: {
          // At most 32 characters: a stage name is at most 20 (stage-config.ts).
          ruleName,
          priority,
          reservoirSize: tracingSampling.reservoirPerSecond,
          fixedRate: tracingSampling.fixedRate,
          serviceName,
          serviceType: "*",
          host: "*",
          httpMethod: "*",
          urlPath: "*",
          resourceArn: "*",
          version: 1,
        },
      });
    this.rules = [
      rule("Workflows", `bp-${props.stage}-states`, `bizportal-${props.stage}-*`),
      rule("Functions", `bp-${props.stage}-lambda`, `${Stack.of(this).stackName}-*`),
    ];
  }
}
