import { describe, expect, it } from "vitest";
import type { Actor } from "../../../shared/domain/actor";
import {
  listOfficerAccounts,
  putOfficerAccount,
  reassignOfficer,
} from "../../../shared/domain/services/officer-accounts";
import type { UserDirectory } from "../../../shared/ports/user-directory";
import { accountOf, FakeOfficerDirectory } from "../../support/fake-officer-directory";
import { catalog } from "./fakes";
import { foodType, mondayTen, rejectionOf } from "./fixtures";

const agency = "sao-khlong-dan";
const supervisor: Actor = { userId: "super-1", roles: ["officer"], agencyId: agency };
const plainOfficer: Actor = { userId: "officer-1", roles: ["officer"], agencyId: agency };
const admin: Actor = { userId: "admin-1", roles: ["agency-admin"], agencyId: agency };
const clock = { now: () => mondayTen };
/** The user pool: Khlong Dan's users, one of Wang Hin's, and applicants (no agency). */
const poolAgency: Record<string, string | undefined> = {
  "super-1": agency,
  "officer-1": agency,
  "officer-7": agency,
  "admin-1": agency,
  "other-1": "sao-wang-hin",
  "other-2": "sao-wang-hin",
  "applicant-1": undefined,
};
const users: UserDirectory = {
  find: async (userId) =>
    userId in poolAgency
      ? { userId, agencyId: poolAgency[userId], email: undefined, enabled: true }
      : undefined,
};
const newcomer = {
  nationalId: "1-1020-00123-45-4",
  email: "newcomer@khlongdan.go.th",
  licenseTypeIds: [foodType.id],
  supervisor: false,
  active: true,
};

function directory() {
  return new FakeOfficerDirectory([
    accountOf("super-1", { supervisor: true, nationalId: "1101700203450" }),
    accountOf("officer-1"),
    accountOf("other-1", { agencyId: "sao-wang-hin", nationalId: "5709900123454" }),
  ]);
}

describe("the supervisor's officer-account use cases", () => {
  it("lists only the accounts of the supervisor's agency, to a supervisor or the agency-admin", async () => {
    const officers = directory();
    const ids = (list: { userId: string }[]) => list.map((a) => a.userId);
    expect(ids(await listOfficerAccounts({ officers }, supervisor))).toEqual(["officer-1", "super-1"]);
    expect(ids(await listOfficerAccounts({ officers }, admin))).toEqual(["officer-1", "super-1"]);
    expect((await rejectionOf(listOfficerAccounts({ officers }, plainOfficer))).kind).toBe("forbidden");
  });

  it("creates, then updates, and a repeated PUT writes nothing", async () => {
    const officers = directory();
    const first = await putOfficerAccount(
      { officers, clock, users, catalog },
      supervisor,
      "officer-7",
      newcomer,
    );
    expect(first).toMatchObject({ created: true, account: { version: 1, nationalId: "1102000123454" } });
    const again = await putOfficerAccount(
      { officers, clock, users, catalog },
      supervisor,
      "officer-7",
      newcomer,
    );
    expect(again).toEqual({ created: false, account: first.account });
    expect(officers.puts).toHaveLength(1);
    const revoked = await putOfficerAccount({ officers, clock, users, catalog }, admin, "officer-7", {
      ...newcomer,
      active: false,
    });
    expect(revoked).toMatchObject({
      created: false,
      account: { version: 2, active: false, updatedBy: "admin-1" },
    });
  });

  it.each([
    ["an officer of another agency, even without an account there", "other-2"],
    ["an officer of another agency who has an account there", "other-1"],
    ["an applicant", "applicant-1"],
    ["an id the user pool does not know", "nobody-1"],
  ])(
    "refuses to create an account for %s with 404 USER_NOT_IN_AGENCY, writing nothing",
    async (_case, userId) => {
      const officers = directory();
      const error = await rejectionOf(
        putOfficerAccount({ officers, clock, users, catalog }, supervisor, userId, newcomer),
      );
      expect([error.code, error.kind]).toEqual(["USER_NOT_IN_AGENCY", "notFound"]);
      expect(error.titleTh).toMatch(/หน่วยงานของท่าน/);
      expect(officers.puts).toHaveLength(0);
    },
  );

  it("changes nothing on bad input or for a non-supervisor", async () => {
    const officers = directory();
    const cases: [() => Promise<unknown>, string][] = [
      [
        () =>
          putOfficerAccount({ officers, clock, users, catalog }, supervisor, "officer-7", {
            ...newcomer,
            nationalId: "1102000123455",
          }),
        "INVALID_NATIONAL_ID",
      ],
      [
        () =>
          putOfficerAccount({ officers, clock, users, catalog }, supervisor, "officer-7", {
            ...newcomer,
            licenseTypeIds: ["x"],
          }),
        "LICENSE_TYPE_NOT_OF_AGENCY",
      ],
      [
        () => putOfficerAccount({ officers, clock, users, catalog }, plainOfficer, "officer-7", newcomer),
        "FORBIDDEN",
      ],
      [
        () =>
          putOfficerAccount({ officers, clock, users, catalog }, supervisor, "officer-7", {
            ...newcomer,
            nationalId: "3101200123453",
          }),
        "NATIONAL_ID_IN_USE",
      ],
      [
        () =>
          putOfficerAccount({ officers, clock, users, catalog }, supervisor, "super-1", {
            ...newcomer,
            nationalId: "1101700203450",
            supervisor: false,
          }),
        "SUPERVISOR_CANNOT_DEMOTE_SELF",
      ],
      [
        () =>
          putOfficerAccount({ officers, clock, users, catalog }, supervisor, "officer-1", {
            ...newcomer,
            nationalId: "3101200123453",
            version: 7,
          }),
        "CONCURRENT_MODIFICATION",
      ],
      [
        () => reassignOfficer({ officers, clock, catalog }, supervisor, "nobody", { licenseTypeIds: [] }),
        "OFFICER_ACCOUNT_NOT_FOUND",
      ],
      [
        () => reassignOfficer({ officers, clock, catalog }, supervisor, "other-1", { licenseTypeIds: [] }),
        "OFFICER_ACCOUNT_NOT_FOUND",
      ],
      [
        () =>
          reassignOfficer({ officers, clock, catalog }, plainOfficer, "officer-1", { licenseTypeIds: [] }),
        "FORBIDDEN",
      ],
    ];
    for (const [call, code] of cases) expect((await rejectionOf(call())).code).toBe(code);
    expect(officers.puts).toEqual([]);
  });

  it("reassigns an officer's license types on the version read", async () => {
    const officers = directory();
    const next = await reassignOfficer({ officers, clock, catalog }, supervisor, "officer-1", {
      licenseTypeIds: [],
      version: 1,
    });
    expect(next).toMatchObject({ licenseTypeIds: [], version: 2, updatedBy: "super-1" });
    expect((await officers.get(agency, "officer-1"))?.licenseTypeIds).toEqual([]);
    const stale = reassignOfficer({ officers, clock, catalog }, supervisor, "officer-1", {
      licenseTypeIds: [foodType.id],
      version: 1,
    });
    expect((await rejectionOf(stale)).code).toBe("CONCURRENT_MODIFICATION");
  });

  it("a deactivated supervisor manages nothing", async () => {
    const officers = new FakeOfficerDirectory([accountOf("super-1", { supervisor: true, active: false })]);
    expect((await rejectionOf(listOfficerAccounts({ officers }, supervisor))).code).toBe("FORBIDDEN");
  });
});
