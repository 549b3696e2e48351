import { describe, expect, it } from "vitest";
import type { Actor } from "../../../shared/domain/actor";
import {
  type AccountChangeContext,
  assertSupervisor,
  assignableLicenseTypeIds,
  changeAccount,
  handledLicenseTypeIds,
  type LicenseTypeAgencyOf,
  mayHandle,
  reassign,
  supervisorAuthority,
  whyNotHandled,
} from "../../../shared/domain/officers/officer-account";
import { accountOf } from "../../support/fake-officer-directory";
import { catalog } from "./fakes";
import { applicationIn, domainErrorOf, foodType, mondayTen } from "./fixtures";

const agency = "sao-khlong-dan";
const app = applicationIn("SUBMITTED");
const officerActor: Actor = { userId: "officer-1", roles: ["officer"], agencyId: agency };
const supervisorActor: Actor = { userId: "super-1", roles: ["officer"], agencyId: agency };
const adminActor: Actor = { userId: "admin-1", roles: ["agency-admin"], agencyId: agency };
const supervisorAccount = accountOf("super-1", { supervisor: true, nationalId: "1101700203450" });

/** A catalog with a second type of the same agency and one of another agency. */
const agencyOf: LicenseTypeAgencyOf = (id) =>
  ({ [foodType.id]: agency, "signboard-klong-dan": agency, "market-wang-hin": "sao-wang-hin" })[id];

describe("who may see and act on an application", () => {
  it("is an active officer account of the application's agency assigned its license type", () => {
    expect(mayHandle(accountOf("officer-1"), app)).toBe(true);
  });

  it.each([
    ["no account", undefined, /no officer account/],
    ["a deactivated account", accountOf("officer-1", { active: false }), /deactivated/],
    ["an account of another agency", accountOf("officer-1", { agencyId: "sao-wang-hin" }), /another agency/],
    ["an account not assigned the type", accountOf("officer-1", { licenseTypeIds: [] }), /not assigned/],
  ])("is refused with %s", (_case, account, reason) => {
    expect(mayHandle(account, app)).toBe(false);
    expect(whyNotHandled(account, app).en).toMatch(reason);
    expect(whyNotHandled(account, app).th).toMatch(/[ก-๙]/);
  });

  it("lists the handled license types only for an active account of the agency", () => {
    expect(handledLicenseTypeIds(accountOf("officer-1"), agency)).toEqual([foodType.id]);
    expect(handledLicenseTypeIds(accountOf("officer-1", { active: false }), agency)).toEqual([]);
    expect(handledLicenseTypeIds(accountOf("officer-1"), "sao-wang-hin")).toEqual([]);
    expect(handledLicenseTypeIds(undefined, agency)).toEqual([]);
  });
});

describe("who supervises an agency's officer accounts", () => {
  it.each([
    ["the agency-admin of the agency", adminActor, undefined, "admin"],
    ["an officer whose account is a supervisor", supervisorActor, supervisorAccount, "supervisor"],
    ["an officer whose account is not", officerActor, accountOf("officer-1"), undefined],
    ["a deactivated supervisor", supervisorActor, { ...supervisorAccount, active: false }, undefined],
    ["a supervisor account of someone else", officerActor, supervisorAccount, undefined],
    [
      "a supervisor account of another agency",
      supervisorActor,
      { ...supervisorAccount, agencyId: "sao-wang-hin" },
      undefined,
    ],
    ["an agency-admin of another agency", { ...adminActor, agencyId: "sao-wang-hin" }, undefined, undefined],
    ["an OPDC admin", { userId: "opdc-1", roles: ["opdc-admin"] }, undefined, undefined],
    [
      "an applicant",
      { userId: "super-1", roles: ["applicant"], agencyId: agency },
      supervisorAccount,
      undefined,
    ],
  ] as [string, Actor, typeof supervisorAccount | undefined, string | undefined][])(
    "%s: %s",
    (_who, actor, account, expected) => {
      expect(supervisorAuthority(actor, account, agency)).toBe(expected);
    },
  );

  it("answers 403 FORBIDDEN to anyone else, and without an agency", () => {
    expect(domainErrorOf(() => assertSupervisor(officerActor, accountOf("officer-1"), agency))).toMatchObject(
      {
        code: "FORBIDDEN",
        kind: "forbidden",
      },
    );
    expect(domainErrorOf(() => assertSupervisor(adminActor, undefined, undefined)).kind).toBe("forbidden");
    expect(assertSupervisor(adminActor, undefined, agency)).toBe("admin");
  });
});

describe("license types an officer may be assigned", () => {
  it("are the agency's own, sorted and without duplicates", () => {
    expect(
      assignableLicenseTypeIds(["signboard-klong-dan", foodType.id, foodType.id], agency, agencyOf),
    ).toEqual([foodType.id, "signboard-klong-dan"]);
    expect(
      assignableLicenseTypeIds([foodType.id], agency, (id) => catalog.licenseType(id)?.agencyId),
    ).toEqual([foodType.id]);
  });

  it.each(["market-wang-hin", "no-such-type"])("refuses %s with 400 LICENSE_TYPE_NOT_OF_AGENCY", (id) => {
    const error = domainErrorOf(() => assignableLicenseTypeIds([foodType.id, id], agency, agencyOf));
    expect(error).toMatchObject({ code: "LICENSE_TYPE_NOT_OF_AGENCY", kind: "validation" });
    expect(error.detail).toContain(id);
    expect(error.titleTh).toMatch(/[ก-๙]/);
  });
});

describe("a supervisor's change to an account", () => {
  const ctx: AccountChangeContext = {
    actor: supervisorActor,
    authority: "supervisor",
    agencyId: agency,
    now: mondayTen,
    agencyOf,
  };
  const settings = {
    nationalId: "1-1020-00123-45-4",
    email: " Newcomer@KhlongDan.go.th ",
    licenseTypeIds: ["signboard-klong-dan", foodType.id],
    supervisor: false,
    active: true,
  };

  it("creates version 1 with the ID's digits, the e-mail in lower case and who did it", () => {
    expect(changeAccount(ctx, "officer-7", undefined, settings)).toEqual({
      userId: "officer-7",
      nationalId: "1102000123454",
      email: "newcomer@khlongdan.go.th",
      agencyId: agency,
      licenseTypeIds: [foodType.id, "signboard-klong-dan"],
      supervisor: false,
      active: true,
      version: 1,
      createdAt: mondayTen.toISOString(),
      updatedAt: mondayTen.toISOString(),
      updatedBy: "super-1",
    });
  });

  it("updates with the next version, keeps createdAt, and changes nothing when nothing differs", () => {
    const existing = changeAccount(ctx, "officer-7", undefined, settings)!;
    const later = { ...ctx, now: new Date(mondayTen.getTime() + 60_000) };
    const revoked = changeAccount(later, "officer-7", existing, { ...settings, active: false })!;
    expect(revoked).toMatchObject({ version: 2, active: false, createdAt: existing.createdAt });
    expect(revoked.updatedAt).toBe(later.now.toISOString());
    expect(
      changeAccount(later, "officer-7", existing, {
        ...settings,
        licenseTypeIds: [...settings.licenseTypeIds].reverse(),
      }),
    ).toBeUndefined();
  });

  it("refuses an invalid national ID and a license type of another agency", () => {
    expect(
      domainErrorOf(() =>
        changeAccount(ctx, "officer-7", undefined, { ...settings, nationalId: "1-1020-00123-45-5" }),
      ).code,
    ).toBe("INVALID_NATIONAL_ID");
    expect(
      domainErrorOf(() =>
        changeAccount(ctx, "officer-7", undefined, { ...settings, licenseTypeIds: ["market-wang-hin"] }),
      ).code,
    ).toBe("LICENSE_TYPE_NOT_OF_AGENCY");
  });

  it("does not let a supervisor remove their own supervisor flag or deactivate themselves", () => {
    const own = { ...supervisorAccount, licenseTypeIds: [...supervisorAccount.licenseTypeIds] };
    for (const change of [{ supervisor: false }, { active: false }]) {
      const error = domainErrorOf(() => changeAccount(ctx, "super-1", own, { ...own, ...change }));
      expect(error).toMatchObject({ code: "SUPERVISOR_CANNOT_DEMOTE_SELF", kind: "conflict" });
    }
    // Their other changes to themselves, and demoting another supervisor, are fine.
    expect(changeAccount(ctx, "super-1", own, { ...own, licenseTypeIds: [] })?.version).toBe(2);
    const other = accountOf("super-2", { supervisor: true, nationalId: "1101700203131" });
    expect(changeAccount(ctx, "super-2", other, { ...other, supervisor: false })?.supervisor).toBe(false);
  });

  it("lets the agency-admin demote anyone, since the admin's authority does not hang on an account", () => {
    const adminCtx = { ...ctx, actor: adminActor, authority: "admin" as const };
    const own = accountOf("admin-1", { supervisor: true });
    expect(changeAccount(adminCtx, "admin-1", own, { ...own, supervisor: false })?.supervisor).toBe(false);
  });

  it("reassigns license types and keeps every other setting", () => {
    const existing = accountOf("officer-1");
    const next = reassign(ctx, existing, ["signboard-klong-dan"])!;
    expect(next).toEqual({
      ...existing,
      licenseTypeIds: ["signboard-klong-dan"],
      version: 2,
      updatedAt: mondayTen.toISOString(),
      updatedBy: "super-1",
    });
    expect(reassign(ctx, existing, [foodType.id])).toBeUndefined();
    expect(domainErrorOf(() => reassign(ctx, existing, ["market-wang-hin"])).kind).toBe("validation");
  });
});
