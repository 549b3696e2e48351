import { createServer } from "node:net";

/**
 * Asks the kernel for a free TCP port on 127.0.0.1 by binding port 0 and closing the socket again.
 *
 * There is an unavoidable race between closing the probe socket and the real server binding the port;
 * callers that spawn external processes should retry on "address in use".
 */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error(`freePort: unexpected server address ${String(address)}`));
        return;
      }
      const { port } = address;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}
