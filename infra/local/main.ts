import { LocalStartError } from "./clock-start";
import { demoUsers } from "./demo-users";
import { type LocalStack, projectRoot, startLocalStack } from "./local-stack";
import { formatBangkok } from "./operator/clock-command";
import { installSignalHandlers, onShutdown } from "./services/process-lifecycle";
import { defaultDataDir, parseStartOptions, type StartOptions } from "./start-options";

/**
 * `npm start`: the whole backend on 127.0.0.1, data kept in .local/data (`--fresh` wipes it,
 * `--clock <instant>` starts an empty data folder's clock there). A refused option or start prints
 * why on stderr and exits with 2, before anything runs.
 */
let values: StartOptions;
let stack: LocalStack;
installSignalHandlers();
const started = Date.now();
try {
  values = parseStartOptions(process.argv.slice(2), {
    port: process.env.PORT,
    dataDir: defaultDataDir(projectRoot),
  });
  stack = await startLocalStack({
    dataDir: values.dataDir,
    fresh: values.fresh,
    port: values.port,
    ...(values.clock ? { clockStartsAt: values.clock } : {}),
  });
} catch (error) {
  if (!(error instanceof LocalStartError)) throw error;
  console.error(`npm start: ${error.message}`);
  process.exit(2);
}
onShutdown(() => stack.stop(), "local stack");

const u = stack.url;
const token = (user: string) =>
  `$(curl -s -X POST ${u}/local/token -d '{"username":"${user}"}' | sed 's/.*"id_token":"\\([^"]*\\)".*/\\1/')`;
console.log(`
Biz Portal backend (local) is up at ${u}   (started in ${((Date.now() - started) / 1000).toFixed(1)} s)
Data: ${values.dataDir}${values.fresh ? " (fresh)" : ""}; workflows resumed: ${stack.resumedTasks}; clock: ${formatBangkok(stack.clock.now())}${values.clock ? " (set by --clock)" : ""}

Demo users — a token for each: curl -s -X POST ${u}/local/token -d '{"username":"<name>"}'
${demoUsers.map((d) => `  ${d.username.padEnd(18)} ${d.groups.join(",").padEnd(14)} ${d.description}`).join("\n")}

One request per role:
  public       curl -s ${u}/catalog/license-types
  applicant    A=${token("applicant")}
               curl -s -X POST ${u}/applications -H "authorization: Bearer $A" \\
                 -d '{"licenseTypeId":"food-premises-over-200sqm-klong-dan","formData":{"businessName":"ครัวคลองด่าน"}}'
  officer      O=${token("officer")}
               curl -s ${u}/officer/applications -H "authorization: Bearer $O"
  supervisor   S=${token("supervisor")}
               curl -s ${u}/agency/officers -H "authorization: Bearer $S"
  opdc         P=${token("opdc")}
               curl -s ${u}/applications/<id>/history -H "authorization: Bearer $P"
  operator     OP=${token("operator")}
               curl -s -X POST ${u}/local/clock -H "authorization: Bearer $OP" -d '{"advance":"P7D"}'
               curl -s "${u}/local/notifications?topic=overdueEscalations" -H "authorization: Bearer $OP"

OpenAPI: ${u}/openapi.json   ·   Ctrl-C stops everything.
`);
