import { thaiMessageOf, unknownFieldTh } from "./field-errors-th";
/**
 * Field-level problems (problem+json `errors`) from schema issues. Typed structurally, so the domain
 * maps zod's issues without importing zod and the HTTP layer and the form check report alike.
 */
export interface FieldError {
  path: string;
  message: string;
  /** The same in Thai (issue 16, §5). */
  messageTh?: string;
}

/** The parts of a zod issue we report; `keys` is set on `unrecognized_keys` issues. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/** The error of one unknown key: its path, and a message naming the key. */
export function unknownField(path: readonly string[], key: string): FieldError {
  return {
    path: [...path, key].join("."),
    message: `unknown field "${key}": not accepted here`,
    messageTh: unknownFieldTh(key),
  };
}

/**
 * One error per problem, with its dotted path under `prefix`. An unknown key is reported once per
 * key, at the key ("body.status"), so a client can point at each one it sent; `unknown` lists
 * their paths.
 */
export function fieldErrorsOf(
  issues: readonly SchemaIssue[],
  prefix: readonly string[],
): { errors: FieldError[]; unknown: string[] } {
  const unknown: string[] = [];
  const errors = issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path.map(String)];
    if (issue.code !== "unrecognized_keys" || !issue.keys)
      return [{ path: at.join("."), message: issue.message, messageTh: thaiMessageOf(issue) }];
    const keyErrors = issue.keys.map((key) => unknownField(at, key));
    unknown.push(...keyErrors.map((e) => e.path));
    return keyErrors;
  });
  return { errors, unknown };
}

/**
 * The paths of every own `__proto__` key in a parsed JSON value. JSON.parse makes such a key an
 * own property; zod reports it in a strict object but drops it silently from records and loose
 * objects (so as not to call the prototype setter), where a stricter check behind them, like a
 * license type's form, would never see it. Iterative: a deeply nested body must not overflow the stack.
 */
export function protoKeyErrors(value: unknown, prefix: string): FieldError[] {
  const found: FieldError[] = [];
  const stack: [unknown, string[]][] = [[value, [prefix]]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    for (const key of Object.keys(node)) {
      if (key === "__proto__") found.push(unknownField(path, key));
      stack.push([(node as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
