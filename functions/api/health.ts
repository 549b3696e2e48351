import { apiHandler } from "../../shared/http/api-handler";

export const handler = apiHandler({ authenticated: false }, async () => ({
  body: { status: "ok", service: "bizportal" },
}));
