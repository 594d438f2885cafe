import type { ItemInput, ItemSheet } from '../content';

/** The editor's values: the API's input, as the form holds it. */
export type ItemFormValues = ItemInput;

/** An item as loaded for editing; the settings of the version shown, and its content. */
export function toFormValues(sheet: ItemSheet): ItemFormValues {
  return {
    code: sheet.code,
    unitId: sheet.unit.id,
    channel: sheet.channel,
    defaultMode: sheet.defaultMode,
    isForeignFacing: sheet.isForeignFacing,
    campusIds: sheet.campusIds,
    windowIds: sheet.windows.map((window) => window.id),
    participantUnitIds: sheet.participants.map((unit) => unit.id),
    content: sheet.content,
  };
}

export const emptyItem: ItemFormValues = {
  code: '',
  unitId: '',
  channel: 'both',
  defaultMode: 'promised',
  isForeignFacing: false,
  campusIds: [],
  windowIds: [],
  participantUnitIds: [],
  content: {
    name: { zh: '' },
    basis: [{ zh: '' }],
    eligibility: { zh: '' },
    applicantTypes: ['student'],
    steps: [{ title: { zh: '' } }],
    materials: [],
    limit: { kind: 'working-days', days: 5, isInPrinciple: false },
    fee: { kind: 'free' },
    intake: { weekdays: [], months: [] },
    agent: { isAllowed: false },
    rules: [],
    form: [],
    contact: {},
  },
};

/**
 * Drops what the form left empty: blank strings, and optional texts with neither language.
 * Arrays keep their places, so the server's issue paths still point at the right row.
 */
export function pruneEmpty(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) {
    return value.map((entry) => pruneEmpty(entry) ?? {});
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => [key, pruneEmpty(child)] as const)
      .filter(([, child]) => child !== undefined && child !== null);
    if (entries.length === 0) {
      return undefined;
    }
    return Object.fromEntries(entries);
  }
  return value;
}

/** The item as the API takes it, from what the form holds. */
export function toItemInput(values: ItemFormValues): ItemInput {
  const pruned = (pruneEmpty(values) ?? {}) as Partial<ItemInput>;
  const content = (pruned.content ?? {}) as Partial<ItemInput['content']>;
  return {
    code: pruned.code ?? '',
    unitId: pruned.unitId ?? '',
    channel: values.channel,
    defaultMode: values.defaultMode,
    isForeignFacing: Boolean(values.isForeignFacing),
    campusIds: values.campusIds ?? [],
    windowIds: values.windowIds ?? [],
    participantUnitIds: values.defaultMode === 'joint' ? (values.participantUnitIds ?? []) : [],
    content: {
      ...content,
      // Required texts stay, empty, so the server names them instead of a missing object.
      name: content.name ?? { zh: '' },
      eligibility: content.eligibility ?? { zh: '' },
      basis: content.basis ?? [],
      steps: content.steps ?? [],
      applicantTypes: values.content.applicantTypes ?? [],
      materials: content.materials ?? [],
      rules: content.rules ?? [],
      form: content.form ?? [],
      intake: {
        ...content.intake,
        weekdays: values.content.intake?.weekdays ?? [],
        months: values.content.intake?.months ?? [],
      },
      agent: { ...content.agent, isAllowed: Boolean(values.content.agent?.isAllowed) },
      limit: content.limit ?? values.content.limit,
    },
  };
}
