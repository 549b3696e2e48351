import { describe, expect, it } from "vitest";
import {
  normalizeOperator,
  parseJuristicRegistrationNumber,
} from "../../../../shared/domain/business/operator-id";
import { DomainError } from "../../../../shared/domain/errors";

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return "accepted";
};

describe("the operator's 13-digit ID and its check digit", () => {
  it("accepts a juristic registration number with its check digit, printed or bare", () => {
    expect(parseJuristicRegistrationNumber("0105536092641")).toBe("0105536092641");
    expect(parseJuristicRegistrationNumber("0-1055-36092-64-1")).toBe("0105536092641");
  });

  it("refuses a wrong check digit, a wrong length and a person's ID given for a company", () => {
    expect(codeOf(() => parseJuristicRegistrationNumber("0105536092642"))).toBe("INVALID_OPERATOR_ID");
    expect(codeOf(() => parseJuristicRegistrationNumber("010553609264"))).toBe("INVALID_OPERATOR_ID");
    expect(codeOf(() => parseJuristicRegistrationNumber("3100600231457"))).toBe("INVALID_OPERATOR_ID");
  });

  it("checks a natural person by the national ID rule", () => {
    const person = { type: "naturalPerson", idNumber: "3-1006-00231-45-7", name: "นายสมชาย" } as const;
    expect(normalizeOperator(person).idNumber).toBe("3100600231457");
    expect(codeOf(() => normalizeOperator({ ...person, idNumber: "3100600231458" }))).toBe(
      "INVALID_NATIONAL_ID",
    );
    expect(codeOf(() => normalizeOperator({ ...person, idNumber: "0105536092641" }))).toBe(
      "INVALID_NATIONAL_ID",
    );
  });
});
