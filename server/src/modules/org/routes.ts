import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import { campuses, halls, units, windows } from './schema.js';

const campusSchema = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() });
const hallSchema = z.object({
  id: z.string().uuid(),
  campusId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  addressZh: z.string(),
  addressEn: z.string(),
});
const unitSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  phone: z.string(),
});
const windowSchema = z.object({
  id: z.string().uuid(),
  hallId: z.string().uuid(),
  unitId: z.string().uuid(),
  number: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  phone: z.string(),
});

/** The public directory of the organisation: campuses, halls, units and windows (R-ORG-1). */
export function orgRoutes(app: App): void {
  const { db } = app.deps;

  app.get(
    '/api/org',
    {
      schema: {
        tags: ['org'],
        summary: 'Campuses, halls, units and windows',
        response: {
          200: z.object({
            campuses: z.array(campusSchema),
            halls: z.array(hallSchema),
            units: z.array(unitSchema),
            windows: z.array(windowSchema),
          }),
        },
      },
    },
    async () => ({
      campuses: await db.select().from(campuses).orderBy(asc(campuses.id)),
      halls: await db.select().from(halls).orderBy(asc(halls.nameZh)),
      units: await db
        .select({
          id: units.id,
          code: units.code,
          nameZh: units.nameZh,
          nameEn: units.nameEn,
          phone: units.phone,
        })
        .from(units)
        .orderBy(asc(units.code)),
      windows: await db.select().from(windows).orderBy(asc(windows.hallId), asc(windows.number)),
    }),
  );
}
