import { apiHandler } from "../../shared/http/api-handler";
import { asyncApiDocument } from "./asyncapi-document";

export const handler = apiHandler({ authenticated: false }, async () => ({ body: asyncApiDocument() }));
