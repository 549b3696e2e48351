import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "../support/api-client";

/**
 * Issue 14 item 7: fifty users at once get answers, not 500s or reset connections. Not a speed test
 * (the bench times the load); this checks only that every request of a burst is answered as it would
 * be alone: each user creates an application and attaches a document (presign, form POST to storage,
 * attach), then reads it back.
 */
describe("the local stack under fifty concurrent users", () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
  });
  afterAll(() => stack?.stop());

  it("answers every request of the burst without a server error or a lost connection", async () => {
    const users = 50;
    const applicant = await ApiClient.signIn(stack.url, "applicant");
    const outcomes = await Promise.all(
      Array.from({ length: users }, async (_, n) => {
        const seen: (number | string)[] = [];
        const call = async <T extends { status: number }>(send: () => Promise<T>) => {
          try {
            const res = await send();
            seen.push(res.status);
            return res;
          } catch (error) {
            // No answer at all (fetch failed): keep the socket error's code.
            seen.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
            return undefined;
          }
        };
        const created = await call(() =>
          applicant.post("/applications", { licenseTypeId: foodLicenseTypeId, formData: completeFoodForm }),
        );
        const id = String(created?.body.id);
        await call(() => applicant.uploadDocument(id, "idCard", samplePdf(`burst-${n}`)));
        await call(() => applicant.get(`/applications/${id}`));
        return seen;
      }),
    );
    expect(outcomes).toEqual(Array.from({ length: users }, () => [201, 200, 200]));
  }, 180_000);
});
