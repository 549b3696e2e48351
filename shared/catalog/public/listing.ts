import type { CatalogListQuery, LicenseTypePage } from "../../schemas/catalog";
import type { LicenseType } from "../schema";
import { canonicalQuery, matchesSearch, parseSearchQuery } from "../search";
import { type CursorFilter, decodeCatalogCursor, encodeCatalogCursor } from "./cursor";
import { licenseTypeSummary } from "./summary";

/**
 * One page of the catalog list: the entries that pass every filter and match the search, in id
 * order (plain code-unit order, the same on every machine), `limit` at a time after the cursor's
 * position, with the number of matches on all pages.
 */
export function listLicenseTypes(entries: readonly LicenseType[], query: CatalogListQuery): LicenseTypePage {
  const search = query.q === undefined ? null : parseSearchQuery(query.q);
  const filter: CursorFilter = {
    authority: query.authority,
    category: query.category,
    caseType: query.caseType,
    family: query.family,
    q: search ? canonicalQuery(search) : undefined,
  };
  const matching = entries
    .filter(
      (e) =>
        (query.authority === undefined || e.agencyId === query.authority) &&
        (query.category === undefined || e.category === query.category) &&
        (query.caseType === undefined || e.caseType === query.caseType) &&
        (query.family === undefined || e.family === query.family) &&
        (search === null || matchesSearch(e, search)),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const after = query.cursor === undefined ? undefined : decodeCatalogCursor(query.cursor, filter);
  const start = after === undefined ? 0 : matching.findIndex((e) => e.id > after);
  const page = start < 0 ? [] : matching.slice(start, start + query.limit);
  const more = start >= 0 && start + query.limit < matching.length;
  return {
    items: page.map(licenseTypeSummary),
    nextCursor: more ? encodeCatalogCursor(page[page.length - 1]!.id, filter) : null,
    total: matching.length,
  };
}
