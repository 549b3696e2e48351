import { RemovalPolicy } from "aws-cdk-lib";
import type { Node } from "constructs";

/** Deployment settings that differ per stage, read once from CDK context. */
export interface StageConfig {
  /** Context `stage`, default "dev". One stack per stage. */
  stage: string;
  /** Origins allowed to call the API and POST uploads to the bucket (context `allowedOrigins`). */
  allowedOrigins: string[];
  /** dev: DESTROY (throw-away data); every other stage: RETAIN (applications, documents, keys survive). */
  removalPolicy: RemovalPolicy;
  isDev: boolean;
}

export function stageConfigFrom(node: Node): StageConfig {
  const stage = String(node.tryGetContext("stage") ?? "dev");
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage))
    throw new Error(`Invalid stage "${stage}": use lowercase letters, digits, -`);
  const isDev = stage === "dev";
  const origins = parseOrigins(node.tryGetContext("allowedOrigins"));
  if (!origins && !isDev)
    throw new Error(
      `Stage "${stage}" needs context allowedOrigins (e.g. -c 'allowedOrigins=["https://portal.example.go.th"]'); "*" is only the dev default`,
    );
  return {
    stage,
    allowedOrigins: origins ?? ["*"],
    removalPolicy: isDev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    isDev,
  };
}

/** Context from cdk.json is an array; from `-c` on the command line it is a string (JSON or comma-separated). */
function parseOrigins(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  let value: unknown = raw;
  if (typeof raw === "string") value = raw.trim().startsWith("[") ? JSON.parse(raw) : raw.split(",");
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string" && v.trim()))
    throw new Error("Context allowedOrigins must be a non-empty list of origins");
  return value.map((v: string) => v.trim());
}
