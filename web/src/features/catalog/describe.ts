import type { TFunction } from 'i18next';
import { formatYuan, type LocalText } from '../../shared/format';
import type { Fee, Intake, PromisedLimit, SimpleFee } from './content';

type Pick = (text: LocalText | null | undefined) => string;

/** Every kind of limit in words: "3 个工作日", "当场办结", "原则上 5 个工作日" … */
export function describeLimit(limit: PromisedLimit, t: TFunction, pick: Pick): string {
  switch (limit.kind) {
    case 'on-the-spot':
      return t('limits.onTheSpot');
    case 'working-days':
      return limit.isInPrinciple
        ? t('limits.workingDaysInPrinciple', { count: limit.days })
        : t('limits.workingDays', { count: limit.days });
    case 'working-hours':
      return t('limits.workingHours', { count: limit.hours });
    case 'calendar-days':
      return t('limits.calendarDays', { count: limit.days });
    case 'working-days-range':
      return t('limits.workingDaysRange', { min: limit.minDays, max: limit.maxDays });
    case 'none':
      return t('limits.none', { note: pick(limit.note) });
  }
}

function describeSimpleFee(fee: SimpleFee, t: TFunction, pick: Pick): string {
  switch (fee.kind) {
    case 'free':
      return t('fees.free');
    case 'flat':
      return fee.label
        ? t('fees.flatLabelled', { label: pick(fee.label), amount: formatYuan(fee.amountFen) })
        : t('fees.flat', { amount: formatYuan(fee.amountFen) });
    case 'per-copy':
      return t('fees.perCopy', { amount: formatYuan(fee.amountFen), unit: pick(fee.unit) });
    case 'tiered':
      return fee.tiers
        .map((tier) =>
          t('fees.flatLabelled', { label: pick(tier.label), amount: formatYuan(tier.amountFen) }),
        )
        .join(t('fees.tierSeparator'));
  }
}

/** Every kind of fee in yuan; a composite fee lists its parts, which add up. */
export function describeFee(fee: Fee, t: TFunction, pick: Pick): string {
  if (fee.kind === 'composite') {
    return fee.parts.map((part) => describeSimpleFee(part, t, pick)).join(t('fees.plus'));
  }
  return describeSimpleFee(fee, t, pick);
}

export const channels = ['online', 'hall', 'both'] as const;

export const applicantTypes = ['teacher', 'student', 'visitor', 'unit'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

export const handlingModes = [
  'immediate',
  'promised',
  'joint',
  'escalated',
  'supplement',
  'reply',
] as const;

/** ISO weekdays: 1 is Monday. */
export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** When the item is taken: weekdays, months, how early to file, in words. */
export function describeIntake(intake: Intake, t: TFunction, pick: Pick): string {
  const separator = t('common.listSeparator');
  const parts = [
    intake.weekdays.length === 0
      ? t('intake.everyWorkingDay')
      : t('intake.weekdays', {
          days: intake.weekdays
            .map((day) => t(`weekdays.${weekdayKeys[day - 1] ?? 'mon'}`))
            .join(separator),
        }),
    intake.months.length === 0
      ? t('intake.allYear')
      : t('intake.months', { months: intake.months.join(separator) }),
  ];
  if (intake.leadWorkingDays) {
    parts.push(t('intake.lead', { count: intake.leadWorkingDays }));
  }
  if (intake.note) {
    parts.push(pick(intake.note));
  }
  return parts.join(t('common.sentenceSeparator'));
}

/** Materials sharing a group are alternatives; groups are numbered in order of appearance. */
export function numberAlternativeGroups(materials: { alternativeGroup?: string | undefined }[]) {
  const numbers = new Map<string, number>();
  for (const material of materials) {
    if (material.alternativeGroup && !numbers.has(material.alternativeGroup)) {
      numbers.set(material.alternativeGroup, numbers.size + 1);
    }
  }
  return numbers;
}
