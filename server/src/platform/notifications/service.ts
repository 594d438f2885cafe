import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../auth/schema.js';
import type { Deps } from '../http/types.js';
import { emailOutbox, notifications } from './schema.js';

export interface Notice {
  userIds: string[];
  kind: string;
  title: string;
  body?: string;
  link?: string;
  /** The same key for the same user is noticed once, however often it is sent. */
  dedupeKey?: string;
}

/**
 * Notifies users in the app and, where they have an address, by e-mail (R-PLT-2). Call it in
 * the transaction of the event, so the notice and the mail exist exactly when the event does.
 * Returns how many users were newly notified.
 */
export async function notify(db: DbOrTx, notice: Notice): Promise<number> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) {
    return 0;
  }

  const inserted = await db
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? '',
        link: notice.link ?? null,
        dedupeKey: notice.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  if (inserted.length === 0) {
    return 0;
  }

  const recipients = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        inArray(
          users.id,
          inserted.map((row) => row.userId),
        ),
        eq(users.isDisabled, false),
      ),
    );
  const emailOf = new Map(recipients.map((row) => [row.id, row.email]));
  const mails = inserted.flatMap((row) => {
    const email = emailOf.get(row.userId);
    return email
      ? [
          {
            notificationId: row.id,
            recipient: email,
            subject: `[OneStop] ${notice.title}`,
            body: [notice.body ?? '', notice.link ?? ''].filter(Boolean).join('\n\n'),
          },
        ]
      : [];
  });
  if (mails.length > 0) {
    await db.insert(emailOutbox).values(mails);
  }
  return inserted.length;
}

export async function listNotifications(deps: Deps, userId: string, limit: number) {
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await deps.db
    .select({ value: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { unread: unread?.value ?? 0, items: rows };
}

export async function markRead(deps: Deps, userId: string, id?: string): Promise<void> {
  await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    );
}

export function createMailer(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

/**
 * Sends what waits in the outbox. Rows are claimed with SKIP LOCKED, so two server processes
 * never send the same mail; a failure is retried later with a growing pause.
 */
export async function deliverPendingMail(
  deps: Deps,
  mailer: Transporter,
  batchSize = 20,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const delivered = await deps.db.transaction(async (tx) => {
      const now = deps.now();
      const [mail] = await tx
        .select()
        .from(emailOutbox)
        .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(emailOutbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!mail) {
        return false;
      }
      try {
        await mailer.sendMail({
          from: deps.config.mailFrom,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body,
        });
        await tx.update(emailOutbox).set({ sentAt: now }).where(eq(emailOutbox.id, mail.id));
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(emailOutbox)
          .set({
            attempts,
            lastError: (error as Error).message.slice(0, 500),
            // The outbox runs on the database's clock, the one its rows were stamped with.
            nextAttemptAt: sql`now() + ${Math.min(attempts, 12) * 5} * interval '1 minute'`,
          })
          .where(eq(emailOutbox.id, mail.id));
      }
      return true;
    });
    if (!delivered) {
      return sent;
    }
    sent += 1;
    if (sent >= batchSize) {
      return sent;
    }
  }
}
