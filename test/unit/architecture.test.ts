import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of DESIGN.md §3 (imports point down only), checked on the import statements themselves,
 * so a wrong-way import fails here rather than in a review. Each rule names the folder it applies to,
 * what its files may not import, and why.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));

interface Import {
  /** Repository path of the importing file. */
  file: string;
  /** Repository path of the imported file, or the package name. */
  target: string;
  /** `import type` / `export type`: erased, so no code (and no I/O) comes with it. */
  typeOnly: boolean;
}

interface Rule {
  files: string;
  forbids: (i: Import) => boolean;
  why: string;
}

const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`);
const awsSdk = (i: Import) => i.target.startsWith("@aws-sdk/") || i.target === "aws-sdk";

const rules: Rule[] = [
  {
    files: "statemachines",
    forbids: (i) => under("functions")(i.target),
    why: "the ASL builder serves CDK and the local runner; the handlers are below neither",
  },
  {
    files: "shared",
    forbids: (i) => under("functions")(i.target) || under("infra")(i.target),
    why: "shared code is what the handlers and the stacks build on, not the other way round",
  },
  {
    files: "shared/domain",
    forbids: (i) =>
      awsSdk(i) || ["shared/schemas", "shared/adapters", "shared/http"].some((f) => under(f)(i.target)),
    why: "the domain defines its own types and rules; validation, AWS and HTTP depend on it",
  },
  {
    files: "shared/domain",
    forbids: (i) =>
      under("shared/catalog")(i.target) &&
      !i.typeOnly &&
      !["shared/catalog/form-schema.ts", "shared/catalog/fact-condition.ts"].includes(i.target),
    why: "the catalog's files are read behind the LicenseCatalog port; the domain takes its types (and the form builder and the fact conditions, which read nothing)",
  },
  {
    files: "shared/domain",
    forbids: (i) => under("shared/ports")(i.target) && !under("shared/domain/services")(i.file),
    why: "entities are the domain's own: only the use cases (services) talk to ports",
  },
  {
    files: "shared/ports",
    forbids: (i) =>
      awsSdk(i) ||
      ["shared/adapters", "shared/http"].some((f) => under(f)(i.target)) ||
      (under("shared/catalog")(i.target) && !i.typeOnly),
    why: "ports are interfaces; the implementations live in the adapters",
  },
];

describe("layers (DESIGN.md §3)", () => {
  const imports = ["statemachines", "shared"].flatMap(importsUnder);

  it("reads the imports of every file it checks", () => {
    expect(imports.filter((i) => i.file.startsWith("statemachines/")).length).toBeGreaterThan(0);
    expect(imports.filter((i) => i.file.startsWith("shared/domain/")).length).toBeGreaterThan(50);
  });

  for (const rule of rules)
    it(`${rule.files}: ${rule.why}`, () => {
      const offending = imports
        .filter((i) => under(rule.files)(i.file) && rule.forbids(i))
        .map((i) => `${i.file} → ${i.target}${i.typeOnly ? " (type)" : ""}`);
      expect(offending).toEqual([]);
    });
});

function importsUnder(folder: string): Import[] {
  return (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => importsOf(posix.join(folder, f.split("\\").join("/"))));
}

/** Static imports and re-exports with their type-only flag, and dynamic `import("…")` calls. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest);
  const found: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteral(specifier))
      found.push({ file, target: resolve(file, specifier.text), typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative specifier as a repository path (`../catalog` → `shared/catalog/index.ts`); packages as named. */
function resolve(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const path = relative(root, join(root, dirname(file), specifier))
    .split("\\")
    .join("/");
  if (/\.(ts|json)$/.test(path)) return path;
  const candidates = [`${path}.ts`, `${path}/index.ts`];
  return candidates.find((c) => existsSync(join(root, c))) ?? path;
}
