import type { Role } from "../../shared/domain/actor";

/** Seeded local users: the same claims Cognito would put in an ID token. */
export interface DemoUser {
  username: string;
  sub: string;
  email: string;
  name: string;
  groups: Role[];
  agencyId?: string;
  description: string;
  /** Officers only: the account seeded in the officer directory (infra/local/seed-officers.ts). */
  officerAccount?: {
    nationalId: string;
    /** "all": every license type the agency issues; "none": nothing assigned yet. */
    assigned: "all" | "none";
    supervisor?: boolean;
  };
}

export const demoUsers: readonly DemoUser[] = [
  {
    username: "applicant",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e01",
    email: "somchai@example.co.th",
    name: "สมชาย ใจดี (บริษัท ครัวคลองด่าน จำกัด)",
    groups: ["applicant"],
    description: "a business owner applying for licenses",
  },
  {
    username: "applicant2",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e02",
    email: "malee@example.co.th",
    name: "มาลี ทองดี",
    groups: ["applicant"],
    description: "another applicant (cannot see the first one's applications)",
  },
  {
    username: "officer",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e03",
    email: "officer@khlongdan.go.th",
    name: "เจ้าหน้าที่ อบต.คลองด่าน",
    groups: ["officer"],
    agencyId: "sao-khlong-dan",
    description: "an officer of อบต.คลองด่าน (Khlong Dan SAO), assigned every license type",
    officerAccount: { nationalId: "3101200123453", assigned: "all" },
  },
  {
    username: "officer-other",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e04",
    email: "officer@wanghin.go.th",
    name: "เจ้าหน้าที่ อบต.วังหิน",
    groups: ["officer"],
    agencyId: "sao-wang-hin",
    description: "an officer of another agency (cannot act on Khlong Dan's applications)",
    officerAccount: { nationalId: "5709900123454", assigned: "all" },
  },
  {
    username: "opdc",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e05",
    email: "admin@opdc.go.th",
    name: "ผู้ดูแลระบบ สำนักงาน ก.พ.ร.",
    groups: ["opdc-admin"],
    description: "an OPDC oversight admin (read-only)",
  },
  {
    username: "operator",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e08",
    email: "operator@localhost",
    name: "Local operator",
    groups: ["local-operator"],
    description: "the local operator: moves the clock, reads the notification log (local stack only)",
  },
  {
    username: "supervisor",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e06",
    email: "supervisor@khlongdan.go.th",
    name: "หัวหน้าสำนักปลัด อบต.คลองด่าน",
    groups: ["officer"],
    agencyId: "sao-khlong-dan",
    description: "a supervisor of อบต.คลองด่าน: manages its officer accounts (GET/PUT /agency/officers)",
    officerAccount: { nationalId: "1101700203450", assigned: "all", supervisor: true },
  },
  {
    username: "officer-unassigned",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e07",
    email: "newcomer@khlongdan.go.th",
    name: "เจ้าหน้าที่ใหม่ อบต.คลองด่าน",
    groups: ["officer"],
    agencyId: "sao-khlong-dan",
    description: "an officer of อบต.คลองด่าน with no license type assigned (sees and acts on nothing)",
    officerAccount: { nationalId: "1102000123454", assigned: "none" },
  },
  {
    username: "officer-new",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e09",
    email: "somsri@khlongdan.go.th",
    name: "สมศรี ใจงาม",
    groups: ["officer"],
    agencyId: "sao-khlong-dan",
    description:
      "a new officer of อบต.คลองด่าน whose sign-in exists but who has no account yet (the supervisor creates it)",
  },
];
