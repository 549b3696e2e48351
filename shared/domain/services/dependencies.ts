import type { ApplicationStore } from "../../ports/application-store";
import type { Clock } from "../../ports/clock";
import type { DocumentRegistry, DocumentStore } from "../../ports/document-store";
import type { EventPublisher } from "../../ports/event-publisher";
import type { IdempotencyStore } from "../../ports/idempotency-store";
import type { LicenseCatalog } from "../../ports/license-catalog";
import type { LicenseRegister } from "../../ports/license-register";
import type { Notifier, RoleDirectory } from "../../ports/notifier";
import type { OfficerDirectory } from "../../ports/officer-directory";
import type { OfficerQueue } from "../../ports/officer-queue";
import type { WorkflowEngine } from "../../ports/workflow-engine";
import type { WorkflowProgress } from "../../ports/workflow-progress";
import type { ApplicationDeadlines } from "../application/deadlines";

/** The ports a use case may need; each handler passes only what its use case reads. */
export interface Dependencies {
  store: ApplicationStore;
  /** The officers' queue (an index of the applications, read a page at a time). */
  queue: OfficerQueue;
  /** Results of requests with an Idempotency-Key (written with their change by `store.apply`). */
  idempotency: IdempotencyStore;
  /** Issued licenses and their number sequences (written with their change by `store.apply`). */
  licenses: LicenseRegister;
  documents: DocumentStore;
  registry: DocumentRegistry;
  workflow: WorkflowEngine;
  /** Where each workflow waits and the outcomes its steps were given. */
  progress: WorkflowProgress;
  publisher: EventPublisher;
  /** People told of a notice: each recipient's inbox (and, deployed, e-mail). */
  notifier: Notifier;
  /** Members of a role's group (OPDC users receive copies of overdue notices). */
  roles: RoleDirectory;
  clock: Clock;
  deadlines: ApplicationDeadlines;
  /** Officer accounts: which license types an officer may see and act on. */
  officers: OfficerDirectory;
  /** License types and agencies (the catalog's files, read behind this port). */
  catalog: LicenseCatalog;
}
