/**
 * A lazily created dependency that the local stack and tests can replace. Handlers import only the
 * providers they use, so each bundle holds only the SDK clients it needs.
 */
export interface Provider<T> {
  (): T;
  use(value: T): void;
  reset(): void;
}

export function provider<T>(create: () => T): Provider<T> {
  let value: T | undefined;
  const get = (() => {
    value ??= create();
    return value;
  }) as Provider<T>;
  get.use = (v: T) => {
    value = v;
  };
  get.reset = () => {
    value = undefined;
  };
  return get;
}
