import { applicationStore, idempotencyStore, licenseRegister, workflowProgress } from "./application-store";
import { clock } from "./clock";
import { deadlines } from "./deadlines";
import { eventPublisher } from "./event-publisher";
import { licenseCatalog } from "./license-catalog";
import { notifier } from "./notifier";
import { officerDirectory } from "./officer-directory";
import { workflowEngine } from "./workflow-engine";

/**
 * What every use case that ends a step needs (submit, fix, withdraw, officer action): the outcome is
 * committed, its notice published and, if the workflow waits there, sent on the token.
 */
export const workflowActionDeps = () => ({
  store: applicationStore(),
  idempotency: idempotencyStore(),
  // A case of an existing license and issuing read the register (and its numbers); the others ignore it.
  licenses: licenseRegister(),
  clock: clock(),
  workflow: workflowEngine(),
  progress: workflowProgress(),
  publisher: eventPublisher(),
  notifier: notifier(),
  deadlines: deadlines(),
  // Officer actions check the actor's assignment (issue 4); the other use cases ignore it.
  officers: officerDirectory(),
  catalog: licenseCatalog(),
});
