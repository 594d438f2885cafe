import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../http/types.js';
import { sessions, users } from './schema.js';

export const sessionCookie = 'onestop_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** A fresh token at every sign-in; the table keeps only its hash. */
export async function createSession(db: Db, userId: string, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
  });
  return { token, csrfToken };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * The session behind a token, or null when it is unknown, idle too long, or its account is
 * disabled. Idle sessions are deleted as they are found.
 */
export async function loadSession(
  db: Db,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<LoadedSession | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) {
    return null;
  }

  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  if (row.session.lastSeenAt < idleSince || row.user.isDisabled) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }

  // Writing on every request would make reads expensive; a minute's precision is enough.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, now)));
  }

  const { user } = row;
  return {
    csrfToken: row.session.csrfToken,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      applicantKind: user.applicantKind,
      unitId: user.unitId,
      windowId: user.windowId,
    },
  };
}
