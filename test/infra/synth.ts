import { readFileSync } from "node:fs";
import path from "node:path";
import { App, type CfnElement, Stack, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { stageConfigFrom } from "../../infra/constructs/stage-config";
import { BizPortalStack, featureFlags } from "../../infra/stack";
import type { LicenseType } from "../../shared/catalog";

export interface NagReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/**
 * The app as infra/app.ts builds it, with bundling skipped and validation reported instead of thrown;
 * `licenseTypes` replaces the catalog's (a synthetic catalog, to see how the stack grows).
 */
export function synth(context: Record<string, unknown> = {}, licenseTypes?: readonly LicenseType[]) {
  const app = new App({
    context: {
      ...featureFlags,
      "aws:cdk:bundling-stacks": [],
      "@aws-cdk/core:failSynthOnValidationErrors": false,
      ...context,
    },
  });
  const config = stageConfigFrom(app.node);
  const stack = new BizPortalStack(app, `BizPortalStack-${config.stage}`, {
    config,
    ...(licenseTypes ? { licenseTypes } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const template = Template.fromStack(stack);
  const report = JSON.parse(
    readFileSync(path.join(app.synth().directory, "validation-report.json"), "utf8"),
  ) as NagReport;
  return { stack, template, report };
}

export const logicalId = (c: IConstruct) => Stack.of(c).getLogicalId(c.node.defaultChild as CfnElement);

/** Each cdk-nag finding as one line (none is expected). */
export function nagFindings(report: NagReport): string[] {
  return report.pluginReports.flatMap((r) =>
    r.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath)}`,
    ),
  );
}
