import { businessCatalog, businessStore } from "../../../shared/adapters/providers/business-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { problems } from "../../../shared/domain/errors";
import { updateBusiness } from "../../../shared/domain/services/businesses";
import { apiHandler } from "../../../shared/http/api-handler";
import { businessParams, updateBusinessSchema } from "../../../shared/schemas/businesses";

export const handler = apiHandler(
  { params: businessParams, body: updateBusinessSchema },
  async ({ params, body, actor, event }) => {
    const { version, ...patch } = body;
    const ifMatch = versionOf(event.headers?.["if-match"]);
    if (version !== undefined && ifMatch !== undefined && version !== ifMatch)
      throw problems.invalidRequest({
        en: "The body's version and the If-Match header differ",
        th: "เลขรุ่น (version) ในเนื้อหาคำขอไม่ตรงกับส่วนหัว If-Match",
      });
    const business = await updateBusiness(
      { businesses: businessStore(), catalog: businessCatalog(), clock: clock() },
      actor,
      params.id,
      patch,
      version ?? ifMatch,
    );
    return { body: business, headers: { etag: `"${business.version}"` } };
  },
);

/** The ETag GET answers with is the version in quotes; a weak tag names the same version. */
function versionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?([1-9]\d{0,9})"?$/.exec(header.trim());
  if (!match)
    throw problems.invalidRequest({
      en: 'If-Match must be the ETag of the business, e.g. "3"',
      th: 'If-Match ต้องเป็น ETag ของข้อมูลกิจการ เช่น "3"',
    });
  return Number(match[1]);
}
