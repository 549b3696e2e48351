import { describe, expect, it } from "vitest";
import { DomainError, type ErrorKind, problems } from "../../../shared/domain/errors";
import { problemBody, problemResponse, statusOf } from "../../../shared/http/problem-details";

describe("problem details", () => {
  it("gives each kind of domain error its HTTP status (the domain knows kinds, not statuses)", () => {
    const kinds: Record<ErrorKind, number> = {
      validation: 400,
      unauthenticated: 401,
      forbidden: 403,
      notFound: 404,
      conflict: 409,
      gone: 410,
    };
    for (const [kind, status] of Object.entries(kinds)) expect(statusOf(kind as ErrorKind)).toBe(status);
  });

  it("renders a domain error with its kind's status, in the body and on the response", () => {
    const error = problems.concurrentModification();
    expect(problemResponse(error).statusCode).toBe(409);
    expect(problemBody(error)).toMatchObject({ status: 409, code: "CONCURRENT_MODIFICATION" });
  });

  it("keeps a cause given to a domain error, and shows it to no client", () => {
    const cause = new Error("TransactionCanceledException");
    const error = problems.concurrentModification({ cause });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(problemBody(error))).not.toContain("TransactionCanceled");
  });
});

describe("problems say their detail in Thai too (issue 16, §5)", () => {
  it.each([
    [problems.missingDocuments(["idCard", "houseRegistration"]), "ยังขาดเอกสาร: idCard, houseRegistration"],
    [problems.invalidTransition("submit", "APPROVED"), 'ดำเนินการ "submit" ไม่ได้ขณะคำขออยู่ในสถานะ APPROVED'],
    [problems.documentSizeMismatch(1200, 1250000), "แจ้งไว้ 1,200 ไบต์ แต่อัปโหลด 1,250,000 ไบต์"],
    [
      problems.fixDeadlineTooFar(30, "2027-01-15T09:30:00.000Z"),
      "กำหนดได้ไม่เกิน 15 ม.ค. 2570, 16:30 น. (30 วันนับจากวันนี้)",
    ],
  ])("%#: %s", (problem, thai) => {
    const body = problemBody(problem);
    expect(body.detailTh).toBe(thai);
    expect(body.detail).toEqual(expect.any(String));
  });
});
