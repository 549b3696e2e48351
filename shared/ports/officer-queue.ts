import type { QueuePosition, QueueRow } from "../domain/application/queue";
import type { ApplicationStatus } from "../domain/application/status";

/** One page of an officer's queue: applications of these license types of the agency, in these statuses. */
export interface QueueQuery {
  agencyId: string;
  licenseTypeIds: readonly string[];
  statuses: readonly ApplicationStatus[];
  /** Rows strictly after this position in queue order (the previous page's last row). */
  after?: QueuePosition | undefined;
  limit: number;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Rows remain after the last one. */
  more: boolean;
}

/** The officers' work queue, an index kept with every change of an application. */
export interface OfficerQueue {
  /**
   * A page of the officer queue in queue order (`compareQueue`: earliest due first), filtered by
   * license type and status before the limit, read from the queue index alone.
   */
  queuePage(query: QueueQuery): Promise<QueuePage>;
}
