import { describe, expect, it } from "vitest";
import { inTurn } from "../../../shared/domain/services/turns";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Work that records how many of its kind run at once. */
function tracked() {
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const work = (n: number) => async () => {
    running++;
    most = Math.max(most, running);
    await tick();
    order.push(n);
    running--;
    return n;
  };
  return { work, most: () => most, order };
}

describe("inTurn: work of one key runs one after another within the process", () => {
  it("runs work of one key one at a time, in the order it came", async () => {
    const t = tracked();
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => inTurn("seq-a", t.work(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(t.order).toEqual([1, 2, 3, 4, 5]);
    expect(t.most()).toBe(1);
  });

  it("runs work of different keys, and work without a key, at once", async () => {
    const t = tracked();
    await Promise.all([inTurn("seq-a", t.work(1)), inTurn("seq-b", t.work(2)), inTurn(undefined, t.work(3))]);
    expect(t.most()).toBe(3);
  });

  it("goes on with the next work after one fails, and gives the failure to its caller only", async () => {
    const t = tracked();
    const failing = inTurn("seq-c", async () => {
      await tick();
      throw new Error("lost");
    });
    const next = inTurn("seq-c", t.work(7));
    await expect(failing).rejects.toThrow("lost");
    await expect(next).resolves.toBe(7);
  });
});
