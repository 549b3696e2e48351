import type { MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { DomainError } from "../domain/errors";
import { logger } from "./logger";
import { internalErrorResponse, problemResponse } from "./problem-details";

/** Maps every error to problem+json: domain errors keep their status, anything else is a logged 500. */
export function problemMiddleware(): MiddlewareObj<{ rawPath?: string }, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof DomainError) {
        request.response = problemResponse(error, request.event.rawPath);
        return;
      }
      logger.error("Unhandled error", { error: error as Error, path: request.event.rawPath });
      request.response = internalErrorResponse(request.context.awsRequestId);
    },
  };
}
