import { Agent, type Server } from "node:http";

/**
 * How long the local servers (the API gateway and s3rver) keep an idle keep-alive connection open.
 * Node's default is 5 s, and a client reuses an idle socket until its own timer says otherwise
 * (fetch gives up 2 s before the server's `Keep-Alive: timeout` hint; the SDK's agent keeps sockets
 * until the server closes them). With every process on the machine busy, a request sent on a socket
 * just as the server's 5 s ran out met a closed connection: ECONNRESET under 50 clients. A minute
 * (as load balancers keep them) leaves that race to sockets idle for a minute.
 */
export const keepAliveTimeoutMs = 65_000;

/** Applies `keepAliveTimeoutMs`; the headers timeout must outlast it or Node drops idle sockets first. */
export function keepIdleConnections(server: Server): void {
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.headersTimeout = keepAliveTimeoutMs + 1_000;
}

/**
 * The socket pool of an SDK client of the local stack (pass as `requestHandler`; the SDK builds its
 * NodeHttpHandler from it). One client serves every API request and workflow task in flight, and the
 * SDK's default of 50 sockets made them queue for a socket under 50 concurrent users.
 */
export function localSocketPool(): { httpAgent: Agent } {
  return { httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) };
}
