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
    description: "an officer of อบต.คลองด่าน (Khlong Dan SAO)",
  },
  {
    username: "officer-other",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e04",
    email: "officer@wanghin.go.th",
    name: "เจ้าหน้าที่ อบต.วังหิน",
    groups: ["officer"],
    agencyId: "sao-wang-hin",
    description: "an officer of another agency (cannot act on Khlong Dan's applications)",
  },
  {
    username: "opdc",
    sub: "6a0c3e0e-1f5b-4c44-9d55-0a1b2c3d4e05",
    email: "admin@opdc.go.th",
    name: "ผู้ดูแลระบบ สำนักงาน ก.พ.ร.",
    groups: ["opdc-admin"],
    description: "an OPDC oversight admin (read-only)",
  },
];
