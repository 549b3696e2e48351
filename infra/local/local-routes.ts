import type { LocalRoute } from "./api-gateway";
import { demoUsers } from "./demo-users";
import type { LocalJwtIssuer } from "./jwt-issuer";
import type { LocalClock } from "./local-clock";
import type { LocalNotificationLog } from "./notification-log";

/**
 * Routes only the local stack serves: a token for each demo user (Cognito's hosted login stands in
 * here) and the list of users. They are not in the routes manifest, so CDK never deploys them.
 */
export function localRoutes(deps: {
  issuer: LocalJwtIssuer;
  notifications: LocalNotificationLog;
  clock: LocalClock;
}): LocalRoute {
  return async (req, body, url) => {
    if (req.method === "GET" && url.pathname === "/local/users")
      return {
        status: 200,
        body: {
          items: demoUsers.map(({ username, email, name, groups, agencyId, description }) => ({
            username,
            email,
            name,
            groups,
            agencyId,
            description,
          })),
        },
      };
    if (req.method === "POST" && url.pathname === "/local/token") {
      let username: unknown;
      try {
        username = (JSON.parse(body || "{}") as { username?: unknown }).username;
      } catch {
        return {
          status: 400,
          body: {
            code: "INVALID_JSON",
            title: "The request body is not valid JSON",
            titleTh: "เนื้อหาคำขอไม่ใช่ JSON ที่ถูกต้อง",
          },
        };
      }
      const user = demoUsers.find((u) => u.username === username);
      if (!user)
        return {
          status: 400,
          body: {
            code: "UNKNOWN_DEMO_USER",
            title: `Unknown demo user; one of: ${demoUsers.map((u) => u.username).join(", ")}`,
            titleTh: "ไม่พบผู้ใช้ทดลองนี้",
          },
        };
      return {
        status: 200,
        body: { id_token: await deps.issuer.tokenFor(user), token_type: "Bearer", expires_in: 3600 },
      };
    }
    return undefined;
  };
}
