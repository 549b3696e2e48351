import type { JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoUser, demoUsers } from "../../infra/local/demo-users";
import { localAudience } from "../../infra/local/jwt-issuer";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

const user = (username: string): DemoUser => demoUsers.find((u) => u.username === username)!;

/** The claims the pool puts in a user's ID token, before a test takes some away or changes them. */
function idClaims(u: DemoUser): JWTPayload {
  return {
    email: u.email,
    "cognito:username": u.username,
    "cognito:groups": u.groups,
    token_use: "id",
    ...(u.agencyId ? { "custom:agencyId": u.agencyId } : {}),
  };
}

/**
 * Tokens the pool's key really signs, but which the API must not take (issue 13, item 8): no expiry,
 * an access token where identity claims are read from an ID token, an officer sign-in without the
 * e-mail the account is bound to. Each is refused, and nothing changes.
 */
describe("token checks over HTTP", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let officer: ApiClient;
  let id: string;
  const forged = (token: string) => new ApiClient(stack.url, token);

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    applicant = await ApiClient.signIn(stack.url, "applicant");
    officer = await ApiClient.signIn(stack.url, "officer");
    id = await submittedFoodApplication(applicant, "tokens");
    await applicant.waitForStep(id, "completenessCheck");
  });
  afterAll(() => stack?.stop());

  it("refuses an ID token without exp at the authorizer (401), though it is signed by the pool", async () => {
    const u = user("applicant");
    const token = await stack.issuer.sign(idClaims(u), { subject: u.sub, ttlSeconds: null });
    const res = await forged(token).get(`/applications/${id}`);
    expect(res.status).toBe(401);
    // The same claims with an expiry pass: it is the missing exp that is refused.
    const withExp = await stack.issuer.sign(idClaims(u), { subject: u.sub, ttlSeconds: 600 });
    expect((await forged(withExp).get(`/applications/${id}`)).status).toBe(200);
  });

  it("refuses an access token (token_use access, audience by client_id) with 401 problem+json", async () => {
    const u = user("officer");
    const access: JWTPayload = {
      token_use: "access",
      client_id: localAudience,
      scope: "openid email",
      "cognito:groups": u.groups,
      username: u.username,
    };
    const token = await stack.issuer.sign(access, { subject: u.sub, ttlSeconds: 600 });
    const before = await officer.get(`/applications/${id}`);
    const res = await forged(token).post(`/officer/applications/${id}/actions`, {
      action: "confirm-complete",
    });
    expect(res.status).toBe(401);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(String(res.body.detail)).toMatch(/ID token/);
    expect((await forged(token).get("/officer/applications")).status).toBe(401);
    expect((await officer.get(`/applications/${id}`)).body).toEqual(before.body);
  });

  it("refuses an officer whose ID token carries no e-mail: the account's binding is never skipped", async () => {
    const u = user("officer");
    const { email: _email, ...claims } = idClaims(u);
    const token = await stack.issuer.sign(claims, { subject: u.sub, ttlSeconds: 600 });
    const noEmail = forged(token);
    const before = await officer.get(`/applications/${id}`);
    const act = await noEmail.post(`/officer/applications/${id}/actions`, { action: "confirm-complete" });
    expect([act.status, act.body.code]).toEqual([403, "OFFICER_NOT_ASSIGNED"]);
    expect(String(act.body.detail)).toMatch(/no e-mail address/);
    expect((await noEmail.get(`/applications/${id}`)).status).toBe(403);
    const queue = await noEmail.get<{ items: unknown[] }>("/officer/applications");
    expect(queue.body.items).toEqual([]);
    expect((await officer.get(`/applications/${id}`)).body).toEqual(before.body);
    // The officer's real ID token, with the bound e-mail, still acts.
    const ok = await officer.post(`/officer/applications/${id}/actions`, { action: "confirm-complete" });
    expect([ok.status, ok.body.status]).toEqual([200, "DOCS_COMPLETE"]);
  });
});
