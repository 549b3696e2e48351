/**
 * Work that would only collide if run at once, run one after another within this process: a chain
 * of promises per key, dropped when its last link settles. Across processes (Lambda instances) it
 * orders nothing; the store's conditions still decide there.
 *
 * Why: fifty issues of one license-number sequence at once on the local stack (one process) each
 * read the sequence, and all but one lost the commit and tried again, about n² transactions for n
 * numbers; the last ones ran into the 10 s function timeout.
 */
const chains = new Map<string, Promise<unknown>>();

export async function inTurn<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
  if (key === undefined) return work();
  const before = chains.get(key) ?? Promise.resolve();
  const mine = before.then(work, work);
  const link = mine.then(
    () => undefined,
    () => undefined,
  );
  chains.set(key, link);
  try {
    return await mine;
  } finally {
    if (chains.get(key) === link) chains.delete(key);
  }
}
