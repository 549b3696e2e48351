import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient } from "../support/api-client";
import {
  applyFromCatalog,
  type CatalogDetail,
  inParallel,
  listAllLicenseTypes,
} from "../support/generic-client";

/**
 * Issue 15: every process of the manuals can be applied for. A generic client walks the catalog API
 * (list, then each entry's detail) and, knowing nothing else, creates, fills and submits an
 * application of every license type; renewals, changes and closures name a license of the type they
 * act on, issued first. Then one type of each workflow family is driven to its end by the officer of
 * its authority, step by step as the application says it waits.
 */
describe("a generic client applies for every license type using only the catalog API", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  const officers = new Map<string, ApiClient>();
  const details = new Map<string, CatalogDetail>();
  /** A license issued of each type that renewals, changes and closures act on. */
  const licenses = new Map<string, string>();

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    applicant = await ApiClient.signIn(stack.url, "applicant");
    officers.set("sao-khlong-dan", await ApiClient.signIn(stack.url, "officer"));
    officers.set("sao-wang-hin", await ApiClient.signIn(stack.url, "officer-other"));
    for (const item of await listAllLicenseTypes(applicant)) {
      const res = await applicant.get<CatalogDetail>(`/catalog/license-types/${item.id}`);
      if (res.status !== 200) throw new Error(`detail ${item.id}: ${res.status}`);
      details.set(item.id, res.body);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** The fee the manual allows an officer to approve with: its fixed amount, its cap, or 0. */
  function approvalFee(detail: CatalogDetail): number {
    if (detail.workflow.assessment) return 0;
    const fees = detail.fees ?? [];
    const fixed = fees.find((f) => f.kind === "fixed" && f.amountTHB !== null)?.amountTHB;
    return fixed ?? fees.find((f) => f.kind === "cap" && f.maxTHB !== null)?.maxTHB ?? 0;
  }

  async function act(officer: ApiClient, id: string, step: string, action: Record<string, unknown>) {
    await officer.waitForStep(id, step);
    const res = await officer.post(`/officer/applications/${id}/actions`, action);
    if (res.status !== 200) throw new Error(`${id} ${String(action.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** From submitted to the workflow's end, each step the type's workflow flags say it has. */
  async function driveToEnd(detail: CatalogDetail, id: string): Promise<Record<string, unknown>> {
    const officer = officers.get(detail.agency.id)!;
    const { workflow } = detail;
    await act(officer, id, "completenessCheck", { action: "confirm-complete" });
    if (workflow.inspection)
      await act(officer, id, "inspection", {
        action: "record-inspection",
        result: "passed",
        findings: "ถูกต้อง",
      });
    if (workflow.committee)
      await act(officer, id, "committee", {
        action: "record-committee-resolution",
        resolution: "recommendApproval",
        minutes: "เห็นชอบ",
      });
    const fee = approvalFee(detail);
    await act(officer, id, "decision", { action: "approve", feeTHB: fee });
    if (detail.caseType !== "cancel") {
      if (workflow.assessment) {
        await act(officer, id, "assessment", {
          action: "issue-assessment",
          assessmentNumber: `A-${id}`,
          amountTHB: 200,
          trackingNumber: "EF123456789TH",
        });
        await act(officer, id, "payment", {
          action: "confirm-payment",
          channel: "billPayment",
          receiptNumber: `R-${id}`,
          amountTHB: 200,
          reference: `REF-${id}`,
        });
      } else {
        if (workflow.payment)
          await act(officer, id, "payment", {
            action: "confirm-payment",
            channel: "counter",
            receiptNumber: `R-${id}`,
            amountTHB: fee,
          });
        const issued = await act(officer, id, "licenseIssue", { action: "issue-license" });
        if (detail.caseType === "new") licenses.set(detail.id, String(issued.licenseNumber));
        if (workflow.pickup)
          await act(officer, id, "pickup", { action: "confirm-pickup", collectedBy: "ผู้รับ" });
      }
    }
    return (await applicant.get(`/applications/${id}`)).body;
  }

  /** A license of the type a change acts on, issued through the API the first time one is needed. */
  async function licenseOf(typeId: string): Promise<string> {
    if (!licenses.has(typeId)) {
      const target = details.get(typeId)!;
      const { id, submitted } = await applyFromCatalog(applicant, target);
      if (submitted.status !== 200) throw new Error(`${typeId}: ${JSON.stringify(submitted.body)}`);
      await driveToEnd(target, id);
    }
    return licenses.get(typeId)!;
  }

  it("reads the whole catalog: 17 types of อบต.วังหิน and 74 of อบต.คลองด่าน", () => {
    const byAgency = (agency: string) => [...details.values()].filter((d) => d.agency.id === agency).length;
    expect(byAgency("sao-wang-hin")).toBe(17);
    expect(byAgency("sao-khlong-dan")).toBe(74);
  });

  it("submits an application of every new license type, filled from its form's JSON Schema", async () => {
    const newTypes = [...details.values()].filter((d) => d.caseType === "new");
    const refused = await inParallel(newTypes, 6, async (detail) => {
      const { submitted } = await applyFromCatalog(applicant, detail);
      return submitted.status === 200 && submitted.body.status === "SUBMITTED"
        ? []
        : [`${detail.id}: ${submitted.status} ${JSON.stringify(submitted.body).slice(0, 200)}`];
    });
    expect(refused.flat()).toEqual([]);
  }, 180_000);

  it("submits every renewal, change and closure against a license of the type it acts on", async () => {
    const changes = [...details.values()].filter((d) => d.caseType !== "new");
    for (const detail of changes) expect(detail.appliesTo, detail.id).not.toBeNull();
    // The licenses first (one per type acted on), then every change against its license.
    await inParallel([...new Set(changes.map((d) => d.appliesTo!))], 6, licenseOf);
    const refused = await inParallel(changes, 6, async (detail) => {
      const licenseNumber = licenses.get(detail.appliesTo!)!;
      const { submitted } = await applyFromCatalog(applicant, detail, { licenseNumber });
      return submitted.status === 200
        ? []
        : [`${detail.id}: ${submitted.status} ${JSON.stringify(submitted.body).slice(0, 200)}`];
    });
    expect(refused.flat()).toEqual([]);
  }, 180_000);

  it("drives one type of each workflow family to its end", async () => {
    const families = [...new Set([...details.values()].map((d) => d.family))].sort();
    expect(families).toHaveLength(8);
    const ends: Record<string, string> = {};
    for (const family of families) {
      const detail = [...details.values()].find((d) => d.family === family)!;
      const given = detail.caseType === "new" ? {} : { licenseNumber: await licenseOf(detail.appliesTo!) };
      const { id, submitted } = await applyFromCatalog(applicant, detail, given);
      expect(submitted.status, detail.id).toBe(200);
      const end = await driveToEnd(detail, id);
      expect(end.waitingFor, `${family}: ${detail.id}`).toEqual([]);
      ends[family] = String(end.status);
    }
    // Each ends where its workflow does: collected, issued, paid (a tax) or approved (a closure).
    for (const status of Object.values(ends))
      expect(["COLLECTED", "LICENSE_ISSUED", "PAYMENT_CONFIRMED", "APPROVED"]).toContain(status);
    expect(ends.taxAssessment).toBe("PAYMENT_CONFIRMED");
  }, 180_000);
});
