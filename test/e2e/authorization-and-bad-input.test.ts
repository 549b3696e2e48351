import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient, foodLicenseTypeId } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

/** Only the owner sees an application, only its agency's officers act; bad input changes nothing. */
describe("authorization and bad input over HTTP", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let otherApplicant: ApiClient;
  let officer: ApiClient;
  let otherOfficer: ApiClient;
  let opdc: ApiClient;
  let id: string;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    const signIn = (u: string) => ApiClient.signIn(stack.url, u);
    [applicant, otherApplicant, officer, otherOfficer, opdc] = await Promise.all([
      signIn("applicant"),
      signIn("applicant2"),
      signIn("officer"),
      signIn("officer-other"),
      signIn("opdc"),
    ]);
    id = await submittedFoodApplication(applicant, "authz");
  });
  afterAll(() => stack?.stop());

  it("answers 401 without a valid token, as the JWT authorizer does", async () => {
    const anonymous = new ApiClient(stack.url);
    expect((await anonymous.get("/applications")).status).toBe(401);
    expect((await new ApiClient(stack.url, "not-a-jwt").get(`/applications/${id}`)).status).toBe(401);
    expect((await anonymous.get("/health")).status).toBe(200);
  });

  it("hides an application from everyone but its owner, its agency and OPDC", async () => {
    const hidden = await otherApplicant.get(`/applications/${id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.contentType).toContain("application/problem+json");
    expect(hidden.body).toMatchObject({ code: "APPLICATION_NOT_FOUND", status: 404 });
    expect(String(hidden.body.titleTh)).toMatch(/[ก-๙]/);
    expect((await otherOfficer.get(`/applications/${id}`)).status).toBe(404);
    expect((await otherApplicant.get(`/applications/${id}/history`)).status).toBe(404);
    expect((await officer.get(`/applications/${id}`)).status).toBe(200);
    expect((await opdc.get(`/applications/${id}`)).status).toBe(200);
    const mine = await otherApplicant.get<{ items: unknown[] }>("/applications");
    expect(mine.body.items).toEqual([]);
  });

  it("lets only an officer of the issuing agency act", async () => {
    const action = { action: "confirm-complete" };
    expect((await otherOfficer.post(`/officer/applications/${id}/actions`, action)).status).toBe(404);
    const byApplicant = await applicant.post(`/officer/applications/${id}/actions`, action);
    expect(byApplicant.status).toBe(403);
    expect(byApplicant.body.code).toBe("FORBIDDEN");
    expect((await opdc.post(`/officer/applications/${id}/actions`, action)).status).toBe(403);
    expect((await officer.post(`/applications/${id}/submit`)).status).toBe(403);
    const otherQueue = await otherOfficer.get<{ items: { id: string }[] }>("/officer/applications");
    expect(otherQueue.body.items.some((a) => a.id === id)).toBe(false);
  });

  it("refuses bad input with problem+json and a stable code, and changes nothing", async () => {
    const before = await officer.get(`/applications/${id}`);
    const cases: [string, string, unknown?, string?][] = [
      ["POST", `/officer/applications/${id}/actions`, undefined, "{not json"],
      ["POST", `/officer/applications/${id}/actions`, { action: "teleport" }],
      [
        "POST",
        `/officer/applications/${id}/actions`,
        { action: "request-fix", items: [], deadline: "tomorrow" },
      ],
      [
        "POST",
        `/officer/applications/${id}/actions`,
        {
          action: "request-fix",
          items: [{ documentKey: "passport", reason: "x" }],
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
        },
      ],
      ["POST", `/officer/applications/${id}/actions`, { action: "approve", feeTHB: 100 }],
      ["POST", "/applications", { licenseTypeId: foodLicenseTypeId, formData: { premisesAreaSqm: "big" } }],
      ["POST", "/applications", { licenseTypeId: "no-such-license", formData: {} }],
      ["GET", "/applications/not-a-ulid"],
    ];
    const expected = [
      [400, "INVALID_JSON"],
      [400, "INVALID_REQUEST"],
      [400, "INVALID_REQUEST"],
      [400, "UNKNOWN_DOCUMENT_REQUIREMENT"],
      [409, "INVALID_STATUS_FOR_ACTION"],
      [400, "INVALID_FORM_DATA"],
      [404, "LICENSE_TYPE_NOT_FOUND"],
      [400, "INVALID_REQUEST"],
    ];
    for (const [i, [method, path, body, raw]] of cases.entries()) {
      const client = path.startsWith("/officer") ? officer : applicant;
      const res = await client.request(method, path, body, raw);
      expect([res.status, res.body.code], `${method} ${path} ${raw ?? JSON.stringify(body)}`).toEqual(
        expected[i],
      );
      expect(res.contentType).toContain("application/problem+json");
      expect(res.body.title).toBeTypeOf("string");
      expect(res.body.titleTh).toBeTypeOf("string");
    }
    const after = await officer.get(`/applications/${id}`);
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.status).toBe("SUBMITTED");
  });

  it("refuses an upload whose bytes do not match the declared digest", async () => {
    const created = await applicant.post("/applications", { licenseTypeId: foodLicenseTypeId, formData: {} });
    const draftId = String(created.body.id);
    const res = await applicant.request("PUT", `/applications/${draftId}/documents/idCard`, {
      sha256: "0".repeat(64),
      fileName: "id.pdf",
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("DOCUMENT_NOT_ACCEPTED");
  });
});
