import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  assertUploadMatchesDeclaration,
  type DeclaredUpload,
  detectDocumentType,
} from "../../../shared/domain/document-upload";
import { samplePdf } from "../../support/api-client";
import { domainErrorOf } from "./fixtures";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const pdf = samplePdf("declared");
const declared: DeclaredUpload = { size: pdf.length, contentType: "application/pdf", sha256: sha256(pdf) };
const asUploaded = { size: pdf.length, sha256: sha256(pdf), storedType: "application/pdf" };

/** The smallest byte strings that carry each accepted type's signature. */
const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
const jpeg = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

describe("assertUploadMatchesDeclaration (issue 13: the bytes must be what was declared)", () => {
  it("accepts bytes of the declared size, digest and type", () => {
    expect(() =>
      assertUploadMatchesDeclaration(declared, { ...asUploaded, detectedType: "application/pdf" }),
    ).not.toThrow();
  });

  it("accepts an upload stored without a Content-Type label when the magic bytes say the declared type", () => {
    const { storedType: _none, ...unlabelled } = asUploaded;
    expect(() =>
      assertUploadMatchesDeclaration(declared, { ...unlabelled, detectedType: "application/pdf" }),
    ).not.toThrow();
  });

  it("refuses a larger upload than declared with DOCUMENT_SIZE_MISMATCH (400), before reading it", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(
        { ...declared, size: 50 },
        { size: 5 * 1024, storedType: "application/pdf" },
      ),
    );
    expect(error).toMatchObject({ code: "DOCUMENT_SIZE_MISMATCH", kind: "validation" });
    expect(error.detail).toBe("Declared 50 bytes, uploaded 5120 bytes");
    expect(error.titleTh).toMatch(/[ก-๙]/);
    expect(error.titleEn).toBe("The uploaded file's size differs from the size declared");
  });

  it("refuses a smaller upload than declared with DOCUMENT_SIZE_MISMATCH", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(declared, { ...asUploaded, size: declared.size - 1 }),
    );
    expect(error.code).toBe("DOCUMENT_SIZE_MISMATCH");
  });

  it("refuses other bytes of the same size with DOCUMENT_NOT_ACCEPTED (digest)", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(declared, {
        ...asUploaded,
        sha256: "0".repeat(64),
        detectedType: "application/pdf",
      }),
    );
    expect(error).toMatchObject({ code: "DOCUMENT_NOT_ACCEPTED", kind: "validation" });
    expect(error.detail).toContain("SHA-256");
  });

  it("refuses HTML declared as a PDF with DOCUMENT_TYPE_MISMATCH (400), whatever its label says", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(declared, { ...asUploaded, detectedType: undefined }),
    );
    expect(error).toMatchObject({ code: "DOCUMENT_TYPE_MISMATCH", kind: "validation" });
    expect(error.detail).toBe("Declared application/pdf, found unrecognised content");
    expect(error.titleTh).toMatch(/[ก-๙]/);
    expect(error.titleEn).toBe("The file's content is not of the declared type");
  });

  it("refuses a PNG declared as a PDF with DOCUMENT_TYPE_MISMATCH naming what was found", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(declared, { ...asUploaded, detectedType: "image/png" }),
    );
    expect(error.code).toBe("DOCUMENT_TYPE_MISMATCH");
    expect(error.detail).toBe("Declared application/pdf, found image/png");
  });

  it("refuses an upload whose form label differs from the declaration with DOCUMENT_TYPE_MISMATCH", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(declared, {
        ...asUploaded,
        storedType: "text/html",
        detectedType: "application/pdf",
      }),
    );
    expect(error.code).toBe("DOCUMENT_TYPE_MISMATCH");
    expect(error.detail).toBe("Declared application/pdf, found text/html (upload form)");
  });

  it("refuses a declared type outside PDF, JPEG and PNG with DOCUMENT_NOT_ACCEPTED", () => {
    const error = domainErrorOf(() =>
      assertUploadMatchesDeclaration(
        { ...declared, contentType: "text/html" },
        { ...asUploaded, storedType: "text/html", detectedType: undefined },
      ),
    );
    expect(error.code).toBe("DOCUMENT_NOT_ACCEPTED");
  });
});

describe("detectDocumentType (magic bytes, by file-type)", () => {
  it.each([
    ["a minimal PDF", pdf, "application/pdf"],
    ["a PNG header", png, "image/png"],
    ["a JPEG header", jpeg, "image/jpeg"],
    ["an HTML page", html, undefined],
    ["plain text", Buffer.from("not a document"), undefined],
  ])("recognises %s", async (_name, bytes, mime) => {
    expect(await detectDocumentType(bytes)).toBe(mime);
  });
});
