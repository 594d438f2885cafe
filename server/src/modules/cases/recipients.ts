import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users, type Role } from '../../platform/auth/schema.js';

async function idsWhere(db: DbOrTx, condition: ReturnType<typeof and>): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(condition, eq(users.isDisabled, false)));
  return rows.map((row) => row.id);
}

/** Members of a unit in the given roles. */
export function unitMembers(
  db: DbOrTx,
  unitIds: string[],
  roles: Role[] = ['staff', 'window-lead'],
): Promise<string[]> {
  if (unitIds.length === 0) {
    return Promise.resolve([]);
  }
  return idsWhere(db, and(inArray(users.unitId, unitIds), inArray(users.role, roles)));
}

/** Those who decide for a unit: its window lead and its supervisor. */
export const unitDeciders = (db: DbOrTx, unitIds: string[]) =>
  unitMembers(db, unitIds, ['window-lead', 'unit-admin']);

export const centerManagers = (db: DbOrTx) => idsWhere(db, inArray(users.role, ['center']));

/** The staff seated at a window. */
export const windowStaff = (db: DbOrTx, windowId: string) =>
  idsWhere(db, and(eq(users.windowId, windowId), inArray(users.role, ['staff', 'window-lead'])));
