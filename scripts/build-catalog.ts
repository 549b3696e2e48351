import { rmSync, writeFileSync } from "node:fs";
import { buildCatalog, serializeEntry } from "../shared/catalog/build/build-catalog";
import {
  entriesDir,
  readEntryFiles,
  readOverrides,
  readSources,
} from "../shared/catalog/build/catalog-files";

/**
 * `npm run catalog`: imports every manual of `shared/catalog/manuals/manuals.json`, applies the
 * reviewed `shared/catalog/overrides.json` and writes `shared/catalog/license-types/` (one file per
 * entry; files of entries no longer built are removed). A test fails when the checked-in files
 * differ from what this writes.
 */
const started = performance.now();
const { entries } = buildCatalog(readSources(), readOverrides());
const before = readEntryFiles();
const written = new Set<string>();
let changed = 0;
for (const entry of entries) {
  const file = `${entry.id}.json`;
  const text = serializeEntry(entry);
  written.add(file);
  if (before.get(file) === text) continue;
  writeFileSync(new URL(file, entriesDir), text);
  changed += 1;
}
const removed = [...before.keys()].filter((f) => !written.has(f));
for (const file of removed) rmSync(new URL(file, entriesDir));
const byAgency = new Map<string, number>();
for (const e of entries) byAgency.set(e.agencyId, (byAgency.get(e.agencyId) ?? 0) + 1);
console.log(
  `catalog: ${entries.length} entries (${[...byAgency].map(([a, n]) => `${a} ${n}`).join(", ")}); ` +
    `${changed} written, ${removed.length} removed, ${entries.length - changed} unchanged; ` +
    `${Math.round(performance.now() - started)} ms`,
);
