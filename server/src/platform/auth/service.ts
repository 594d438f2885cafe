import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../http/types.js';
import { AppError, invalidInput } from '../errors/app-error.js';
import { recordAudit } from '../audit/audit.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { createSession, endSessionsOf, type NewSession } from './session.js';
import { users, type ApplicantKind } from './schema.js';

// Verifying against a real hash when the user is unknown keeps the answer time the same.
let decoyHash: Promise<string> | null = null;

/**
 * Signs in with a local account. Repeated failures lock the account for a while; a locked or
 * disabled account is refused with the same message as a wrong password, except for the lock.
 */
export async function signIn(
  deps: Deps,
  username: string,
  password: string,
): Promise<NewSession & { userId: string }> {
  const { db } = deps;
  const now = deps.now();
  const [user] = await db.select().from(users).where(eq(users.username, username));

  if (!user || !user.passwordHash) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await verifyPassword(await decoyHash, password);
    throw new AppError('unauthenticated', 'wrong username or password');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('locked', 'too many failed sign-ins; try again later', {
      details: { lockedUntil: user.lockedUntil.toISOString() },
    });
  }

  const isValid = await verifyPassword(user.passwordHash, password);
  if (!isValid || user.isDisabled) {
    if (!isValid) {
      await recordFailure(deps, user.id, now);
    }
    throw new AppError('unauthenticated', 'wrong username or password');
  }

  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await createSession(db, user.id, now);
  return { ...session, userId: user.id };
}

async function recordFailure(deps: Deps, userId: string, now: Date): Promise<void> {
  const { db, config } = deps;
  const [row] = await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedSignIns: users.failedSignIns });
  if (row && row.failedSignIns >= config.lockoutThreshold) {
    await db
      .update(users)
      .set({
        failedSignIns: 0,
        lockedUntil: new Date(now.getTime() + config.lockoutMinutes * 60_000),
      })
      .where(eq(users.id, userId));
    await recordAudit(db, {
      actorId: null,
      action: 'account.locked',
      entity: 'user',
      entityId: userId,
    });
  }
}

export interface Registration {
  username: string;
  password: string;
  displayName: string;
  applicantKind: ApplicantKind;
  email?: string | undefined;
  phone?: string | undefined;
}

/** An applicant creates their own account; staff accounts come from the center. */
export async function registerApplicant(deps: Deps, input: Registration): Promise<string> {
  const issues = checkPasswordPolicy(input.password, deps.config);
  if (issues.length > 0) {
    throw invalidInput(issues);
  }

  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (existing) {
      throw new AppError('conflict', 'that username is taken', {
        issues: [{ path: 'username', message: 'taken' }],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: 'applicant',
        applicantKind: input.applicantKind,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
      })
      .returning({ id: users.id });
    if (!user) {
      throw new Error('insert returned no row');
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.registered',
      entity: 'user',
      entityId: user.id,
    });
    return user.id;
  });
}

export async function changePassword(
  deps: Deps,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalidInput([{ path: 'currentPassword', message: 'wrong password' }]);
  }
  const issues = checkPasswordPolicy(newPassword, deps.config, 'newPassword');
  if (issues.length > 0) {
    throw invalidInput(issues);
  }
  await deps.db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword) })
    .where(eq(users.id, userId));
  await endSessionsOf(deps.db, userId);
}
