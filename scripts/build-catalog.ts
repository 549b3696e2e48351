import { buildCatalog } from "../shared/catalog/build/build-catalog";
import { readOverrides, readSources, writeCatalog } from "../shared/catalog/build/catalog-files";

/**
 * `npm run catalog`: imports every manual of `shared/catalog/manuals/manuals.json`, applies the
 * reviewed `shared/catalog/overrides.json` and writes `shared/catalog/license-types/` (one file per
 * entry in force; a version replaced or an entry no longer built is kept in `history/`). A test
 * fails when the checked-in files differ from what this writes.
 */
const started = performance.now();
const { entries } = buildCatalog(readSources(), readOverrides());
const counts = writeCatalog(entries);
const byAgency = new Map<string, number>();
for (const e of entries) byAgency.set(e.agencyId, (byAgency.get(e.agencyId) ?? 0) + 1);
console.log(
  `catalog: ${entries.length} entries (${[...byAgency].map(([a, n]) => `${a} ${n}`).join(", ")}); ` +
    `${counts.written} written, ${counts.unchanged} unchanged, ${counts.superseded} versions and ` +
    `${counts.retired} retired entries kept in history/; ${Math.round(performance.now() - started)} ms`,
);
