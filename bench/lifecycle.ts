import { startLocalStack } from "../infra/local/local-stack";
import { findLicenseType } from "../shared/catalog";
import { ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "../test/support/api-client";

interface Timed {
  label: string;
  ms: number;
  status: number;
  poll: boolean;
}

/** The tests' client, timing every API request it makes (waitForStep polls are tagged). */
class TimedClient extends ApiClient {
  private polling = false;

  constructor(
    baseUrl: string,
    token: string | undefined,
    private readonly log: Timed[],
  ) {
    super(baseUrl, token);
  }

  static async as(baseUrl: string, username: string, log: Timed[]): Promise<TimedClient> {
    const res = await fetch(`${baseUrl}/local/token`, { method: "POST", body: JSON.stringify({ username }) });
    if (!res.ok) throw new Error(`No token for ${username}: ${res.status}`);
    const { id_token } = (await res.json()) as { id_token: string };
    return new TimedClient(baseUrl, id_token, log);
  }

  override async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
  ) {
    const t = performance.now();
    const res = await super.request<T>(method, path, body, raw);
    this.log.push({
      label: `${method} ${path}`,
      ms: performance.now() - t,
      status: res.status,
      poll: this.polling,
    });
    return res;
  }

  override async waitForStep(applicationId: string, step: string, timeoutMs?: number) {
    this.polling = true;
    try {
      return await super.waitForStep(applicationId, step, timeoutMs);
    } finally {
      this.polling = false;
    }
  }
}

export interface LifecycleResult {
  stackStartMs: number;
  wallMs: number;
  finalStatus: string;
  executionStatus: string | undefined;
  requests: Timed[];
  history: { action: string; toStatus: string }[];
  transitions: { count: number; states: string[]; engineCounter: number | null };
}

/** One application through the e2e path of test/e2e/lifecycle.test.ts (the happy path with one fix). */
export async function runLifecycle(): Promise<LifecycleResult> {
  const t0 = performance.now();
  const stack = await startLocalStack({ port: 0 });
  const stackStartMs = performance.now() - t0;
  try {
    const requests: Timed[] = [];
    const applicant = await TimedClient.as(stack.url, "applicant", requests);
    const officer = await TimedClient.as(stack.url, "officer", requests);
    const licenseType = findLicenseType(foodLicenseTypeId)!;
    const requiredKeys = licenseType.manual.documents.filter((d) => d.requiredToSubmit).map((d) => d.key);
    const expect = (res: { status: number; body: unknown }, status: number, what: string) => {
      if (res.status !== status)
        throw new Error(`${what}: HTTP ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
      return res.body as Record<string, unknown>;
    };
    const act = async (id: string, step: string, action: Record<string, unknown>, toStatus: string) => {
      await officer.waitForStep(id, step);
      const body = expect(
        await officer.post(`/officer/applications/${id}/actions`, action),
        200,
        `${action.action}`,
      );
      if (body.status !== toStatus)
        throw new Error(`${action.action} led to ${body.status}, not ${toStatus}`);
    };

    const start = performance.now();
    const created = expect(
      await applicant.post("/applications", {
        licenseTypeId: foodLicenseTypeId,
        formData: { businessName: completeFoodForm.businessName },
      }),
      201,
      "create",
    );
    const id = String(created.id);
    expect(
      await applicant.request("PATCH", `/applications/${id}`, { formData: completeFoodForm }),
      200,
      "patch",
    );
    for (const key of requiredKeys)
      expect(await applicant.uploadDocument(id, key, samplePdf(`${id}-${key}`)), 200, `upload ${key}`);
    expect(await applicant.post(`/applications/${id}/submit`), 200, "submit");
    await act(
      id,
      "completenessCheck",
      {
        action: "request-fix",
        items: [
          { documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ / medical certificate expired" },
        ],
        deadline: new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString(),
      },
      "FIX_REQUESTED",
    );
    await applicant.waitForStep(id, "applicantFix");
    expect(
      await applicant.uploadDocument(id, "medicalCertificates", samplePdf("renewed certificate")),
      200,
      "re-upload",
    );
    expect(
      await applicant.post(`/applications/${id}/fixes`, { comment: "แนบใบรับรองแพทย์ฉบับใหม่แล้ว" }),
      200,
      "fixes",
    );
    await act(id, "completenessCheck", { action: "confirm-complete" }, "DOCS_COMPLETE");
    await act(
      id,
      "inspection",
      {
        action: "schedule-inspection",
        scheduledAt: new Date(stack.clock.now().getTime() + 3 * 86_400_000).toISOString(),
        place: completeFoodForm.premisesAddress,
      },
      "INSPECTION_SCHEDULED",
    );
    await act(
      id,
      "inspection",
      { action: "record-inspection", result: "passed", findings: "premises meet the hygiene criteria" },
      "UNDER_REVIEW",
    );
    await act(id, "decision", { action: "approve", feeTHB: 3000 }, "APPROVED");
    await act(
      id,
      "payment",
      { action: "confirm-payment", receiptNumber: "KD-2569-000123", amountTHB: 3000, channel: "counter" },
      "PAYMENT_CONFIRMED",
    );
    await act(id, "licenseIssue", { action: "issue-license" }, "LICENSE_ISSUED");
    await act(id, "pickup", { action: "confirm-pickup", collectedBy: "สมชาย ใจดี" }, "COLLECTED");
    await stack.engine.settled();
    const wallMs = performance.now() - start;

    // The local engine counts the StateEntered events of aws-local-stepfunctions' execution log.
    const record = stack.engine.execution(id);
    const history = expect(await applicant.get(`/applications/${id}/history`), 200, "history").items as {
      action: string;
      toStatus: string;
    }[];
    const walk = record?.statesEntered ?? [];
    const engineCounter = record?.transitions ?? null;
    return {
      stackStartMs,
      wallMs,
      finalStatus: history.at(-1)?.toStatus ?? "?",
      executionStatus: record?.status,
      requests,
      history: history.map((e) => ({ action: e.action, toStatus: e.toStatus })),
      transitions: { count: walk.length, states: walk, engineCounter },
    };
  } finally {
    await stack.stop();
  }
}
