import { apiHandler } from "../../shared/http/api-handler";
import { openApiDocument } from "./openapi-document";

export const handler = apiHandler({ authenticated: false }, async () => ({ body: openApiDocument() }));
