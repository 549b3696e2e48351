import * as z from "zod/mini";
import "../../../shared/schemas/zod-locale";
import { licenseRegister } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { licenseVerification } from "../../../shared/domain/license-cases";
import { apiHandler } from "../../../shared/http/api-handler";

/** Anyone may check a license number: only what is printed on the license is disclosed. */
export const handler = apiHandler(
  { authenticated: false, params: z.object({ number: z.string().check(z.regex(/^[A-Z0-9-]{5,40}$/)) }) },
  async ({ params }) => ({
    body: licenseVerification(
      params.number,
      await licenseRegister().getLicense(params.number),
      clock().now(),
    ),
  }),
);
