import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoUsers } from "./demo-users";
import { projectRoot, startLocalStack } from "./local-stack";
import { installSignalHandlers, onShutdown } from "./services/process-lifecycle";

/** `npm start`: the whole backend on 127.0.0.1, data kept in .local/data (`--fresh` wipes it). */
const { values } = parseArgs({
  options: {
    fresh: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "data-dir": { type: "string", default: join(projectRoot, ".local", "data") },
  },
});

installSignalHandlers();
const started = Date.now();
const stack = await startLocalStack({
  dataDir: values["data-dir"],
  fresh: values.fresh,
  port: Number(values.port),
});
onShutdown(() => stack.stop(), "local stack");

const u = stack.url;
console.log(`
Biz Portal backend (local) is up at ${u}   (started in ${((Date.now() - started) / 1000).toFixed(1)} s)
Data: ${values["data-dir"]}${values.fresh ? " (fresh)" : ""}; workflows resumed: ${stack.resumedTasks}

Demo users (get a token: POST ${u}/local/token {"username": "<name>"}):
${demoUsers.map((d) => `  ${d.username.padEnd(18)} ${d.groups.join(",").padEnd(11)} ${d.description}`).join("\n")}

Try:
  curl -s ${u}/health
  curl -s ${u}/catalog/license-types
  TOKEN=$(curl -s -X POST ${u}/local/token -d '{"username":"applicant"}' | sed 's/.*"id_token":"\\([^"]*\\)".*/\\1/')
  curl -s -X POST ${u}/applications -H "authorization: Bearer $TOKEN" \\
       -d '{"licenseTypeId":"food-premises-over-200sqm-klong-dan","formData":{"businessName":"ครัวคลองด่าน"}}'
  OFFICER=$(curl -s -X POST ${u}/local/token -d '{"username":"officer"}' | sed 's/.*"id_token":"\\([^"]*\\)".*/\\1/')
  curl -s ${u}/officer/applications -H "authorization: Bearer $OFFICER"

OpenAPI: ${u}/openapi.json   ·   Ctrl-C stops everything.
`);
