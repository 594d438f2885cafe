import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { requireActor, requireRole } from '../../platform/auth/guards.js';
import { AppError, invalidInput } from '../../platform/errors/app-error.js';
import type { App } from '../../platform/http/types.js';
import { itemContent, localText, promisedLimit } from './content.js';
import { importItems } from './import.js';
import { channels, handlingModes, itemStatuses } from './schema.js';
import {
  createItem,
  getItemSheet,
  itemInput,
  itemListQuery,
  listItems,
  listItemVersions,
  publishItem,
  updateItem,
  withdrawItem,
} from './service.js';
import { renderItemSheetPdf } from './sheet-pdf.js';
import { buildImportTemplate } from './workbook.js';

const writers = ['center', 'center-admin'] as const;

const unitRef = z.object({ id: z.string().uuid(), nameZh: z.string(), nameEn: z.string() });

const itemSummary = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: localText,
  unit: unitRef,
  channel: z.enum(channels),
  limit: promisedLimit,
  audiences: z.array(z.string()),
  campusIds: z.array(z.string()),
  isForeignFacing: z.boolean(),
  defaultMode: z.enum(handlingModes),
  status: z.enum(itemStatuses),
  version: z.number().int(),
  hasDraft: z.boolean(),
});

const itemSheet = z.object({
  id: z.string().uuid(),
  code: z.string(),
  status: z.enum(itemStatuses),
  version: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  latestVersion: z.number().int(),
  isPublishedVersion: z.boolean(),
  versionCreatedAt: z.date(),
  versionPublishedAt: z.date().nullable(),
  unit: unitRef.extend({ code: z.string(), phone: z.string() }),
  channel: z.enum(channels),
  defaultMode: z.enum(handlingModes),
  isForeignFacing: z.boolean(),
  audiences: z.array(z.string()),
  campusIds: z.array(z.string()),
  windows: z.array(
    z.object({
      id: z.string().uuid(),
      number: z.number().int(),
      nameZh: z.string(),
      nameEn: z.string(),
      phone: z.string(),
      hall: z.object({
        id: z.string().uuid(),
        nameZh: z.string(),
        nameEn: z.string(),
        addressZh: z.string(),
        addressEn: z.string(),
        campus: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
      }),
    }),
  ),
  participants: z.array(unitRef.extend({ code: z.string() })),
  content: itemContent,
});

const idParams = z.object({ id: z.string().uuid() });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const binary = z.unknown().describe('a file');

/** The catalogue of service items and their sheets (R-CAT-1 … R-CAT-6). */
export function catalogRoutes(app: App): void {
  const publicLists = new LRUCache<string, Awaited<ReturnType<typeof listItems>>>({
    max: 500,
    ttl: 10_000,
  });
  // Cleared before any change's answer leaves, so whoever changed an item never reads it stale.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.method !== 'GET' && request.url.startsWith('/api/items')) {
      publicLists.clear();
    }
    done(null, payload);
  });

  const { deps } = app;

  app.get(
    '/api/items',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search the catalogue in Chinese or English, by campus, unit and audience',
        querystring: itemListQuery,
        response: {
          200: z.object({
            items: z.array(itemSummary),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      // The public catalogue is the same for everyone: answers are kept briefly and dropped at
      // every change made here; another server process's change shows within the TTL.
      const isPublic = !request.query.status || request.query.status === 'published';
      const key = JSON.stringify(request.query);
      const cached = isPublic ? publicLists.get(key) : undefined;
      if (cached) {
        return cached;
      }
      const result = await listItems(deps, request.actor, request.query);
      if (isPublic) {
        publicLists.set(key, result);
      }
      return result;
    },
  );

  app.get(
    '/api/items/import/template.xlsx',
    {
      schema: {
        tags: ['catalog'],
        summary: 'An empty import workbook with the headers and one example row',
        response: { 200: binary },
      },
    },
    async (request, reply) => {
      requireRole(request, writers);
      const bytes = await buildImportTemplate();
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="catalogue-import-template.xlsx"')
        .send(bytes);
    },
  );

  app.post(
    '/api/items/import',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Import items from an Excel workbook as drafts; all or nothing',
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({
            created: z.number().int(),
            items: z.array(z.object({ id: z.string().uuid(), code: z.string() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, writers);
      if (!request.isMultipart()) {
        throw new AppError('unsupported-media', 'send the workbook as multipart/form-data');
      }
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw invalidInput([{ path: 'file', message: 'attach the workbook as the field "file"' }]);
      }
      const result = await importItems(deps, actor, await file.toBuffer());
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/items/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The item sheet: the published version, or a given version for insiders',
        params: idParams,
        querystring: versionQuery,
        response: { 200: itemSheet },
      },
    },
    async (request) => getItemSheet(deps, request.actor, request.params.id, request.query.version),
  );

  app.get(
    '/api/items/:id/versions',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The versions of an item, for the center and the owning unit',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              version: z.number().int(),
              createdAt: z.date(),
              createdBy: z.string().uuid().nullable(),
              publishedAt: z.date().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => listItemVersions(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/items/:id/sheet.pdf',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The item sheet as PDF, in Chinese or in English where it exists',
        params: idParams,
        querystring: versionQuery.extend({
          lang: z.enum(['zh', 'en']).default('zh'),
          download: z.stringbool().default(false),
        }),
        response: { 200: binary },
      },
    },
    async (request, reply) => {
      const { version, lang, download } = request.query;
      const sheet = await getItemSheet(deps, request.actor, request.params.id, version);
      const pdf = await renderItemSheetPdf(sheet, lang, deps.now());
      const disposition = download ? 'attachment' : 'inline';
      return reply
        .type('application/pdf')
        .header('content-disposition', `${disposition}; filename="${sheet.code}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/items',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Create an item as a draft',
        body: itemInput,
        response: { 201: itemSheet },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, writers);
      const sheet = await createItem(deps, actor, request.body);
      return reply.status(201).send(sheet);
    },
  );

  app.put(
    '/api/items/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Edit a draft, or start a new draft version of a published item',
        params: idParams,
        body: itemInput,
        response: { 200: itemSheet },
      },
    },
    async (request) => {
      const actor = requireRole(request, writers);
      return updateItem(deps, actor, request.params.id, request.body);
    },
  );

  app.post(
    '/api/items/:id/publish',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Publish the newest version once it meets Art. 6 and Art. 13',
        params: idParams,
        response: { 200: itemSheet },
      },
    },
    async (request) => {
      const actor = requireRole(request, writers);
      return publishItem(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/items/:id/withdraw',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Withdraw an item from the public catalogue',
        params: idParams,
        response: { 200: itemSheet },
      },
    },
    async (request) => {
      const actor = requireRole(request, writers);
      return withdrawItem(deps, actor, request.params.id);
    },
  );
}
