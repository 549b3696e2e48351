/**
 * Generates the Thai public-holiday table the working-day clock reads at run time, from
 * `date-holidays` (TH, type public), so no Lambda bundle carries the library (≈1.4 MB with
 * moment-timezone and astronomia). `test/unit/working-days/thai-holidays-data.test.ts` fails when the
 * committed table differs from what the installed library computes: rerun `npx tsx scripts/generate-thai-holidays.ts`.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { thaiHolidaysFromLibrary } from "../test/support/thai-holidays-from-library";

const out = fileURLToPath(new URL("../shared/domain/working-days/thai-holidays.data.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(thaiHolidaysFromLibrary())}\n`);
console.log(`wrote ${out}`);
