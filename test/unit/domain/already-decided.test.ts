import { describe, expect, it } from "vitest";
import {
  alreadyDecided,
  lastDecision,
  sameStepDecided,
  stepsEndedByAction,
} from "../../../shared/domain/application/already-decided";
import type { HistoryEvent } from "../../../shared/domain/application/types";
import { applicationIn, officer } from "./fixtures";

const event = (action: string, userId = "officer-2", at = "2026-03-02T03:00:00.000Z"): HistoryEvent => ({
  applicationId: "A",
  at,
  actor: { userId, role: "officer" },
  action,
  fromStatus: "UNDER_REVIEW",
  toStatus: "APPROVED",
});

describe("what a lost race collided with", () => {
  it("knows which steps each action ends: a refusal any consideration step, a withdrawal any before the decision", () => {
    expect(stepsEndedByAction("approve")).toEqual(["decision"]);
    expect(stepsEndedByAction("reject")).toEqual(["inspection", "committee", "decision"]);
    expect(stepsEndedByAction("resubmit")).toEqual(["applicantFix"]);
    expect(stepsEndedByAction("withdraw")).toEqual([
      "completenessCheck",
      "applicantFix",
      "inspection",
      "committee",
      "decision",
    ]);
    expect(stepsEndedByAction("schedule-inspection")).toEqual([]);
    expect(stepsEndedByAction("overdue-notice")).toEqual([]);
  });

  it("finds the latest event that ended a step, past notes and notices", () => {
    const events = [
      event("confirm-complete"),
      event("approve"),
      event("record-delay-reason"),
      event("notice"),
    ];
    expect(lastDecision(events)?.action).toBe("approve");
    expect(lastDecision([event("submit")])).toBeUndefined();
  });

  it.each([
    ["approve", "reject", true],
    ["reject", "approve", true],
    ["reject", "record-inspection", true],
    ["issue-license", "issue-license", true],
    ["confirm-complete", "request-fix", true],
    ["approve", "confirm-complete", false],
    ["issue-license", "confirm-payment", false],
  ])("%s after %s: same step decided = %s", (attempted, decided, expected) => {
    expect(sameStepDecided(attempted, event(decided))).toBe(expected);
  });

  it("answers 409 STEP_ALREADY_DECIDED with the decision, who made it and the status now", () => {
    const current = applicationIn("APPROVED");
    const error = alreadyDecided("reject", current, event("approve"), officer);
    expect([error.code, error.kind]).toEqual(["STEP_ALREADY_DECIDED", "conflict"]);
    expect(error.detail).toBe(
      '"reject" was not applied: the step was already decided (approve by someone else, at 2026-03-02T03:00:00.000Z); the application is now APPROVED',
    );
    expect(error.extensions).toEqual({
      current: {
        status: "APPROVED",
        version: current.version,
        decision: { action: "approve", by: "officer-2", role: "officer", at: "2026-03-02T03:00:00.000Z" },
      },
    });
    expect(alreadyDecided("approve", current, event("approve", officer.userId), officer).detail).toContain(
      "by you",
    );
  });
});
