import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor, Deps } from '../../platform/http/types.js';
import { notify } from '../../platform/notifications/service.js';
import { caseContacts, cases } from './schema.js';
import { getCaseRowOrThrow, insertEvent, lockCaseOrThrow } from './service.js';

function requireEscalatedHandler(actor: Actor, row: typeof cases.$inferSelect): void {
  if (row.state !== 'escalated') {
    throw new AppError('invalid-state', `the case is ${row.state}, not escalated`, {
      details: { state: row.state },
    });
  }
  const isHandler = row.handlerId === actor.id;
  const isLead = actor.role === 'window-lead' && actor.unitId === row.unitId;
  if (!isHandler && !isLead) {
    throw new AppError(
      'forbidden',
      'only the window holding the case keeps in touch with the authority',
    );
  }
}

/** Logs one contact with the authority an escalated case went to (Art. 15(4)). */
export async function addContact(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { channel: string; summary: string },
) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    requireEscalatedHandler(actor, row);
    await tx.insert(caseContacts).values({ caseId, at: now, actorId: actor.id, ...input });
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action: 'authority-contacted',
        fromState: row.state,
        toState: row.state,
        reason: input.summary,
        detail: { channel: input.channel, authority: row.authority },
      },
      now,
    );
  });
}

/** Records the authority's answer, which the window then passes on by completing or refusing. */
export async function recordAuthorityAnswer(
  deps: Deps,
  actor: Actor,
  caseId: string,
  answer: string,
) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockCaseOrThrow(tx, actor, caseId);
    requireEscalatedHandler(actor, row);
    await tx
      .update(cases)
      .set({ authorityAnswer: answer, updatedAt: now })
      .where(eq(cases.id, caseId));
    await insertEvent(
      tx,
      caseId,
      actor,
      {
        action: 'authority-answered',
        fromState: row.state,
        toState: row.state,
        reason: answer,
        detail: { authority: row.authority },
      },
      now,
    );
    if (row.applicantId) {
      await notify(tx, {
        userIds: [row.applicantId],
        kind: 'case.authority-answered',
        title: `上级部门已答复 The authority has answered: ${row.trackingNo}`,
        body: answer,
        link: `/cases/${caseId}`,
      });
    }
  });
}

export async function listContacts(deps: Deps, actor: Actor, caseId: string) {
  await getCaseRowOrThrow(deps.db, actor, caseId);
  return deps.db
    .select({
      id: caseContacts.id,
      at: caseContacts.at,
      channel: caseContacts.channel,
      summary: caseContacts.summary,
    })
    .from(caseContacts)
    .where(eq(caseContacts.caseId, caseId))
    .orderBy(desc(caseContacts.at));
}
