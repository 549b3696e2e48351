import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/demo-users";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";
import {
  routeKey,
  sampleBusiness,
  stringLeaves,
  takesLineBreaks,
  unsafeStrings,
  type WriteSample,
  withValue,
  writeRoutes,
  writeSamples,
} from "../support/request-samples";

/**
 * Issue 13, "done when": a sweep of malformed requests over every write endpoint of the routes
 * manifest answers 4xx problem+json with a stable code and changes nothing. Each caller would be
 * allowed, and each sample body, sent as is, would change its target; so a refusal here is the
 * refusal of the malformed part alone.
 */
const malformedCodes = ["INVALID_JSON", "INVALID_REQUEST", "UNKNOWN_FIELDS", "INVALID_FORM_DATA"];
const sub = (username: string) => demoUsers.find((u) => u.username === username)!.sub;

/** Raw bodies that are wrong for any write route. */
const generic = ["{not json", "[]", "null", '"approve"', "42", '{"unknownField":1}', '{"__proto__":{}}'];

describe("malformed requests over every write route", () => {
  let stack: LocalStack;
  const callers = {} as Record<WriteSample["caller"], ApiClient>;
  const targets = {} as Record<WriteSample["target"], string>;

  /** Everything a write could change: the applications, their histories, lists, the accounts. */
  async function snapshot() {
    const applications = [];
    for (const id of [targets.draft, targets.submitted, targets.fixRequested])
      applications.push({
        application: (await callers.applicant.get(`/applications/${id}`)).body,
        history: (await callers.applicant.get(`/applications/${id}/history`)).body,
      });
    return {
      applications,
      mine: (await callers.applicant.get("/applications?limit=100")).body,
      queue: (await callers.officer.get("/officer/applications")).body,
      officers: (await callers.supervisor.get("/agency/officers")).body,
      businesses: (await callers.applicant.get("/businesses?limit=100")).body,
      business: (await callers.applicant.get(`/businesses/${targets.business}`)).body,
    };
  }
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    for (const caller of ["applicant", "officer", "supervisor"] as const)
      callers[caller] = await ApiClient.signIn(stack.url, caller);
    const { applicant, officer } = callers;
    targets.draft = await completeDraft(applicant);
    targets.submitted = await submittedFoodApplication(applicant, "sweep-submitted");
    targets.fixRequested = await submittedFoodApplication(applicant, "sweep-fix");
    const fix = await officer.post(`/officer/applications/${targets.fixRequested}/actions`, {
      action: "request-fix",
      items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
      deadline: new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    });
    expect(fix.status).toBe(200);
    await applicant.waitForStep(targets.fixRequested, "applicantFix");
    targets.officerAccount = sub("officer-unassigned");
    const business = await applicant.post("/businesses", sampleBusiness);
    expect(business.status).toBe(201);
    targets.business = String(business.body.id);
    before = await snapshot();
  });
  afterAll(() => stack?.stop());

  it("sweeps every write route of the manifest (a new route needs a sample in request-samples.ts)", () => {
    expect(writeRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        "POST /applications",
        "PATCH /applications/{id}",
        "POST /applications/{id}/documents",
        "PUT /applications/{id}/documents/{documentKey}",
        "POST /applications/{id}/submit",
        "POST /applications/{id}/fixes",
        "POST /applications/{id}/fix-request/acknowledgement",
        "POST /applications/{id}/withdraw",
        "POST /officer/applications/{id}/actions",
        "PUT /agency/officers/{userId}",
        "POST /agency/officers/{userId}/assignments",
      ]),
    );
    for (const route of writeRoutes) expect(writeSamples[routeKey(route)], routeKey(route)).toBeDefined();
  });

  it.each(writeRoutes.map((r) => [routeKey(r), r] as const))(
    "%s: every malformed body answers 4xx problem+json with a stable code",
    async (key, route) => {
      const sample = writeSamples[key]!;
      const path = route.path
        .replace("{id}", targets[sample.target])
        .replace("{documentKey}", "idCard")
        .replace("{userId}", targets.officerAccount);
      const bodies = [
        ...generic,
        ...(sample.emptyBodyValid ? [] : ["{}"]),
        ...sample.bodies.flatMap((b) => malformedVariants(key, b)),
      ];
      const wrong: string[] = [];
      for (const raw of bodies) {
        const res = await callers[sample.caller].request(route.method, path, undefined, raw);
        const problem = res.body as Record<string, unknown> | undefined;
        const ok =
          res.status >= 400 &&
          res.status < 500 &&
          res.contentType.startsWith("application/problem+json") &&
          malformedCodes.includes(String(problem?.code)) &&
          typeof problem?.title === "string" &&
          /[ก-๙]/.test(String(problem?.titleTh));
        if (!ok) wrong.push(`${res.status} ${String(problem?.code)} ← ${raw.slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
      expect(bodies.length).toBeGreaterThan(8);
    },
  );

  it("answers the outside tester's reports by naming what was refused", async () => {
    const { applicant, officer } = callers;
    const approve = await officer.request(
      "POST",
      `/officer/applications/${targets.submitted}/actions`,
      undefined,
      '{"action":"approve","feeTHB":3000,"status":"LICENSE_ISSUED"}',
    );
    expect([approve.status, approve.body.code, approve.body.errors]).toEqual([
      400,
      "UNKNOWN_FIELDS",
      [
        {
          path: "body.status",
          message: 'unknown field "status": not accepted here',
          messageTh: 'ไม่รู้จักช่องข้อมูล "status": ไม่รับข้อมูลนี้',
        },
      ],
    ]);
    const withdraw = await applicant.request(
      "POST",
      `/applications/${targets.fixRequested}/withdraw`,
      undefined,
      '{"__proto__":{}}',
    );
    expect([withdraw.status, withdraw.body.code, withdraw.body.detail]).toEqual([
      400,
      "UNKNOWN_FIELDS",
      "Unknown: body.__proto__",
    ]);
    const renamed = await applicant.request("PATCH", `/applications/${targets.draft}`, {
      formData: { businessName: "ครัวคลองด่าน\u202Eนาด่องลคัวรค" },
    });
    expect([renamed.status, renamed.body.code, renamed.body.errors]).toEqual([
      400,
      "INVALID_FORM_DATA",
      [
        {
          path: "formData.businessName",
          message: "contains a control or format character (U+202E)",
          messageTh: "มีอักขระควบคุมที่มองไม่เห็น",
        },
      ],
    ]);
  });

  it("changed nothing: the applications, their histories, the lists and the officer accounts", async () => {
    expect(await snapshot()).toEqual(before);
  });
});

/** A valid sample made malformed in one place at a time, as JSON text. */
function malformedVariants(key: string, body: Record<string, unknown>): string[] {
  const variants: unknown[] = [];
  for (const at of objectPaths(body)) {
    variants.push(withKey(body, at, "status", "LICENSE_ISSUED"));
    variants.push(withKey(body, at, "__proto__", { status: "LICENSE_ISSUED" }));
  }
  for (const path of stringLeaves(body))
    for (const unsafe of Object.values(unsafeStrings))
      if (!(unsafe === unsafeStrings.crlf && takesLineBreaks(key, body, path)))
        variants.push(withValue(body, path, unsafe));
  for (const [field, value] of Object.entries(body))
    variants.push({
      ...body,
      [field]: typeof value === "string" ? 42 : typeof value === "number" ? "42" : "yes",
    });
  return variants.map((v) => JSON.stringify(v));
}

/** A copy with an own key added to the object at `path`: `__proto__` too, as JSON.parse would make it. */
function withKey(body: unknown, path: (string | number)[], key: string, value: unknown): unknown {
  const copy = structuredClone(body);
  const node = path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], copy);
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === "object")
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  return [];
}

/** A complete draft, every required document attached: a bare submit would submit it. */
async function completeDraft(applicant: ApiClient): Promise<string> {
  const created = await applicant.post("/applications", {
    licenseTypeId: foodLicenseTypeId,
    formData: completeFoodForm,
  });
  const id = String(created.body.id);
  for (const doc of documentsRequiredToSubmit(findLicenseType(foodLicenseTypeId)!, completeFoodForm)) {
    const res = await applicant.uploadDocument(id, doc.key, samplePdf(`sweep-draft-${doc.key}`));
    if (res.status !== 200) throw new Error(`upload ${doc.key} failed: ${JSON.stringify(res.body)}`);
  }
  return id;
}
