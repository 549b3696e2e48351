import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { stageConfigFrom } from "./constructs/stage-config";
import { BizPortalStack, featureFlags } from "./stack";

/**
 * `cdk synth -c stage=<stage> [-c allowedOrigins='["https://…"]']`: one stack per stage.
 * cdk-nag 3 runs as a policy-validation plugin (not an Aspect) over the synthesized app.
 */
const app = new App({ context: featureFlags });
const config = stageConfigFrom(app.node);
new BizPortalStack(app, `BizPortalStack-${config.stage}`, {
  config,
  authDomainPrefix: app.node.tryGetContext("authDomainPrefix"),
  description: `BizPortal e-licensing backend (${config.stage})`,
  terminationProtection: !config.isDev,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
