import { describe, expect, it } from 'vitest';
import { findMissingEnglish, itemContent, type ItemContentInput } from './content.js';
import { messyGuides } from './messy-guides.js';
import {
  buildSearchText,
  containsPattern,
  findPublicationProblems,
  splitSearchTerms,
} from './publication.js';
import type { ItemSettings } from './schema.js';
import { describeFee, describeIntake, describeLimit } from './sheet-text.js';

const plain: ItemContentInput = {
  name: { zh: '在读证明', en: 'Enrolment certificate' },
  basis: [{ zh: '规定', en: 'Rules' }],
  eligibility: { zh: '在籍学生', en: 'Students' },
  applicantTypes: ['student'],
  steps: [{ title: { zh: '申请', en: 'Apply' } }],
  limit: { kind: 'on-the-spot' },
};

const issuePaths = (input: unknown) => {
  const result = itemContent.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('the item sheet model', () => {
  it.each(messyGuides)('R-CAT-1 holds a messy guide without loss: $label', ({ content }) => {
    const parsed = itemContent.parse(content);
    expect(parsed).toMatchObject(content);
    const stored = JSON.parse(JSON.stringify(parsed)) as unknown;
    expect(itemContent.parse(stored)).toEqual(parsed);
  });

  it('R-CAT-1 the messy guides cover every shape of limit and fee', () => {
    const limits = new Set(messyGuides.map(({ content }) => content.limit.kind));
    expect([...limits].sort()).toEqual(
      [
        'calendar-days',
        'none',
        'on-the-spot',
        'working-days',
        'working-days-range',
        'working-hours',
      ].sort(),
    );
    const fees = new Set(messyGuides.map(({ content }) => content.fee?.kind ?? 'free'));
    expect([...fees].sort()).toEqual(['composite', 'flat', 'free', 'per-copy', 'tiered']);
  });

  it('R-CAT-1 fills the defaults a guide leaves out', () => {
    const parsed = itemContent.parse({
      ...plain,
      materials: [{ key: 'card', name: { zh: '学生证' } }],
    });
    expect(parsed.materials[0]).toMatchObject({
      format: 'either',
      originals: 1,
      copies: 0,
      isUploadRequired: false,
    });
    expect(parsed.fee).toEqual({ kind: 'free' });
    expect(parsed.agent).toEqual({ isAllowed: false });
    expect(parsed.intake).toEqual({ weekdays: [], months: [] });
  });

  it('R-CAT-1 refuses a sheet without basis, steps or who may apply', () => {
    expect(issuePaths({ ...plain, basis: [], steps: [], applicantTypes: [] }).sort()).toEqual([
      'applicantTypes',
      'basis',
      'steps',
    ]);
  });

  it('R-CAT-1 refuses duplicate material keys and an alternative with nothing to choose from', () => {
    const paths = issuePaths({
      ...plain,
      materials: [
        { key: 'card', name: { zh: '学生证' }, alternativeGroup: 'id' },
        { key: 'card', name: { zh: '身份证' } },
      ],
    });
    expect(paths.sort()).toEqual(['materials.0.alternativeGroup', 'materials.1.key']);
  });

  it('R-CAT-1 refuses a backwards range, a one-tier fee and a limit of none without a note', () => {
    expect(
      issuePaths({ ...plain, limit: { kind: 'working-days-range', minDays: 5, maxDays: 3 } }),
    ).toEqual(['limit.minDays']);
    expect(
      issuePaths({
        ...plain,
        fee: { kind: 'tiered', tiers: [{ label: { zh: '一档' }, amountFen: 100 }] },
      }).length,
    ).toBeGreaterThan(0);
    expect(issuePaths({ ...plain, limit: { kind: 'none' } }).length).toBeGreaterThan(0);
  });

  it('R-CAT-4 finds every public text without English, by path', () => {
    const content = itemContent.parse({
      ...plain,
      name: { zh: '在读证明' },
      steps: [{ title: { zh: '申请', en: 'Apply' }, detail: { zh: '线上' } }],
      materials: [{ key: 'card', name: { zh: '学生证', en: 'Card' }, photoSpec: { zh: '一寸' } }],
      fee: { kind: 'per-copy', amountFen: 200, unit: { zh: '份' } },
    });
    expect(findMissingEnglish(content)).toEqual([
      'name',
      'steps[0].detail',
      'materials[0].photoSpec',
      'fee.unit',
    ]);
  });
});

const settings = (overrides: Partial<ItemSettings> = {}): ItemSettings => ({
  unitId: '00000000-0000-4000-8000-000000000001',
  channel: 'online',
  defaultMode: 'promised',
  isForeignFacing: false,
  campusIds: [],
  windowIds: [],
  participantUnitIds: [],
  ...overrides,
});

describe('publication rules', () => {
  const content = itemContent.parse(plain);

  it('R-CAT-2 an item not completable online needs a hall window (Art. 6)', () => {
    expect(findPublicationProblems(settings({ channel: 'online' }), content)).toEqual([]);
    for (const channel of ['hall', 'both'] as const) {
      const problems = findPublicationProblems(settings({ channel }), content);
      expect(problems.map((problem) => problem.article)).toEqual(['Art. 6']);
      expect(problems[0]?.issues[0]?.path).toBe('windowIds');
    }
    const withWindow = settings({
      channel: 'hall',
      windowIds: ['00000000-0000-4000-8000-000000000002'],
    });
    expect(findPublicationProblems(withWindow, content)).toEqual([]);
  });

  it('R-CAT-4 a foreign-facing item needs English everywhere (Art. 13)', () => {
    const chineseOnly = itemContent.parse({ ...plain, eligibility: { zh: '在籍学生' } });
    expect(findPublicationProblems(settings({ isForeignFacing: false }), chineseOnly)).toEqual([]);
    const problems = findPublicationProblems(settings({ isForeignFacing: true }), chineseOnly);
    expect(problems).toEqual([
      {
        article: 'Art. 13',
        issues: [{ path: 'content.eligibility', message: expect.stringContaining('Art. 13') }],
      },
    ]);
  });

  it('R-CAT-1 a joint item names its participating units (Art. 15(3))', () => {
    const problems = findPublicationProblems(settings({ defaultMode: 'joint' }), content);
    expect(problems.map((problem) => problem.article)).toEqual(['Art. 15(3)']);
  });
});

describe('search text', () => {
  it('R-CAT-5 holds Chinese and English of the name, basis, materials and unit, lower-cased', () => {
    const content = itemContent.parse({
      ...plain,
      materials: [{ key: 'card', name: { zh: '学生证', en: 'Student Card' } }],
    });
    const text = buildSearchText('XS-001', content, {
      nameZh: '学生处',
      nameEn: 'Student Affairs',
    });
    for (const word of ['xs-001', '在读证明', 'enrolment certificate', '学生证', 'student card']) {
      expect(text).toContain(word);
    }
    expect(text).toContain('student affairs');
    expect(text).not.toMatch(/[A-Z]/);
  });

  it('R-CAT-5 splits a query on any whitespace, the ideographic space too', () => {
    expect(splitSearchTerms('  Student\u3000证明  card ')).toEqual(['student', '证明', 'card']);
    expect(splitSearchTerms(undefined)).toEqual([]);
  });

  it('R-CAT-5 matches % and _ literally', () => {
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});

describe('the sheet in words', () => {
  it('R-CAT-3 states each kind of limit as the guide does', () => {
    expect(describeLimit({ kind: 'on-the-spot' }, 'zh')).toBe('即时办结');
    expect(describeLimit({ kind: 'working-days', days: 5, isInPrinciple: true }, 'zh')).toBe(
      '原则上5 个工作日',
    );
    expect(describeLimit({ kind: 'working-days', days: 1, isInPrinciple: false }, 'en')).toBe(
      '1 working day(s)',
    );
    expect(describeLimit({ kind: 'working-days-range', minDays: 3, maxDays: 5 }, 'en')).toBe(
      '3 to 5 working days',
    );
    expect(describeLimit({ kind: 'none', note: { zh: '审批通过后' } }, 'zh')).toBe(
      '无承诺时限（审批通过后）',
    );
  });

  it('R-CAT-3 states fees in yuan from fen', () => {
    expect(describeFee({ kind: 'flat', amountFen: 2000, label: { zh: '工本费' } }, 'zh')).toBe(
      '工本费：20.00 元',
    );
    expect(
      describeFee(
        {
          kind: 'composite',
          parts: [
            { kind: 'flat', amountFen: 50000 },
            { kind: 'per-copy', amountFen: 150, unit: { zh: '份', en: 'copy' } },
          ],
        },
        'en',
      ),
    ).toBe('CNY 500.00; plus CNY 1.50 per copy');
  });

  it('R-CAT-3 states intake days, months and lead time', () => {
    expect(describeIntake({ weekdays: [2, 4], months: [3, 9], leadWorkingDays: 5 }, 'zh')).toBe(
      '仅在3月、9月受理；仅周二、周四受理；须在活动前至少 5 个工作日提出',
    );
    expect(describeIntake({ weekdays: [], months: [] }, 'en')).toBe('Taken on every working day');
  });
});
