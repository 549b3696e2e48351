import middy from "@middy/core";
import type { Context } from "aws-lambda";
import type * as z from "zod/mini";
import "../schemas/zod-locale";
import { logger } from "./logger";

/**
 * A state machine task: validate the payload the definition passes, run the use case, return a
 * small JSON result. Errors propagate so the state's Retry/Catch apply.
 */
export function taskHandler<I, O>(schema: z.ZodMiniType<I>, run: (input: I) => Promise<O>) {
  return middy<unknown, O, Error, Context>().handler(async (event) => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      logger.error("Invalid task input", { issues: parsed.error.issues });
      throw new Error(`Invalid task input: ${parsed.error.message}`);
    }
    return run(parsed.data);
  });
}
