import { describe, expect, it } from "vitest";
import type { Fee } from "../../../shared/catalog/schema";
import { estimateFee } from "../../../shared/domain/finder/fee-estimate";

const fee = (kind: Fee["kind"], more: Partial<Fee> = {}): Fee => ({
  kind,
  raw: `${kind} line`,
  src: 1,
  ...more,
});

describe("a fee estimate from a manual's fee rules", () => {
  it.each([
    ["no fee section: unknown, not free", null, undefined, "unknown", null],
    [
      "fixed fees add up",
      [fee("fixed", { amountTHB: 50 }), fee("fixed", { amountTHB: 30 })],
      undefined,
      "fixed",
      80,
    ],
    [
      "only the rules that apply to the case",
      [fee("fixed", { amountTHB: 50 }), fee("fixed", { amountTHB: 30 })],
      [0],
      "fixed",
      50,
    ],
    ["a cap: up to it", [fee("cap", { maxTHB: 3000 })], undefined, "upTo", 3000],
    ["a schedule with a maximum: up to it", [fee("schedule", { maxTHB: 500 })], undefined, "upTo", 500],
    ["a schedule without one: unknown", [fee("schedule")], undefined, "unknown", null],
    [
      "per regulation, with the fixed part known",
      [fee("fixed", { amountTHB: 200 }), fee("byReference")],
      undefined,
      "perRegulation",
      200,
    ],
    ["a formula alone", [fee("formula"), fee("surcharge")], undefined, "perRegulation", null],
    ["only late-payment surcharges: unknown", [fee("surcharge")], undefined, "unknown", null],
  ] as const)("%s", (_, fees, only, kind, amountTHB) => {
    const estimate = estimateFee(fees as Fee[] | null, only as number[] | undefined);
    expect([estimate.kind, estimate.amountTHB]).toEqual([kind, amountTHB]);
    expect(estimate.rules.every((r) => !r.startsWith("surcharge"))).toBe(true);
  });

  it("says it in Thai and English, with the baht amount", () => {
    expect(estimateFee([fee("cap", { maxTHB: 3000 })])).toMatchObject({
      th: "ไม่เกิน 3,000 บาท",
      en: "Up to THB 3,000",
    });
  });
});
