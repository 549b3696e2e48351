import { readFileSync } from "node:fs";
import path from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { tracingSampling } from "../../infra/constructs/sampling";
import { stageConfigFrom } from "../../infra/constructs/stage-config";
import { BizPortalStack, featureFlags } from "../../infra/stack";

/** The prod stage as infra/app.ts builds it, bundling skipped, cdk-nag findings reported. */
function synthProd() {
  const app = new App({
    context: {
      ...featureFlags,
      "aws:cdk:bundling-stacks": [],
      "@aws-cdk/core:failSynthOnValidationErrors": false,
      stage: "prod",
      allowedOrigins: ["https://portal.example.go.th"],
    },
  });
  const config = stageConfigFrom(app.node);
  const stack = new BizPortalStack(app, `BizPortalStack-${config.stage}`, { config });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const template = Template.fromStack(stack);
  const report = JSON.parse(
    readFileSync(path.join(app.synth().directory, "validation-report.json"), "utf8"),
  ) as {
    pluginReports: { violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[];
  };
  return { stack, template, report };
}

/** X-Ray's rule wildcards: `*` any characters, `?` one. */
function globMatches(glob: string, name: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${pattern}$`).test(name);
}

const { stack, template, report } = synthProd();
const rules = Object.values(template.findResources("AWS::XRay::SamplingRule")).map(
  (r) => (r as { Properties: { SamplingRule: Record<string, unknown> } }).Properties.SamplingRule,
);
const ruleFor = (name: string) => rules.find((r) => globMatches(String(r.ServiceName), name));

describe("X-Ray sampling (issue 14 item 10)", () => {
  it("samples the stage's traces with a rule: one a second, then 5 %, ahead of X-Ray's default rule", () => {
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule).toMatchObject({
        ReservoirSize: tracingSampling.reservoirPerSecond,
        FixedRate: tracingSampling.fixedRate,
        ServiceType: "*",
        Host: "*",
        HTTPMethod: "*",
        URLPath: "*",
        ResourceARN: "*",
        Version: 1,
      });
      expect(rule.Priority).toBeLessThan(10_000);
      expect(String(rule.RuleName).length).toBeLessThanOrEqual(32);
    }
    expect(tracingSampling).toEqual({ reservoirPerSecond: 1, fixedRate: 0.05 });
  });

  it("covers every traced state machine by its name", () => {
    const machines = Object.values(template.findResources("AWS::StepFunctions::StateMachine")).map(
      (r) => (r as { Properties: { StateMachineName: string; TracingConfiguration?: unknown } }).Properties,
    );
    expect(machines.length).toBeGreaterThan(0);
    for (const m of machines) {
      expect(m.TracingConfiguration).toEqual({ Enabled: true });
      expect(ruleFor(m.StateMachineName)?.RuleName).toBe("bp-prod-states");
    }
  });

  it("covers every traced function, named by CloudFormation after the stack", () => {
    const functions = template.findResources("AWS::Lambda::Function", {
      Properties: { TracingConfig: { Mode: "Active" } },
    });
    expect(Object.keys(functions).length).toBeGreaterThan(0);
    // No function names itself, so each physical name is `<stack name>-<logical id>-<suffix>`.
    template.resourcePropertiesCountIs("AWS::Lambda::Function", { FunctionName: Match.anyValue() }, 0);
    for (const logicalId of Object.keys(functions))
      expect(ruleFor(`${stack.stackName}-${logicalId.slice(0, 20)}-AbC123`)?.RuleName).toBe("bp-prod-lambda");
    // Another stage's functions are not this stage's to sample.
    expect(ruleFor("BizPortalStack-prod2-Fn-AbC123")).toBeUndefined();
  });

  it("adds no cdk-nag finding", () => {
    const findings = report.pluginReports.flatMap((r) =>
      r.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath)}`),
    );
    expect(findings).toEqual([]);
  });
});
