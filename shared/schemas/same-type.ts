/**
 * `true` when A and B are the same type, by the identity check TypeScript applies to generic
 * signatures. Stricter than "assignable both ways" (which it implies): an optional member on one side
 * only is a difference too. Used to prove that a schema's output is exactly a domain type, so the
 * schema stays the one source of validation and OpenAPI while the domain keeps its own types.
 */
export type SameType<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when its argument is `true`: `type _ = Assert<SameType<A, B>>`. */
export type Assert<T extends true> = T;
