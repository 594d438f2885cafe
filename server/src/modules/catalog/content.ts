import { z } from 'zod';

/** A text in Chinese, with its English version where one exists. */
export const localText = z.object({
  zh: z.string().trim().min(1, 'Chinese text is required'),
  en: z.string().trim().min(1).optional(),
});
export type LocalText = z.infer<typeof localText>;

/**
 * The promised limit as published guides state it. Only working days and working hours are
 * counted by the working-day calendar; the others are shown as written.
 */
export const promisedLimit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('on-the-spot') }),
  z.object({
    kind: z.literal('working-days'),
    days: z.number().int().positive().max(365),
    /** "原则上 N 个工作日": the limit is the rule, not a guarantee. */
    isInPrinciple: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('working-hours'), hours: z.number().int().positive().max(500) }),
  z.object({ kind: z.literal('calendar-days'), days: z.number().int().positive().max(3650) }),
  z
    .object({
      kind: z.literal('working-days-range'),
      minDays: z.number().int().positive(),
      maxDays: z.number().int().positive().max(365),
    })
    .refine((range) => range.minDays <= range.maxDays, {
      message: 'minDays must not exceed maxDays',
      path: ['minDays'],
    }),
  z.object({ kind: z.literal('none'), note: localText }),
]);
export type PromisedLimit = z.infer<typeof promisedLimit>;

const amountFen = z.number().int().nonnegative();

const simpleFee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('flat'), amountFen, label: localText.optional() }),
  z.object({ kind: z.literal('per-copy'), amountFen, unit: localText }),
  z.object({
    kind: z.literal('tiered'),
    tiers: z.array(z.object({ label: localText, amountFen })).min(2),
  }),
]);

/** Fees in fen (分); a composite fee is a list of simple fees that add up. */
export const fee = z.union([
  simpleFee,
  z.object({ kind: z.literal('composite'), parts: z.array(simpleFee).min(2) }),
]);
export type Fee = z.infer<typeof fee>;

export const materialFormats = ['paper', 'electronic', 'either'] as const;

export const material = z.object({
  /** Stable key within the item; uploads refer to it. */
  key: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens')
    .max(40),
  name: localText,
  format: z.enum(materialFormats).default('either'),
  originals: z.number().int().nonnegative().default(1),
  copies: z.number().int().nonnegative().default(0),
  /** Materials sharing a group are alternatives: one of them is enough. */
  alternativeGroup: z.string().max(40).optional(),
  /** Needed only for some applicants ("only for applicants who …"). */
  condition: localText.optional(),
  photoSpec: localText.optional(),
  note: localText.optional(),
  /** Whether an online filing must upload it. */
  isUploadRequired: z.boolean().default(false),
});
export type Material = z.infer<typeof material>;

export const formField = z.object({
  key: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'letters and digits, starting with a letter')
    .max(40),
  label: localText,
  type: z.enum(['text', 'textarea', 'number', 'date', 'select']),
  isRequired: z.boolean().default(true),
  options: z.array(z.object({ value: z.string().min(1), label: localText })).optional(),
});
export type FormField = z.infer<typeof formField>;

export const intakeWindow = z.object({
  /** ISO weekdays, 1 = Monday, on which the item is taken; empty means every working day. */
  weekdays: z.array(z.number().int().min(1).max(7)).default([]),
  /** Months of the year in which the item is taken; empty means all year. */
  months: z.array(z.number().int().min(1).max(12)).default([]),
  /** Working days to file before the event the item serves (e.g. a ceremony). */
  leadWorkingDays: z.number().int().positive().optional(),
  note: localText.optional(),
});

export const applicantTypes = ['teacher', 'student', 'visitor', 'unit'] as const;

/** The item sheet (一事一表): every public field of an item, in one uniform shape (Art. 13). */
export const itemContent = z
  .object({
    name: localText,
    summary: localText.optional(),
    /** The laws, policies or school rules the item rests on. */
    basis: z.array(localText).min(1, 'at least one legal or policy basis'),
    /** Who may apply, in words, and the kinds of applicant in data. */
    eligibility: localText,
    applicantTypes: z.array(z.enum(applicantTypes)).min(1),
    steps: z.array(z.object({ title: localText, detail: localText.optional() })).min(1),
    materials: z.array(material).default([]),
    limit: promisedLimit,
    fee: fee.default({ kind: 'free' }),
    intake: intakeWindow.default({ weekdays: [], months: [] }),
    agent: z
      .object({ isAllowed: z.boolean(), authorisation: localText.optional() })
      .default({ isAllowed: false }),
    /** Rules that shape what can be asked, e.g. "may be reissued once". */
    rules: z.array(localText).default([]),
    /** How many times the result may be reissued, when a rule limits it. */
    reissueLimit: z.number().int().nonnegative().optional(),
    form: z.array(formField).default([]),
    contact: z.object({ phone: z.string().optional(), place: localText.optional() }).default({}),
  })
  .superRefine((content, context) => {
    for (const issue of findContentConflicts(content)) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
export type ItemContent = z.infer<typeof itemContent>;
export type ItemContentInput = z.input<typeof itemContent>;

/** Paths of every public text lacking its English version (R-CAT-4, Art. 13). */
export function findMissingEnglish(content: ItemContent): string[] {
  const missing: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((entry, index) => visit(entry, `${path}[${index}]`));
      return;
    }
    if (value === null || typeof value !== 'object') {
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.zh === 'string') {
      if (typeof record.en !== 'string' || record.en.trim() === '') {
        missing.push(path);
      }
      return;
    }
    for (const [key, child] of Object.entries(record)) {
      visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(content, '');
  return missing;
}

interface ContentConflict {
  path: (string | number)[];
  message: string;
}

/**
 * Rules across fields that a single field cannot state: uploads and form answers are keyed, so
 * keys must be unique, and "one of" needs at least two materials to choose from.
 */
function findContentConflicts(content: {
  materials: Material[];
  form: FormField[];
}): ContentConflict[] {
  const conflicts: ContentConflict[] = [];
  const materialKeys = new Set<string>();
  const groupSizes = new Map<string, number>();
  content.materials.forEach((entry, index) => {
    if (materialKeys.has(entry.key)) {
      conflicts.push({ path: ['materials', index, 'key'], message: `duplicate key ${entry.key}` });
    }
    materialKeys.add(entry.key);
    if (entry.alternativeGroup !== undefined) {
      groupSizes.set(entry.alternativeGroup, (groupSizes.get(entry.alternativeGroup) ?? 0) + 1);
    }
  });
  content.materials.forEach((entry, index) => {
    if (entry.alternativeGroup !== undefined && groupSizes.get(entry.alternativeGroup) === 1) {
      conflicts.push({
        path: ['materials', index, 'alternativeGroup'],
        message: 'an alternative group needs at least two materials to choose from',
      });
    }
  });

  const fieldKeys = new Set<string>();
  content.form.forEach((field, index) => {
    if (fieldKeys.has(field.key)) {
      conflicts.push({ path: ['form', index, 'key'], message: `duplicate key ${field.key}` });
    }
    fieldKeys.add(field.key);
    if (field.type === 'select' && (field.options ?? []).length === 0) {
      conflicts.push({ path: ['form', index, 'options'], message: 'a select needs options' });
    }
  });
  return conflicts;
}
