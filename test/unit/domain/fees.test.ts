import { describe, expect, it } from "vitest";
import { type Fee, findLicenseType, type LicenseType } from "../../../shared/catalog";
import { checkApprovalFee } from "../../../shared/domain/fees";
import { domainErrorOf, foodType } from "./fixtures";

const withFees = (fees: Fee[] | null): LicenseType => ({ ...foodType, manual: { ...foodType.manual, fees } });
const fee = (f: Omit<Fee, "raw" | "src">): Fee => ({ ...f, raw: "ค่าธรรมเนียม", src: 2675 });

describe("checkApprovalFee", () => {
  it("accepts any fee up to the food manual's cap of 3,000 THB a year, 0 included", () => {
    for (const amount of [0, 1500, 2999.99, 3000])
      expect(() => checkApprovalFee(foodType, amount)).not.toThrow();
  });

  it("refuses a fee above the cap with INVALID_FEE naming the cap", () => {
    const error = domainErrorOf(() => checkApprovalFee(foodType, 3000.01));
    expect(error.code).toBe("INVALID_FEE");
    expect(error.kind).toBe("validation");
    expect(error.detail).toBe("The manual caps the fee at 3,000 THB");
    expect(error.detailTh).toBe("คู่มือกำหนดค่าธรรมเนียมไม่เกิน 3,000 บาท");
  });

  it("requires one of the fixed amounts when the manual only fixes amounts", () => {
    const lt = withFees([fee({ kind: "fixed", amountTHB: 100 }), fee({ kind: "fixed", amountTHB: 500 })]);
    expect(() => checkApprovalFee(lt, 500)).not.toThrow();
    const error = domainErrorOf(() => checkApprovalFee(lt, 300));
    expect(error.code).toBe("INVALID_FEE");
    expect(error.detail).toBe("The manual sets the fee at 100 or 500 THB");
  });

  it("with a fixed amount beside a cap, allows any fee up to the cap", () => {
    const lt = withFees([fee({ kind: "fixed", amountTHB: 100 }), fee({ kind: "cap", maxTHB: 3000 })]);
    expect(() => checkApprovalFee(lt, 2500)).not.toThrow();
    expect(domainErrorOf(() => checkApprovalFee(lt, 3000.5)).code).toBe("INVALID_FEE");
  });

  it("allows any fee when the manual has no fee section, an empty one, or defers to a regulation", () => {
    for (const fees of [null, [], [fee({ kind: "byReference" }), fee({ kind: "schedule" })]])
      expect(() => checkApprovalFee(withFees(fees), 123456)).not.toThrow();
  });
});

describe("fees that defer to a regulation", () => {
  it("accepts the amount the officer applies when a fee row refers to a regulation (004 fuel: 200 บาท + ข้อ 62)", () => {
    const fuel = findLicenseType("fuel-station-license-klong-dan")!;
    expect(fuel.manual.fees?.some((f) => f.kind === "byReference")).toBe(true);
    expect(() => checkApprovalFee(fuel, 200)).not.toThrow();
    expect(() => checkApprovalFee(fuel, 450)).not.toThrow();
  });
});
