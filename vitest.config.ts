import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest files first (measured), so that neither worker is left alone with a long file at the
 * end. Vitest orders by past durations when it has them, but a fresh clone has none, and then it
 * starts the largest files first: the scenario files are four lines each.
 */
const slowestFirst = [
  "/test/e2e/crash-recovery.test.ts",
  "/test/e2e/catalog-every-type.test.ts",
  "/test/e2e/scenarios/",
  "/test/integration/workflow-timers-and-restart.test.ts",
  "/test/e2e/clock-start.test.ts",
  "/test/e2e/demo.test.ts",
  "/test/e2e/officer-queue-paging.test.ts",
  "/test/e2e/out-of-process.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = slowestFirst.findIndex((path) => f.moduleId.includes(path));
      return i < 0 ? slowestFirst.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: "forks",
    // Vitest's default is one worker per core but one, so a single worker on two cores; a stack test
    // spends much of its time waiting on DynamoDB Local (another process) and on HTTP, so two files
    // at once keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirst },
    // One process per worker for all its files, not a fork and an import of the SDK (and of the whole
    // local stack) per file: the unit tests run ≈ 2.5× faster, the stack tests ≈ 1.5×. Each file still
    // resets its own fakes and mocks, and starts and stops its own local stack.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: "local-stack",
          include: ["test/e2e/**/*.test.ts", "test/integration/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/infra/**/*.test.ts"] },
      },
    ],
  },
});
