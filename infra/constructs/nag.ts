import { type CfnElement, Stack, Validations } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import type { IConstruct } from "constructs";

/**
 * cdk-nag 3 acknowledgements (`Validations.of(c).acknowledge`) in one place, so every suppression
 * in the stack carries a reason and the finding ids are spelled the way cdk-nag flattens them.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** `AwsSolutions-IAM5[Action::<action>]` and `…[Resource::<resource>]` for the given wildcards. */
export function acknowledgeWildcards(
  scope: IConstruct,
  findings: { actions?: string[]; resources?: string[] },
  reason: string,
): void {
  for (const action of findings.actions ?? [])
    acknowledge(scope, `AwsSolutions-IAM5[Action::${action}]`, reason);
  for (const resource of findings.resources ?? [])
    acknowledge(scope, `AwsSolutions-IAM5[Resource::${resource}]`, reason);
}

/** How cdk-nag writes `Fn::GetAtt [<resource>, Arn]` in a finding id: `<LogicalId.Arn>`. */
export function arnRef(resource: IConstruct): string {
  const cfn = (resource.node.defaultChild ?? resource) as CfnElement;
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}

/** X-Ray active tracing writes segments; `xray:Put*` has no resource-level permissions. */
export const xrayReason =
  "X-Ray PutTraceSegments/PutTelemetryRecords/GetSampling* do not support resource-level permissions (AWS service authorization reference), so active tracing needs Resource '*'.";

/** IAM5 findings of `Table.grantReadData` / `grantReadWriteData` on a KMS-encrypted table with GSIs. */
export function acknowledgeTableGrant(grantee: IConstruct, table: Table, write: boolean): void {
  acknowledgeWildcards(
    grantee,
    { resources: [`${arnRef(table)}/index/*`] },
    "Queries go through the table's GSIs (officer queue, applicant list); <table>/index/* names exactly this table's indexes.",
  );
  if (write)
    acknowledgeWildcards(
      grantee,
      { actions: ["kms:GenerateDataKey*", "kms:ReEncrypt*"] },
      "KMS actions DynamoDB needs to write items under the table's customer-managed key, granted on that key only.",
    );
}
