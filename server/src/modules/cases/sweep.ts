import { and, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/http/types.js';
import { notify } from '../../platform/notifications/service.js';
import { dueStatus } from './deadline.js';
import { centerManagers, unitMembers } from './recipients.js';
import { cases, caseWarnings } from './schema.js';

/** States in which the promised limit is running; a case awaiting a supplement is not among them. */
const countingStates = ['in-progress', 'joint-review', 'escalated'] as const;

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
        // Only those past the yellow line: due - (due - accepted) * share <= now.
        lte(
          sql`${cases.dueAt} - (${cases.dueAt} - ${cases.acceptedAt}) * ${share}::float8`,
          sql`${now.toISOString()}::timestamptz`,
        ),
      ),
    );

  const sent = { yellow: 0, red: 0 };
  for (const row of candidates) {
    const status = dueStatus(row, now, share);
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
