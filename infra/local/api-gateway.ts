import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { type ApiRoute, apiRoutes, apiTimeoutSeconds } from "../../functions/api/routes";
import { systemClock } from "../../shared/adapters/system-clock";
import type { Clock } from "../../shared/ports/clock";
import type { LocalJwtIssuer } from "./jwt-issuer";
import { keepIdleConnections } from "./services/connections";

type Handler = (event: unknown, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Extra routes only the local stack serves (token minting, operator tools); never deployed. */
export interface LocalRouteResult {
  status: number;
  body: unknown;
  contentType?: string;
}
export type LocalRoute = (
  req: IncomingMessage,
  body: string,
  url: URL,
) => Promise<LocalRouteResult | undefined>;

interface CompiledRoute {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
}

/**
 * API Gateway's stand-in: matches the routes manifest, runs the JWT check the authorizer would,
 * and hands the deployed handler the same HTTP API v2 (payload format 2.0) event.
 */
export class LocalApiGateway {
  private server: Server | undefined;
  private readonly routes: CompiledRoute[] = apiRoutes.map(compile);
  private readonly handlers = new Map<string, Promise<Handler>>();

  constructor(
    private readonly projectRoot: string,
    private readonly issuer: LocalJwtIssuer,
    private readonly localRoute: LocalRoute,
    /** The request time handlers see (`requestContext.time`): the stack's clock, like every timestamp. */
    private readonly clock: Clock = systemClock,
    /**
     * Runs after a handler that may have written and before its answer goes out: an answer promises
     * the write survives a crash (the local DynamoDB needs a barrier for that, see `awaitQueuedCommits`).
     */
    private readonly beforeAnswer: () => Promise<void> = async () => {},
  ) {}

  async listen(port: number): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error("Local API gateway error", error);
        send(res, 500, { message: "Internal Server Error" });
      });
    });
    keepIdleConnections(this.server);
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", resolve);
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    const local = await this.localRoute(req, body, url);
    if (local) {
      if (writes(req)) await this.beforeAnswer();
      return send(res, local.status, local.body, local.contentType);
    }
    const method = req.method ?? "GET";
    const match = this.match(method, url.pathname);
    if (!match) return send(res, 404, { message: "Not Found" });
    let claims: Record<string, unknown> | undefined;
    if (match.route.auth === "jwt") {
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      claims = token ? await this.issuer.verify(token) : undefined;
      if (!claims) return send(res, 401, { message: "Unauthorized" });
    }
    const event = toEvent(req, url, body, match, claims, this.clock.now());
    const handler = await this.handlerOf(match.route);
    const result = await handler(event, lambdaContext(match.route));
    if (writes(req)) await this.beforeAnswer();
    res.writeHead(result.statusCode ?? 200, stringHeaders(result.headers));
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? "", "base64") : (result.body ?? ""));
  }

  private match(method: string, path: string) {
    for (const compiled of this.routes) {
      if (compiled.route.method !== method) continue;
      const m = compiled.pattern.exec(path);
      if (m)
        return {
          ...compiled,
          params: Object.fromEntries(compiled.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])),
        };
    }
    return undefined;
  }

  private handlerOf(route: ApiRoute): Promise<Handler> {
    let handler = this.handlers.get(route.entry);
    if (!handler) {
      handler = import(join(this.projectRoot, route.entry)).then((m: { handler: Handler }) => m.handler);
      this.handlers.set(route.entry, handler);
    }
    return handler;
  }
}

function compile(route: ApiRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  body: string,
  match: CompiledRoute & { params: Record<string, string> },
  claims: Record<string, unknown> | undefined,
  now: Date,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [
      k.toLowerCase(),
      Array.isArray(v) ? v.join(",") : (v ?? ""),
    ]),
  );
  const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined;
  const routeKey = `${match.route.method} ${match.route.path}`;
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ""),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(match.names.length ? { pathParameters: match.params } : {}),
    body: body || undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "127.0.0.1",
      domainPrefix: "local",
      http: {
        method: match.route.method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: {
        principalId: "",
        integrationLatency: 0,
        jwt: { claims: flattenClaims(claims ?? {}), scopes: [] },
      },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** API Gateway renders array claims as "[a b]" strings; do the same so handlers see one shape. */
function flattenClaims(
  claims: Record<string, unknown>,
): Record<string, string | number | boolean | string[]> {
  return Object.fromEntries(
    Object.entries(claims).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(" ")}]` : (v as string | number | boolean),
    ]),
  );
}

function lambdaContext(route: ApiRoute): Context {
  return {
    awsRequestId: randomUUID(),
    functionName: route.entry,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.entry}`,
    memoryLimitInMB: "512",
    logGroupName: "local",
    logStreamName: "local",
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => apiTimeoutSeconds * 1000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

function stringHeaders(headers: APIGatewayProxyStructuredResultV2["headers"] = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
}

/** GET and HEAD never write; every other method may. */
function writes(req: IncomingMessage): boolean {
  return req.method !== "GET" && req.method !== "HEAD";
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = "application/json; charset=utf-8",
): void {
  res.writeHead(status, { "content-type": contentType });
  res.end(JSON.stringify(body));
}
