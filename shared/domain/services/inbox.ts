import type { Clock } from "../../ports/clock";
import type { Inbox, InboxEntry } from "../../ports/notifier";
import type { Actor } from "../actor";
import { problems } from "../errors";

/** A notice as its reader sees it. */
export function inboxItemView(entry: InboxEntry) {
  return {
    id: entry.id,
    kind: entry.kind,
    applicationId: entry.applicationId,
    textTh: entry.messageTh,
    textEn: entry.messageEn,
    at: entry.at,
    read: entry.readAt !== undefined,
    readAt: entry.readAt ?? null,
    copy: entry.copy,
  };
}

/** The caller's own notices, newest first: the inbox is keyed by the signed-in user, never by a parameter. */
export async function listMyNotices(
  deps: { inbox: Inbox },
  actor: Actor,
  page: { limit: number; cursor?: string | undefined },
) {
  const found = await deps.inbox.list(
    actor.userId,
    page.cursor ? { limit: page.limit, cursor: page.cursor } : { limit: page.limit },
  );
  return { items: found.items.map(inboxItemView), nextCursor: found.cursor ?? null };
}

/** Marks one of the caller's notices read (again: no change); anyone else's is not found. */
export async function markNoticeRead(deps: { inbox: Inbox; clock: Clock }, actor: Actor, id: string) {
  const entry = await deps.inbox.markRead(actor.userId, id, deps.clock.now().toISOString());
  if (!entry) throw problems.noticeNotFound();
  return inboxItemView(entry);
}
