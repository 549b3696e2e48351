import type { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { taskFunctions } from "../../functions/tasks/registry";
import { allLicenseTypes, type LicenseType } from "../../shared/catalog";
import { distinctWorkflows, workflowKeyOfLicenseType } from "../../shared/domain/workflow/workflow-key";
import { buildLicenseWorkflow } from "../../statemachines/license-workflow";
import { logicalId, nagFindings, synth } from "./synth";

/**
 * One state machine per workflow key, not per license type (ADR 0013): what the stack deploys for the
 * catalog, and how it grows with a catalog of 120 license types against CloudFormation's 500
 * resources and Lambda's 4 KB of environment.
 */

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const region = "ap-southeast-7";
const account = "123456789012";

/**
 * An environment value as deployed: a state machine's reference is its ARN (its name is in the
 * template); any other reference or attribute is taken as long as an ARN with a name CloudFormation
 * generates (`<stack>-<logical id>-<13 characters>`), longer than any table, bucket or pool id it
 * stands for here.
 */
function deployed(value: unknown, resources: Resources, stackName: string): string {
  if (typeof value === "string") return value;
  const token = value as Record<string, unknown>;
  if (Array.isArray(token["Fn::Join"])) {
    const [separator, parts] = token["Fn::Join"] as [string, unknown[]];
    return parts.map((part) => deployed(part, resources, stackName)).join(separator);
  }
  const ref = (token.Ref ?? (token["Fn::GetAtt"] as string[] | undefined)?.[0]) as string | undefined;
  if (!ref) throw new Error(`Cannot size ${JSON.stringify(value)}`);
  const resource = resources[ref];
  if (resource?.Type === "AWS::StepFunctions::StateMachine")
    return `arn:aws:states:${region}:${account}:stateMachine:${resource.Properties.StateMachineName}`;
  return `arn:aws:service:${region}:${account}:resource/${stackName}-${ref}-ABCDEFGHIJKLM`;
}

/** Each function's environment as deployed, in bytes (its JSON: keys, values and punctuation). */
function environmentBytes(template: Template, stackName: string): Record<string, number> {
  const resources = template.toJSON().Resources as Resources;
  return Object.fromEntries(
    Object.entries(resources)
      .filter(([, r]) => r.Type === "AWS::Lambda::Function")
      .map(([id, r]) => {
        const variables = (r.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
        const values = Object.fromEntries(
          Object.entries(variables).map(([name, v]) => [name, deployed(v, resources, stackName)]),
        );
        return [id, Buffer.byteLength(JSON.stringify(values))];
      }),
  );
}

/** WORKFLOW_ARNS of every function that has it, its references resolved to logical ids. */
function workflowArnMaps(template: Template): Record<string, string>[] {
  const resources = template.toJSON().Resources as Resources;
  return Object.values(resources)
    .filter((r) => r.Type === "AWS::Lambda::Function")
    .map((r) => (r.Properties.Environment as { Variables: Record<string, unknown> }).Variables.WORKFLOW_ARNS)
    .filter((v) => v !== undefined)
    .map((v) => {
      const json = (v as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1]
        .map((part) => (typeof part === "string" ? part : (part as { Ref: string }).Ref))
        .join("");
      return JSON.parse(json) as Record<string, string>;
    });
}

const catalog = allLicenseTypes();
const dev = synth();

describe("the state machines of the catalog", () => {
  const { template, stack } = dev;
  const workflows = distinctWorkflows(catalog);

  it("deploys one Standard state machine per distinct workflow key, none per license type", () => {
    const machines = template.findResources("AWS::StepFunctions::StateMachine");
    expect(Object.keys(machines)).toHaveLength(workflows.length);
    expect(workflows.length).toBeLessThan(catalog.length);
    expect(Object.keys(stack.workflows.stateMachines).sort()).toEqual(workflows.map((w) => w.key));
    // Each logs to its own group.
    const groups = Object.values(template.findResources("AWS::Logs::LogGroup")).map(
      (g) => g.Properties.LogGroupName as unknown,
    );
    expect(groups.filter((name) => String(name).startsWith("/aws/vendedlogs/states/")).sort()).toEqual(
      workflows.map((w) => `/aws/vendedlogs/states/bizportal-dev-${w.key}`),
    );
  });

  it("names each machine after its key and deploys the definition the local runner runs", () => {
    const machines = template.findResources("AWS::StepFunctions::StateMachine");
    for (const workflow of workflows) {
      const machine = stack.workflows.stateMachines[workflow.key]!;
      const props = machines[logicalId(machine)]!.Properties;
      expect(props.StateMachineName).toBe(`bizportal-dev-${workflow.key}`);
      expect(props.StateMachineType).toBe("STANDARD");
      expect(props.TracingConfiguration).toEqual({ Enabled: true });
      expect(props.LoggingConfiguration).toMatchObject({ Level: "ERROR", IncludeExecutionData: false });

      // Every substitution is the ARN of the task function the registry names.
      const arnOf: Record<string, string> = {};
      for (const [name, { substitution }] of Object.entries(taskFunctions)) {
        const fn = stack.workflows.taskFunctions[name as keyof typeof taskFunctions];
        expect(props.DefinitionSubstitutions[substitution]).toEqual({ "Fn::GetAtt": [logicalId(fn), "Arn"] });
        arnOf[substitution] = `arn:aws:lambda:${region}:${account}:function:${logicalId(fn)}`;
      }
      const substitute = (json: string) =>
        JSON.parse(json.replace(/\$\{(\w+)\}/g, (_, name: string) => arnOf[name] ?? `UNKNOWN:${name}`));
      expect(typeof props.DefinitionString).toBe("string");
      expect(substitute(props.DefinitionString)).toEqual(
        substitute(JSON.stringify(buildLicenseWorkflow(workflow.shape))),
      );
    }
  });

  it("gives WORKFLOW_ARNS keyed by workflow key, each the ARN of that key's machine", () => {
    const maps = workflowArnMaps(template);
    // The submit and action routes, and the function the table's stream drives.
    expect(maps.length).toBeGreaterThan(2);
    const expected = Object.fromEntries(
      Object.entries(stack.workflows.stateMachines).map(([key, sm]) => [key, logicalId(sm)]),
    );
    for (const map of maps) expect(map).toEqual(expected);
    // Every license type of the catalog finds its machine through its key.
    for (const licenseType of catalog) expect(expected[workflowKeyOfLicenseType(licenseType)]).toBeDefined();
  });
});

/**
 * 120 license types over every shape there is (4 case types × the 5 flags), as a catalog of two
 * manuals' processes might spread, on the longest stage name allowed.
 */
function syntheticCatalog(size: number): LicenseType[] {
  const caseTypes = ["new", "renew", "amend", "cancel"] as const;
  return Array.from({ length: size }, (_, i) => {
    const base = catalog[i % catalog.length]!;
    const bits = Math.floor(i / caseTypes.length);
    return {
      ...base,
      id: `synthetic-${String(i).padStart(3, "0")}-${base.id}`,
      caseType: caseTypes[i % caseTypes.length]!,
      workflow: {
        ...base.workflow,
        inspection: (bits & 1) !== 0,
        committee: (bits & 2) !== 0,
        payment: (bits & 4) !== 0,
        pickup: (bits & 8) !== 0,
        assessment: (bits & 16) !== 0,
      },
    };
  });
}

describe("a catalog of 120 license types", () => {
  const types = syntheticCatalog(120);
  const stage = "preproduction-th-001";
  const big = synth({ stage, allowedOrigins: ["https://portal.example.go.th"] }, types);
  const keys = distinctWorkflows(types).map((w) => w.key);

  it("deploys one state machine per distinct key (24: every step graph there is)", () => {
    expect(keys).toHaveLength(24);
    big.template.resourceCountIs("AWS::StepFunctions::StateMachine", keys.length);
    expect(Object.keys(big.stack.workflows.stateMachines).sort()).toEqual(keys);
  });

  it("stays under CloudFormation's 500 resources per stack", () => {
    const resources = Object.keys(big.template.toJSON().Resources).length;
    expect(resources).toBeLessThan(500);
    // The same stack as the catalog's, plus four resources (machine, role, policy, log group) per key.
    const catalogResources = Object.keys(dev.template.toJSON().Resources).length;
    expect(resources).toBe(catalogResources + 4 * (keys.length - distinctWorkflows(catalog).length));
  });

  it("keeps every function's environment under Lambda's 4 KB", () => {
    const sizes = environmentBytes(big.template, big.stack.stackName);
    expect(Object.keys(sizes).length).toBeGreaterThan(20);
    const over = Object.entries(sizes).filter(([, bytes]) => bytes >= 4096);
    expect(over).toEqual([]);
  });

  it("leaves no unacknowledged cdk-nag findings", () => {
    expect(nagFindings(big.report)).toEqual([]);
  });
});
