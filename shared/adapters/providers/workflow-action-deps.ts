import { applicationStore } from "./application-store";
import { clock } from "./clock";
import { deadlines } from "./deadlines";
import { officerDirectory } from "./officer-directory";
import { workflowEngine } from "./workflow-engine";

/** What every use case that changes status and resumes the workflow needs (submit, fix, officer action). */
export const workflowActionDeps = () => ({
  store: applicationStore(),
  clock: clock(),
  workflow: workflowEngine(),
  deadlines: deadlines(),
  // Officer actions check the actor's assignment (issue 4); the other use cases ignore it.
  officers: officerDirectory(),
});
