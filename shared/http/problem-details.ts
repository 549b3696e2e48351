import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { DomainError, ErrorKind } from "../domain/errors";

const problemBase = "https://bizportal.example.go.th/problems/";

interface Problem {
  status: number;
  code: string;
  titleEn: string;
  titleTh: string;
  detail?: string | undefined;
  detailTh?: string | undefined;
  errors?: { path: string; message: string; messageTh?: string }[] | undefined;
  extensions?: Record<string, unknown> | undefined;
}

export const problemContentType = "application/problem+json; charset=utf-8";

/** The HTTP status of each kind of domain error: the domain says what went wrong, HTTP how to say it. */
const statusOfKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  gone: 410,
};

export function statusOf(kind: ErrorKind): number {
  return statusOfKind[kind];
}

function statusOfProblem(problem: Problem | DomainError): number {
  return "kind" in problem ? statusOf(problem.kind) : problem.status;
}

/** RFC 9457 problem+json: `title` in English, `titleTh` in Thai, a stable `code` for programs. */
export function problemBody(problem: Problem | DomainError, instance?: string): Record<string, unknown> {
  return {
    type: `${problemBase}${problem.code.toLowerCase().replaceAll("_", "-")}`,
    title: problem.titleEn,
    titleTh: problem.titleTh,
    status: statusOfProblem(problem),
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.detailTh ? { detailTh: problem.detailTh } : {}),
    ...(instance ? { instance } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extensions,
  };
}

export function problemResponse(
  problem: Problem | DomainError,
  instance?: string,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: statusOfProblem(problem),
    headers: { "content-type": problemContentType },
    body: JSON.stringify(problemBody(problem, instance)),
  };
}

export function internalErrorResponse(requestId?: string): APIGatewayProxyStructuredResultV2 {
  return problemResponse({
    status: 500,
    code: "INTERNAL_ERROR",
    titleEn: "Something went wrong on our side; please try again",
    titleTh: "ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง",
    detail: requestId ? `Request id ${requestId}` : undefined,
  });
}
