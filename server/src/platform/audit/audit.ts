import type { DbOrTx } from '../../db/client.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

/** Appends one entry; call it inside the transaction that made the change. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, detail: entry.detail ?? {} });
}
