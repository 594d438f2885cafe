import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, invalidInput, notFound } from '../errors/app-error.js';
import type { App } from '../http/types.js';
import { recordAudit } from '../audit/audit.js';
import { maskIdCard, maskPhone } from '../privacy/mask.js';
import { requireRole } from './guards.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import { applicantKinds, roles, users } from './schema.js';
import { endSessionsOf } from './session.js';

const userSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  applicantKind: z.enum(applicantKinds).nullable(),
  unitId: z.string().uuid().nullable(),
  windowId: z.string().uuid().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  idCard: z.string().nullable(),
  isDisabled: z.boolean(),
  lockedUntil: z.date().nullable(),
});

type UserRow = typeof users.$inferSelect;
const present = (user: UserRow) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  applicantKind: user.applicantKind,
  unitId: user.unitId,
  windowId: user.windowId,
  email: user.email,
  phone: maskPhone(user.phone),
  idCard: maskIdCard(user.idCard),
  isDisabled: user.isDisabled,
  lockedUntil: user.lockedUntil,
});

/** Account administration for the center's system administrators (R-PLT-9). */
export function userRoutes(app: App): void {
  const { db } = app.deps;

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['auth'],
        summary: 'Every account',
        response: { 200: z.array(userSchema) },
      },
    },
    async (request) => {
      requireRole(request, ['center-admin']);
      const rows = await db.select().from(users).orderBy(asc(users.username));
      return rows.map(present);
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account',
        body: z.object({
          username: z
            .string()
            .trim()
            .regex(/^[a-zA-Z0-9_.@-]{3,64}$/)
            .toLowerCase(),
          displayName: z.string().trim().min(1).max(100),
          role: z.enum(roles),
          password: z.string().min(1).max(200),
          unitId: z.string().uuid().optional(),
          windowId: z.string().uuid().optional(),
          applicantKind: z.enum(applicantKinds).optional(),
          email: z.string().email().optional(),
          phone: z.string().optional(),
        }),
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['center-admin']);
      const input = request.body;
      const issues = checkPasswordPolicy(input.password, app.deps.config);
      const needsUnit = ['staff', 'window-lead', 'unit-admin'].includes(input.role);
      if (needsUnit && !input.unitId) {
        issues.push({ path: 'unitId', message: 'required for unit roles' });
      }
      if (issues.length > 0) {
        throw invalidInput(issues);
      }

      const passwordHash = await hashPassword(input.password);
      const created = await db.transaction(async (tx) => {
        const [taken] = await tx.select().from(users).where(eq(users.username, input.username));
        if (taken) {
          throw new AppError('conflict', 'that username is taken');
        }
        const [row] = await tx
          .insert(users)
          .values({
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            passwordHash,
            unitId: input.unitId ?? null,
            windowId: input.windowId ?? null,
            applicantKind: input.applicantKind ?? null,
            email: input.email ?? null,
            phone: input.phone ?? null,
          })
          .returning();
        if (!row) {
          throw new Error('insert returned no row');
        }
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'user.created',
          entity: 'user',
          entityId: row.id,
          detail: { role: row.role },
        });
        return row;
      });
      reply.status(201);
      return present(created);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Disable, enable or unlock an account; disabling ends its sessions',
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ isDisabled: z.boolean().optional(), unlock: z.boolean().optional() }),
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['center-admin']);
      const { id } = request.params;
      const changes: Partial<UserRow> = {};
      if (request.body.isDisabled !== undefined) {
        changes.isDisabled = request.body.isDisabled;
      }
      if (request.body.unlock) {
        Object.assign(changes, { lockedUntil: null, failedSignIns: 0 });
      }

      const updated = await db.transaction(async (tx) => {
        const [row] = await tx.update(users).set(changes).where(eq(users.id, id)).returning();
        if (!row) {
          throw notFound('user');
        }
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'user.updated',
          entity: 'user',
          entityId: id,
          detail: { ...request.body },
        });
        return row;
      });
      if (updated.isDisabled) {
        await endSessionsOf(db, id);
      }
      return present(updated);
    },
  );
}
