/**
 * The environment contract between CDK (which sets these on every function) and the adapters.
 * Locally the same names point at the embedded stack.
 */
export const env = {
  tableName: () => required("TABLE_NAME"),
  bucketName: () => required("BUCKET_NAME"),
  userPoolId: () => required("USER_POOL_ID"),
  /** JSON object: workflow key → state machine ARN (one per step graph, ADR 0013). */
  workflowArns: () => JSON.parse(required("WORKFLOW_ARNS")) as Record<string, string>,
  topicArn: (topic: "fixRequests" | "approvals" | "overdueEscalations") =>
    required(
      {
        fixRequests: "FIX_REQUESTS_TOPIC_ARN",
        approvals: "APPROVALS_TOPIC_ARN",
        overdueEscalations: "OVERDUE_TOPIC_ARN",
      }[topic],
    ),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
