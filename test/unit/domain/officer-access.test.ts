import { describe, expect, it } from "vitest";
import type { Actor } from "../../../shared/domain/actor";
import {
  assertAssignedOfficer,
  assertAssignedToView,
  assignedLicenseTypeIds,
} from "../../../shared/domain/services/officer-access";
import { accountOf, FakeOfficerDirectory } from "../../support/fake-officer-directory";
import { applicant, applicationIn, foodType, officer, opdcAdmin, rejectionOf } from "./fixtures";

const app = applicationIn("SUBMITTED");
const unassigned: Actor = { ...officer, userId: "officer-2", email: "officer-2@khlongdan.go.th" };
const revoked: Actor = { ...officer, userId: "officer-3", email: "officer-3@khlongdan.go.th" };
const stranger: Actor = { ...officer, userId: "officer-4", email: "officer-4@khlongdan.go.th" };
const officers = new FakeOfficerDirectory([
  accountOf(officer.userId),
  accountOf(unassigned.userId, { licenseTypeIds: [], nationalId: "1102000123454" }),
  accountOf(revoked.userId, { active: false, nationalId: "1101700203450" }),
]);

describe("assertAssignedOfficer", () => {
  it("lets an active officer assigned the license type act", async () => {
    await expect(assertAssignedOfficer({ officers }, officer, app)).resolves.toBeUndefined();
  });

  it.each([
    ["not assigned the type", unassigned, /not assigned/],
    ["deactivated", revoked, /deactivated/],
    ["without an account", stranger, /no officer account/],
  ])("answers 403 OFFICER_NOT_ASSIGNED to an officer %s", async (_case, actor, reason) => {
    const error = await rejectionOf(assertAssignedOfficer({ officers }, actor, app));
    expect(error).toMatchObject({ code: "OFFICER_NOT_ASSIGNED", kind: "forbidden" });
    expect(error.detail).toMatch(reason);
    expect(error.titleTh).toMatch(/[ก-๙]/);
  });

  it("reads the directory each time, so a revocation applies to the very next request", async () => {
    const directory = new FakeOfficerDirectory([accountOf(officer.userId)]);
    await assertAssignedOfficer({ officers: directory }, officer, app);
    await directory.put(
      { ...accountOf(officer.userId), active: false, version: 2 },
      accountOf(officer.userId),
    );
    expect((await rejectionOf(assertAssignedOfficer({ officers: directory }, officer, app))).kind).toBe(
      "forbidden",
    );
  });

  it("refuses a sign-in whose e-mail is not the one the account is bound to", async () => {
    const account = await officers.get("sao-khlong-dan", officer.userId);
    const elsewhere: Actor = { ...officer, email: "someone.else@example.com" };
    const error = await rejectionOf(assertAssignedOfficer({ officers }, elsewhere, app));
    expect([error.code, error.detail]).toEqual([
      "OFFICER_NOT_ASSIGNED",
      "Your officer account is bound to another e-mail address; ask your supervisor",
    ]);
    const same: Actor = { ...officer, email: account!.email.toUpperCase() };
    await expect(assertAssignedOfficer({ officers }, same, app)).resolves.toBeUndefined();
  });

  it("refuses a sign-in that carries no e-mail: the binding is never skipped", async () => {
    const { email: _email, ...withoutEmail } = officer;
    const error = await rejectionOf(assertAssignedOfficer({ officers }, withoutEmail, app));
    expect([error.code, error.kind]).toEqual(["OFFICER_NOT_ASSIGNED", "forbidden"]);
    expect(error.detail).toMatch(/no e-mail address/);
    expect(await assignedLicenseTypeIds({ officers }, withoutEmail)).toEqual([]);
  });

  it("refuses an officer without an agency without reading the directory", async () => {
    const directory = new FakeOfficerDirectory();
    const error = await rejectionOf(
      assertAssignedOfficer({ officers: directory }, { userId: "x", roles: ["officer"] }, app),
    );
    expect(error.code).toBe("OFFICER_NOT_ASSIGNED");
    expect(directory.gets).toBe(0);
  });
});

describe("assertAssignedToView", () => {
  it("leaves the owner and OPDC as they were, and checks those who see it as officers", async () => {
    const empty = new FakeOfficerDirectory();
    await expect(assertAssignedToView({ officers: empty }, applicant, app)).resolves.toBeUndefined();
    await expect(assertAssignedToView({ officers: empty }, opdcAdmin, app)).resolves.toBeUndefined();
    expect(empty.gets).toBe(0);
    await expect(assertAssignedToView({ officers }, officer, app)).resolves.toBeUndefined();
    expect((await rejectionOf(assertAssignedToView({ officers }, unassigned, app))).code).toBe(
      "OFFICER_NOT_ASSIGNED",
    );
  });
});

describe("assignedLicenseTypeIds", () => {
  it("gives the queue filter: the assigned types, or none", async () => {
    expect(await assignedLicenseTypeIds({ officers }, officer)).toEqual([foodType.id]);
    expect(await assignedLicenseTypeIds({ officers }, unassigned)).toEqual([]);
    expect(await assignedLicenseTypeIds({ officers }, revoked)).toEqual([]);
    expect(await assignedLicenseTypeIds({ officers }, stranger)).toEqual([]);
    expect(await assignedLicenseTypeIds({ officers }, applicant)).toEqual([]);
  });
});
