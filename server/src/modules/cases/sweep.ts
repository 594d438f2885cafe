import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loadCalendar } from '../../platform/calendar/service.js';
import type { Deps } from '../../platform/http/types.js';
import { notify } from '../../platform/notifications/service.js';
import { dueStatus } from './deadline.js';
import { centerManagers, unitMembers } from './recipients.js';
import { halls, windows } from '../org/schema.js';
import { cases, caseWarnings } from './schema.js';

/** States in which the promised limit is running; a case awaiting a supplement is not among them. */
const countingStates = ['in-progress', 'joint-review', 'escalated'] as const;

/** The campus of every window, for campus closures in the calendar. */
export async function campusesOfWindows(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .select({ windowId: windows.id, campusId: halls.campusId })
    .from(windows)
    .innerJoin(halls, eq(halls.id, windows.hallId));
  return new Map(rows.map((row) => [row.windowId, row.campusId]));
}

/**
 * Finds open cases that turned yellow or red and notifies the window, its lead and the center,
 * once per case, kind and due time. The warning row's key decides who sends: a restart or a
 * second server process running the same sweep inserts nothing and so notifies nobody again.
 */
export async function sweepDeadlines(deps: Deps): Promise<{ yellow: number; red: number }> {
  const now = deps.now();
  const share = deps.config.warningShare;
  const candidates = await deps.db
    .select()
    .from(cases)
    .where(
      and(
        inArray(cases.state, [...countingStates]),
        isNotNull(cases.dueAt),
        isNotNull(cases.acceptedAt),
        // A case already warned red for its due time has nothing more to say.
        sql`not exists (select 1 from ${caseWarnings} where ${caseWarnings.caseId} = ${cases.id}
          and ${caseWarnings.kind} = 'red' and ${caseWarnings.dueAt} = ${cases.dueAt})`,
      ),
    );
  const calendar = await loadCalendar(deps);
  const campusOf = await campusesOfWindows(deps.db);

  const sent = { yellow: 0, red: 0 };
  for (const row of candidates) {
    const campusId = row.windowId ? campusOf.get(row.windowId) : undefined;
    const status = dueStatus(row, now, share, (acceptedAt, dueAt, at) =>
      calendar.remainingShare(acceptedAt, dueAt, at, campusId),
    );
    if ((status !== 'yellow' && status !== 'red') || !row.dueAt) {
      continue;
    }
    const dueAt = row.dueAt;

    await deps.db.transaction(async (tx) => {
      // A case found already red never gets a late yellow warning: both rows go in together.
      const kinds = status === 'red' ? (['yellow', 'red'] as const) : (['yellow'] as const);
      const inserted = await tx
        .insert(caseWarnings)
        .values(kinds.map((kind) => ({ caseId: row.id, kind, dueAt, createdAt: now })))
        .onConflictDoNothing()
        .returning({ kind: caseWarnings.kind });
      const fresh = inserted.map((warning) => warning.kind);
      const kind = fresh.includes('red') ? 'red' : fresh.includes('yellow') ? 'yellow' : null;
      if (!kind) {
        return;
      }

      await notify(tx, {
        userIds: [
          ...(row.handlerId ? [row.handlerId] : []),
          ...(await unitMembers(tx, [row.unitId], ['window-lead'])),
          ...(await centerManagers(tx)),
        ],
        kind: kind === 'red' ? 'case.overdue' : 'case.due-soon',
        title:
          kind === 'red'
            ? `办件已超期 Case overdue: ${row.trackingNo}`
            : `办件即将到期 Case due soon: ${row.trackingNo}`,
        body: `due ${dueAt.toISOString()}`,
        link: `/cases/${row.id}`,
        dedupeKey: `${row.id}:${kind}:${dueAt.toISOString()}`,
      });
      sent[kind] += 1;
    });
  }
  return sent;
}
