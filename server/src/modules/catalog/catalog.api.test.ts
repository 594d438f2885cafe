import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHall,
  createPublishedItem,
  createUnit,
  createWindow,
  sampleContent,
  type UnitRow,
  type WindowRow,
} from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Role } from '../../platform/auth/schema.js';
import { itemContent, type ItemContentInput } from './content.js';
import { messyGuides } from './messy-guides.js';
import { items } from './schema.js';
import { getItemVersionOrThrow, getPublishedItemOrThrow } from './service.js';

// Each test starts its own database and app; the first one also builds the template.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestApp;
let unit: UnitRow;
let otherUnit: UnitRow;
let window: WindowRow;
let center: Client;

async function signInAs(role: Role, unitId?: string): Promise<Client> {
  return t.signIn(await t.createUser({ role, unitId: unitId ?? null }));
}

let codeCounter = 0;
function itemBody(overrides: Record<string, unknown> = {}, content?: Partial<ItemContentInput>) {
  codeCounter += 1;
  return {
    code: `T-${codeCounter}`,
    unitId: unit.id,
    channel: 'both',
    defaultMode: 'promised',
    isForeignFacing: false,
    campusIds: [],
    windowIds: [window.id],
    participantUnitIds: [],
    content: sampleContent(content),
    ...overrides,
  };
}

async function createAndPublish(body: Record<string, unknown>): Promise<string> {
  const created = await center.post('/api/items', body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await center.post(`/api/items/${id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

beforeEach(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  unit = await createUnit(db, {
    code: 'XSC',
    nameZh: '学生工作处',
    nameEn: 'Student Affairs Office',
  });
  otherUnit = await createUnit(db, { nameZh: '国际交流处', nameEn: 'International Office' });
  const hall = await createHall(db, 'wushan', {
    nameZh: '五山师生服务中心',
    nameEn: 'Wushan Hall',
  });
  window = await createWindow(db, { hallId: hall.id, unitId: unit.id, number: 3 });
  center = await signInAs('center');
});

afterEach(async () => {
  await t.close();
});

describe('creating and publishing items', () => {
  it.each(messyGuides)(
    'R-CAT-1 a messy guide round-trips through create, publish and read: $label',
    async ({ content }) => {
      const id = await createAndPublish(itemBody({ content }));

      const read = await t.anonymous.get(`/api/items/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().content).toMatchObject(content);
      expect(read.json().content).toEqual(JSON.parse(JSON.stringify(itemContent.parse(content))));
    },
  );

  it('R-CAT-1 the sheet names the unit, where it is handled and the handling mode', async () => {
    const id = await createAndPublish(
      itemBody({ defaultMode: 'joint', participantUnitIds: [otherUnit.id], campusIds: ['wushan'] }),
    );
    const sheet = (await t.anonymous.get(`/api/items/${id}`)).json();
    expect(sheet.unit).toMatchObject({ id: unit.id, nameZh: '学生工作处', code: 'XSC' });
    expect(sheet.channel).toBe('both');
    expect(sheet.defaultMode).toBe('joint');
    expect(sheet.version).toBe(1);
    expect(sheet.windows).toEqual([
      expect.objectContaining({
        id: window.id,
        number: 3,
        hall: expect.objectContaining({
          nameZh: '五山师生服务中心',
          campus: { id: 'wushan', nameZh: '五山校区', nameEn: 'Wushan Campus' },
        }),
      }),
    ]);
    expect(sheet.participants).toEqual([
      {
        id: otherUnit.id,
        code: otherUnit.code,
        nameZh: '国际交流处',
        nameEn: 'International Office',
      },
    ]);
  });

  it('R-CAT-1 only the center creates items', async () => {
    expect((await t.anonymous.post('/api/items', itemBody())).statusCode).toBe(401);
    for (const role of ['applicant', 'staff', 'unit-admin', 'auditor'] as const) {
      const client = await signInAs(role, role === 'applicant' ? undefined : unit.id);
      expect((await client.post('/api/items', itemBody())).statusCode, role).toBe(403);
    }
    const admin = await signInAs('center-admin');
    expect((await admin.post('/api/items', itemBody())).statusCode).toBe(201);
  });

  it('R-CAT-1 refuses bad input with every field named', async () => {
    const response = await center.post(
      '/api/items',
      itemBody({}, { basis: [], limit: { kind: 'working-days', days: 0 } as never }),
    );
    expect(response.statusCode).toBe(422);
    const paths = response.json().issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.content.basis']));
    expect(paths.some((path: string) => path.startsWith('body.content.limit'))).toBe(true);
  });

  it('R-CAT-1 refuses windows, units and campuses that do not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000099';
    const response = await center.post(
      '/api/items',
      itemBody({
        windowIds: [window.id, missing],
        participantUnitIds: [missing, unit.id],
        campusIds: ['mars'],
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['campusIds.0', 'participantUnitIds.0', 'participantUnitIds.1', 'windowIds.1']);
  });

  it('R-CAT-1 refuses a second item with the same code', async () => {
    const body = itemBody();
    expect((await center.post('/api/items', body)).statusCode).toBe(201);
    expect((await center.post('/api/items', body)).statusCode).toBe(409);
  });

  it('R-CAT-2 refuses to publish an item handled at a hall without a window (Art. 6)', async () => {
    for (const channel of ['hall', 'both']) {
      const created = await center.post('/api/items', itemBody({ channel, windowIds: [] }));
      const response = await center.post(`/api/items/${created.json().id}/publish`);
      expect(response.statusCode).toBe(422);
      expect(response.json().article).toBe('Art. 6');
      expect(response.json().issues).toEqual([
        { path: 'windowIds', message: expect.stringContaining('Art. 6') },
      ]);
    }
    const online = await center.post('/api/items', itemBody({ channel: 'online', windowIds: [] }));
    expect((await center.post(`/api/items/${online.json().id}/publish`)).statusCode).toBe(200);
  });

  it('R-CAT-4 refuses to publish a foreign-facing item without English (Art. 13)', async () => {
    const created = await center.post(
      '/api/items',
      itemBody(
        { isForeignFacing: true },
        {
          name: { zh: '签证延期' },
          steps: [{ title: { zh: '申请', en: 'Apply' }, detail: { zh: '线上提交' } }],
          materials: [
            { key: 'passport', name: { zh: '护照', en: 'Passport' }, note: { zh: '有效' } },
          ],
        },
      ),
    );
    const id = created.json().id as string;
    const refused = await center.post(`/api/items/${id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().article).toBe('Art. 13');
    expect(refused.json().message).toContain('(Art. 13)');
    expect(refused.json().issues.map((issue: { path: string }) => issue.path)).toEqual([
      'content.name',
      'content.steps[0].detail',
      'content.materials[0].note',
    ]);
    expect((await t.anonymous.get(`/api/items/${id}`)).statusCode).toBe(404);

    const fixed = await center.put(
      `/api/items/${id}`,
      itemBody(
        { code: created.json().code, isForeignFacing: true },
        {
          name: { zh: '签证延期', en: 'Visa extension' },
          steps: [{ title: { zh: '申请', en: 'Apply' }, detail: { zh: '线上提交', en: 'Online' } }],
          materials: [
            {
              key: 'passport',
              name: { zh: '护照', en: 'Passport' },
              note: { zh: '有效', en: 'Valid' },
            },
          ],
        },
      ),
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await center.post(`/api/items/${id}/publish`)).statusCode).toBe(200);
  });

  it('R-CAT-6 only the center publishes and withdraws', async () => {
    const created = await center.post('/api/items', itemBody());
    const id = created.json().id as string;
    expect((await t.anonymous.post(`/api/items/${id}/publish`)).statusCode).toBe(401);
    const unitAdmin = await signInAs('unit-admin', unit.id);
    expect((await unitAdmin.post(`/api/items/${id}/publish`)).statusCode).toBe(403);
    const auditor = await signInAs('auditor');
    expect((await auditor.post(`/api/items/${id}/publish`)).statusCode).toBe(403);
    expect((await center.post(`/api/items/${id}/withdraw`)).statusCode).toBe(409);
    expect((await center.post(`/api/items/${id}/publish`)).statusCode).toBe(200);
    expect((await center.post(`/api/items/${id}/publish`)).statusCode).toBe(409);
    expect((await unitAdmin.post(`/api/items/${id}/withdraw`)).statusCode).toBe(403);
    expect((await center.post(`/api/items/${id}/withdraw`)).statusCode).toBe(200);
    expect((await t.anonymous.get(`/api/items/${id}`)).statusCode).toBe(404);
  });

  it('R-PLT-5 every change of an item is in the audit log', async () => {
    const id = await createAndPublish(itemBody());
    await center.put(
      `/api/items/${id}`,
      itemBody({ code: (await t.anonymous.get(`/api/items/${id}`)).json().code }),
    );
    await center.post(`/api/items/${id}/withdraw`);
    const entries = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(auditLog.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'item.created',
      'item.published',
      'item.updated',
      'item.withdrawn',
    ]);
  });
});

describe('versions', () => {
  it('R-CAT-6 an edit of a published item is a new draft; the public keeps the published one', async () => {
    const body = itemBody({}, { name: { zh: '在读证明开具', en: 'Certificate of enrolment' } });
    const id = await createAndPublish(body);

    const edited = await center.put(`/api/items/${id}`, {
      ...body,
      channel: 'online',
      content: sampleContent({ name: { zh: '在读证明（新版）', en: 'Enrolment letter' } }),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, publishedVersion: 1, latestVersion: 2 });

    const publicSheet = (await t.anonymous.get(`/api/items/${id}`)).json();
    expect(publicSheet.version).toBe(1);
    expect(publicSheet.content.name.zh).toBe('在读证明开具');
    expect(publicSheet.channel).toBe('both');
    const listed = (await t.anonymous.get('/api/items')).json().items[0];
    expect(listed).toMatchObject({ version: 1, hasDraft: true, channel: 'both' });
    expect(listed.name.zh).toBe('在读证明开具');
    expect((await t.anonymous.get(`/api/items/${id}?version=2`)).statusCode).toBe(404);

    const published = await getPublishedItemOrThrow(t.deps.db, id);
    expect(published.version).toBe(1);
    expect(published.item.channel).toBe('both');

    const draft = await center.get(`/api/items/${id}?version=2`);
    expect(draft.json().content.name.zh).toBe('在读证明（新版）');
    expect(draft.json().channel).toBe('online');

    // A second edit before publishing changes the same draft.
    const again = await center.put(`/api/items/${id}`, {
      ...body,
      content: sampleContent({ name: { zh: '在读证明（第二稿）', en: 'Enrolment letter' } }),
    });
    expect(again.json().version).toBe(2);

    await center.post(`/api/items/${id}/publish`);
    expect((await t.anonymous.get(`/api/items/${id}`)).json().content.name.zh).toBe(
      '在读证明（第二稿）',
    );
    const old = await t.anonymous.get(`/api/items/${id}?version=1`);
    expect(old.statusCode).toBe(200);
    expect(old.json().content.name.zh).toBe('在读证明开具');
    expect((await getItemVersionOrThrow(t.deps.db, id, 1)).content.name.zh).toBe('在读证明开具');

    const versions = (await center.get(`/api/items/${id}/versions`)).json();
    expect(versions.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
    expect((await t.anonymous.get(`/api/items/${id}/versions`)).statusCode).toBe(401);
  });

  it('R-CAT-6 a draft is edited in place and its code may change until published', async () => {
    const created = (await center.post('/api/items', itemBody())).json();
    const edited = await center.put(`/api/items/${created.id}`, itemBody({ code: 'NEW-CODE' }));
    expect(edited.json()).toMatchObject({ version: 1, latestVersion: 1, code: 'NEW-CODE' });

    await center.post(`/api/items/${created.id}/publish`);
    const renamed = await center.put(`/api/items/${created.id}`, itemBody({ code: 'OTHER' }));
    expect(renamed.statusCode).toBe(409);
  });

  it('R-CAT-6 drafts are seen by the center and the owning unit only', async () => {
    const created = (await center.post('/api/items', itemBody())).json();
    expect((await t.anonymous.get(`/api/items/${created.id}`)).statusCode).toBe(404);
    const applicant = await signInAs('applicant');
    expect((await applicant.get(`/api/items/${created.id}`)).statusCode).toBe(404);
    const ownAdmin = await signInAs('unit-admin', unit.id);
    expect((await ownAdmin.get(`/api/items/${created.id}`)).statusCode).toBe(200);
    const otherAdmin = await signInAs('unit-admin', otherUnit.id);
    expect((await otherAdmin.get(`/api/items/${created.id}`)).statusCode).toBe(404);
    const auditor = await signInAs('auditor');
    expect((await auditor.get(`/api/items/${created.id}`)).statusCode).toBe(200);
  });
});

describe('the public catalogue', () => {
  async function seedCatalogue() {
    const db = t.deps.db;
    const hallUt = await createHall(db, 'university-town');
    const windowUt = await createWindow(db, { hallId: hallUt.id, unitId: otherUnit.id, number: 1 });
    const card = await createPublishedItem(db, {
      unitId: unit.id,
      windowIds: [window.id],
      content: {
        name: { zh: '学生证补办', en: 'Student ID Card Reissue' },
        applicantTypes: ['student'],
      },
    });
    const visa = await createPublishedItem(db, {
      unitId: otherUnit.id,
      windowIds: [windowUt.id],
      content: {
        name: { zh: '签证延期', en: 'Visa extension' },
        applicantTypes: ['student', 'visitor'],
        materials: [{ key: 'passport', name: { zh: '护照', en: 'Passport' } }],
      },
    });
    const salary = await createPublishedItem(db, {
      unitId: otherUnit.id,
      campusIds: ['gz-international'],
      content: {
        name: { zh: '工资证明开具', en: 'Salary certificate' },
        applicantTypes: ['teacher'],
      },
    });
    const draft = (
      await center.post('/api/items', itemBody({}, { name: { zh: '学生证草稿' } }))
    ).json();
    return { card, visa, salary, draft };
  }

  const codes = (response: { json(): { items: { code: string }[] } }) =>
    response
      .json()
      .items.map((item) => item.code)
      .sort();

  it('R-CAT-5 searches Chinese and English, case-insensitive, every term must match', async () => {
    const { card, visa, salary } = await seedCatalogue();
    expect(codes(await t.anonymous.get(`/api/items?q=${encodeURIComponent('证补办')}`))).toEqual([
      card.code,
    ]);
    expect(codes(await t.anonymous.get('/api/items?q=student%20REISSUE'))).toEqual([card.code]);
    expect(codes(await t.anonymous.get('/api/items?q=reissue%20visa'))).toEqual([]);
    expect(codes(await t.anonymous.get('/api/items?q=passport'))).toEqual([visa.code]);
    expect(
      codes(await t.anonymous.get(`/api/items?q=${encodeURIComponent('国际交流处')}`)),
    ).toEqual([visa.code, salary.code].sort());
    expect(codes(await t.anonymous.get('/api/items?q=%25'))).toEqual([]);
  });

  it('R-CAT-5 filters by campus, unit and audience', async () => {
    const { card, visa, salary } = await seedCatalogue();
    expect(codes(await t.anonymous.get('/api/items?campusId=wushan'))).toEqual([card.code]);
    expect(codes(await t.anonymous.get('/api/items?campusId=university-town'))).toEqual([
      visa.code,
    ]);
    expect(codes(await t.anonymous.get('/api/items?campusId=gz-international'))).toEqual([
      salary.code,
    ]);
    expect(codes(await t.anonymous.get(`/api/items?unitId=${otherUnit.id}`))).toEqual(
      [visa.code, salary.code].sort(),
    );
    expect(codes(await t.anonymous.get('/api/items?audience=visitor'))).toEqual([visa.code]);
    expect(codes(await t.anonymous.get('/api/items?audience=teacher&unitId=' + unit.id))).toEqual(
      [],
    );
  });

  it('R-CAT-5 pages the results and counts them all', async () => {
    await seedCatalogue();
    const page = (await t.anonymous.get('/api/items?pageSize=2&page=2')).json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect((await t.anonymous.get('/api/items?pageSize=500')).statusCode).toBe(422);
  });

  it('R-CAT-5 shows drafts only to the center and, for its own items, the unit', async () => {
    const { card, visa, salary, draft } = await seedCatalogue();
    expect(codes(await t.anonymous.get('/api/items'))).toEqual(
      [card.code, visa.code, salary.code].sort(),
    );
    expect((await t.anonymous.get('/api/items?status=draft')).statusCode).toBe(403);
    const applicant = await signInAs('applicant');
    expect((await applicant.get('/api/items?status=all')).statusCode).toBe(403);
    expect(codes(await center.get('/api/items?status=draft'))).toEqual([draft.code]);
    expect(codes(await center.get('/api/items?status=all'))).toHaveLength(4);

    const ownAdmin = await signInAs('unit-admin', unit.id);
    expect(codes(await ownAdmin.get('/api/items?status=draft'))).toEqual([draft.code]);
    const otherAdmin = await signInAs('unit-admin', otherUnit.id);
    expect(codes(await otherAdmin.get('/api/items?status=draft'))).toEqual([]);
    expect(codes(await otherAdmin.get('/api/items?status=all'))).toHaveLength(3);
  });

  it('R-CAT-5 a draft becomes searchable once published', async () => {
    const created = (
      await center.post('/api/items', itemBody({}, { name: { zh: '宿舍调换', en: 'Room change' } }))
    ).json();
    expect(codes(await t.anonymous.get('/api/items?q=room'))).toEqual([]);
    await center.post(`/api/items/${created.id}/publish`);
    expect(codes(await t.anonymous.get('/api/items?q=room'))).toEqual([created.code]);
  });
});

describe('the printable sheet', () => {
  async function pdfText(bytes: Buffer) {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    return { totalPages, text: text.replace(/\s+/g, '') };
  }

  it('R-CAT-3 anyone downloads the item sheet as a PDF in the uniform layout', async () => {
    const guide = messyGuides[0];
    if (!guide) {
      throw new Error('no guide');
    }
    const id = await createAndPublish(itemBody({}, guide.content));
    const response = await t.anonymous.get(`/api/items/${id}/sheet.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const { totalPages, text } = await pdfText(response.rawPayload);
    expect(totalPages).toBeGreaterThanOrEqual(1);
    for (const expected of [
      '学生证补办',
      '学生工作处',
      '设定依据',
      '《学生证管理办法》第五条',
      '申请材料',
      '近期免冠彩色照片',
      '照片要求：一寸，白色背景',
      '原则上5个工作日',
      '工本费：20.00元',
      '每学年限补办一次',
      '补发次数上限：1',
      '五山校区·五山师生服务中心·3号窗口',
    ]) {
      expect(text, expected).toContain(expected.replace(/\s+/g, ''));
    }
  });

  it('R-CAT-3 the English sheet uses the English texts', async () => {
    const guide = messyGuides.find((entry) => entry.content.name.en?.startsWith('Residence'));
    if (!guide) {
      throw new Error('no bilingual guide');
    }
    const id = await createAndPublish(itemBody({ isForeignFacing: true }, guide.content));
    const response = await t.anonymous.get(`/api/items/${id}/sheet.pdf?lang=en&download=true`);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    const { text } = await pdfText(response.rawPayload);
    expect(text).toContain('Residencepermitextensionforinternationalstudents');
    expect(text).toContain('Uptooneyear:CNY400.00');
    expect(text).not.toContain('护照');
  });

  it('R-CAT-3 a draft sheet is not public', async () => {
    const created = (await center.post('/api/items', itemBody())).json();
    expect((await t.anonymous.get(`/api/items/${created.id}/sheet.pdf`)).statusCode).toBe(404);
    expect((await center.get(`/api/items/${created.id}/sheet.pdf`)).statusCode).toBe(200);
  });
});

describe('importing from Excel', () => {
  type Rows = Record<string, Record<string, string | number>[]>;

  async function workbook(rows: Rows): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    for (const [sheet, entries] of Object.entries(rows)) {
      const worksheet = book.addWorksheet(sheet);
      const headers = [...new Set(entries.flatMap((entry) => Object.keys(entry)))];
      worksheet.addRow(headers);
      for (const entry of entries) {
        worksheet.addRow(headers.map((header) => entry[header] ?? null));
      }
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  const upload = (client: Client, bytes: Buffer) =>
    client.upload('/api/items/import', {}, [
      { field: 'file', filename: 'items.xlsx', content: bytes },
    ]);

  const goodItem = {
    code: 'IMP-1',
    unit_code: 'xsc',
    name_zh: '场地借用',
    name_en: 'Venue booking',
    channel: 'both',
    default_mode: 'promised',
    applicant_types: 'unit',
    windows: 'wushan:3',
    basis_zh: '《场地管理办法》\n《安全管理规定》',
    basis_en: 'Venue Rules\nSafety Rules',
    eligibility_zh: '校内单位',
    limit_kind: 'working-days-range',
    limit_value: '3-5',
    intake_weekdays: '2;4',
    intake_lead_days: 5,
    agent_allowed: '是',
    agent_authorisation_zh: '单位介绍信',
    rules_zh: '每学期限借两次',
    reissue_limit: '',
  };

  it('R-CAT-1 imports a workbook of items as drafts, lists and fees included', async () => {
    const bytes = await workbook({
      items: [
        goodItem,
        {
          code: 'IMP-2',
          unit_code: 'XSC',
          name_zh: '出国审批',
          channel: 'online',
          default_mode: 'promised',
          applicant_types: 'teacher',
          basis_zh: '《出国管理办法》',
          eligibility_zh: '在职教职工',
          limit_kind: 'none',
          limit_note_zh: '审批通过后',
          intake_months: '3；9',
        },
      ],
      steps: [
        { item_code: 'IMP-1', title_zh: '提交申请', title_en: 'Apply' },
        { item_code: 'IMP-1', title_zh: '审核' },
        { item_code: 'IMP-2', title_zh: '提交申请' },
      ],
      materials: [
        { item_code: 'IMP-1', name_zh: '介绍信', originals: 1, copies: 2, alternative_group: 'a' },
        { item_code: 'IMP-1', name_zh: '申请函', alternative_group: 'a', format: 'electronic' },
        {
          item_code: 'IMP-1',
          key: 'plan',
          name_zh: '安全预案',
          condition_zh: '超过200人的活动',
          upload_required: 'yes',
        },
      ],
      fees: [
        { item_code: 'IMP-1', part: 1, kind: 'flat', amount_yuan: 500, label_zh: '场地费' },
        { item_code: 'IMP-1', part: 2, kind: 'tier', amount_yuan: '12.5', label_zh: '半天' },
        { item_code: 'IMP-1', part: 2, kind: 'tier', amount_yuan: 20, label_zh: '全天' },
      ],
    });
    const response = await upload(center, bytes);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().created).toBe(2);

    const first = response.json().items.find((item: { code: string }) => item.code === 'IMP-1');
    const sheet = (await center.get(`/api/items/${first.id}`)).json();
    expect(sheet.status).toBe('draft');
    expect(sheet.windows.map((entry: { id: string }) => entry.id)).toEqual([window.id]);
    expect(sheet.content.basis).toEqual([
      { zh: '《场地管理办法》', en: 'Venue Rules' },
      { zh: '《安全管理规定》', en: 'Safety Rules' },
    ]);
    expect(sheet.content.limit).toEqual({ kind: 'working-days-range', minDays: 3, maxDays: 5 });
    expect(sheet.content.intake).toEqual({ weekdays: [2, 4], months: [], leadWorkingDays: 5 });
    expect(sheet.content.agent).toEqual({ isAllowed: true, authorisation: { zh: '单位介绍信' } });
    expect(sheet.content.materials).toEqual([
      expect.objectContaining({ key: 'm1', originals: 1, copies: 2, alternativeGroup: 'a' }),
      expect.objectContaining({ key: 'm2', format: 'electronic', alternativeGroup: 'a' }),
      expect.objectContaining({
        key: 'plan',
        condition: { zh: '超过200人的活动' },
        isUploadRequired: true,
      }),
    ]);
    expect(sheet.content.fee).toEqual({
      kind: 'composite',
      parts: [
        { kind: 'flat', amountFen: 50000, label: { zh: '场地费' } },
        {
          kind: 'tiered',
          tiers: [
            { label: { zh: '半天' }, amountFen: 1250 },
            { label: { zh: '全天' }, amountFen: 2000 },
          ],
        },
      ],
    });
    const second = response.json().items.find((item: { code: string }) => item.code === 'IMP-2');
    const other = (await center.get(`/api/items/${second.id}`)).json();
    expect(other.content.limit).toEqual({ kind: 'none', note: { zh: '审批通过后' } });
    expect(other.content.intake.months).toEqual([3, 9]);
    expect(other.content.fee).toEqual({ kind: 'free' });
  });

  it('R-CAT-1 a workbook with any bad row imports nothing and names every bad cell', async () => {
    const bytes = await workbook({
      items: [
        goodItem,
        {
          ...goodItem,
          code: 'IMP-BAD',
          unit_code: 'NOPE',
          limit_kind: 'working-days',
          limit_value: 'abc',
          windows: 'wushan:99',
        },
      ],
      steps: [
        { item_code: 'IMP-1', title_zh: '提交申请' },
        { item_code: 'IMP-BAD', title_zh: '提交申请' },
        { item_code: 'GHOST', title_zh: '无主步骤' },
      ],
      materials: [{ item_code: 'IMP-BAD', name_zh: '申请表', format: 'fax', originals: 'one' }],
      fees: [{ item_code: 'IMP-1', kind: 'tier', amount_yuan: '1.005', label_zh: '唯一一档' }],
    });
    const response = await upload(center, bytes);
    expect(response.statusCode).toBe(422);
    const problems = response.json().details.problems as {
      sheet: string;
      row: number;
      column: string;
    }[];
    const cells = problems.map((problem) => `${problem.sheet}!${problem.row}:${problem.column}`);
    expect(cells.sort()).toEqual(
      [
        'items!3:unit_code',
        'items!3:limit_value',
        'items!3:windows',
        'steps!4:item_code',
        'materials!2:format',
        'materials!2:originals',
        'fees!2:amount_yuan',
        'fees!2:kind',
      ].sort(),
    );
    expect(await t.deps.db.$count(items)).toBe(0);
  });

  it('R-CAT-1 a one-tier fee is reported at the fee row', async () => {
    const bytes = await workbook({
      items: [goodItem],
      steps: [{ item_code: 'IMP-1', title_zh: '提交申请' }],
      fees: [{ item_code: 'IMP-1', kind: 'tier', amount_yuan: 5, label_zh: '唯一一档' }],
    });
    const response = await upload(center, bytes);
    expect(response.statusCode).toBe(422);
    expect(response.json().details.problems).toEqual([
      {
        sheet: 'fees',
        row: 2,
        column: 'kind',
        reason: 'a tiered fee needs at least two tier rows in the same part',
      },
    ]);
  });

  it('R-CAT-1 refuses an unknown column, a missing sheet and a file that is not a workbook', async () => {
    const bytes = await workbook({ items: [{ ...goodItem, colour: 'red' }] });
    const response = await upload(center, bytes);
    expect(response.statusCode).toBe(422);
    expect(response.json().details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'items', row: 1, column: 'colour' }),
        expect.objectContaining({ sheet: 'steps', reason: 'the sheet "steps" is missing' }),
      ]),
    );
    const notExcel = await upload(center, Buffer.from('just text'));
    expect(notExcel.statusCode).toBe(422);
  });

  it('R-CAT-1 the template downloads and imports as it is', async () => {
    // The example row names window 1 of 五山 and the unit XSC.
    await createWindow(t.deps.db, { hallId: window.hallId, unitId: unit.id, number: 1 });
    const response = await center.get('/api/items/import/template.xlsx');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'items',
      'steps',
      'materials',
      'fees',
      'guide',
    ]);
    expect(book.getWorksheet('items')?.getRow(1).getCell(1).value).toBe('code');

    const imported = await upload(center, response.rawPayload);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().created).toBe(1);
  });

  it('R-CAT-1 only the center imports', async () => {
    const bytes = await workbook({ items: [goodItem] });
    expect((await upload(t.anonymous, bytes)).statusCode).toBe(401);
    const unitAdmin = await signInAs('unit-admin', unit.id);
    expect((await upload(unitAdmin, bytes)).statusCode).toBe(403);
    expect((await unitAdmin.get('/api/items/import/template.xlsx')).statusCode).toBe(403);
  });
});
