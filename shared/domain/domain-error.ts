/**
 * The error the domain raises: a stable machine code, a kind (what went wrong, in terms a caller can
 * act on), a title and a detail in Thai and English. The catalogue of them is `problems`
 * (shared/domain/errors.ts).
 */
import type { FieldError } from "./field-errors";

export type ErrorKind = "validation" | "unauthenticated" | "forbidden" | "notFound" | "conflict" | "gone";

/** A detail a person reads: in English and in Thai, always both (issue 16, §5). */
export type Detail = { en: string; th: string };

export const detailOf = (detail: Detail | undefined) =>
  detail === undefined ? {} : { detail: detail.en, detailTh: detail.th };

export interface ProblemDetailsInit {
  code: string;
  kind: ErrorKind;
  titleTh: string;
  titleEn: string;
  detail?: string;
  /** The detail in Thai (issue 16, §5: the detail in both languages, not only the title). */
  detailTh?: string;
  /** Field-level problems, e.g. from zod, each in English and (`messageTh`) Thai. */
  errors?: FieldError[];
  /** RFC 9457 extension members: facts a client can act on (e.g. the application's status now). */
  extensions?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly titleTh: string;
  readonly titleEn: string;
  readonly detail: string | undefined;
  readonly detailTh: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  /** `options.cause`: the error this one stands for (e.g. a cancelled transaction and its reasons), so it survives the mapping. */
  constructor(init: ProblemDetailsInit, options?: ErrorOptions) {
    super(init.detail ?? init.titleEn, options);
    this.name = "DomainError";
    this.code = init.code;
    this.kind = init.kind;
    this.titleTh = init.titleTh;
    this.titleEn = init.titleEn;
    this.detail = init.detail;
    this.detailTh = init.detailTh;
    this.errors = init.errors;
    this.extensions = init.extensions;
  }
}
