import type { ItemContentInput, LocalText } from '../../../modules/catalog/content.js';
import type { Channel, HandlingMode } from '../../../modules/catalog/schema.js';
import type { CampusId, UnitCode } from './org.js';

/** One catalogue item of the demo: its sheet and where and how it is handled. */
export interface ItemSeed {
  code: string;
  unitCode: UnitCode;
  isPublished: boolean;
  isForeignFacing: boolean;
  channel: Channel;
  defaultMode: HandlingMode;
  /** Campuses where the item is offered; a hall item is taken at its unit's windows there. */
  campusIds: CampusId[];
  /** Units that take part besides the owning (lead) unit, for joint items. */
  participantUnitCodes?: UnitCode[];
  content: ItemContentInput;
}

export const allCampuses: CampusId[] = ['wushan', 'university-town', 'gz-international'];

export function t(zh: string, en?: string): LocalText {
  return en === undefined ? { zh } : { zh, en };
}

export function yuan(amount: number): number {
  return Math.round(amount * 100);
}

type MaterialInput = NonNullable<ItemContentInput['materials']>[number];

export function material(input: MaterialInput): MaterialInput {
  return input;
}

export const idCard = material({
  key: 'id-card',
  name: t('居民身份证', 'Resident identity card'),
  format: 'paper',
  originals: 1,
  note: t('港澳台及外籍人员可持有效通行证或护照', 'Visitors from abroad may show a valid passport'),
});

export const studentCard = material({
  key: 'student-card',
  name: t('学生证或校园卡', 'Student card or campus card'),
  format: 'paper',
  originals: 1,
});

export const staffCard = material({
  key: 'staff-card',
  name: t('工作证或校园卡', 'Staff card or campus card'),
  format: 'paper',
  originals: 1,
});

export const authorisationLetter = material({
  key: 'authorisation',
  name: t('授权委托书', 'Letter of authorisation'),
  format: 'paper',
  originals: 1,
  condition: t('仅限委托他人代办时提供', 'Only when an agent applies on your behalf'),
  note: t(
    '须由申请人亲笔签名，并附代办人身份证原件',
    'Signed by the applicant in person; the agent shows their own identity card',
  ),
});

export const agentWithLetter = {
  isAllowed: true,
  authorisation: t(
    '代办人须持申请人亲笔签名的授权委托书、申请人及代办人身份证件原件',
    "The agent brings a letter of authorisation signed by the applicant and both persons' identity documents",
  ),
} as const;

export const blueBackgroundPhoto = t(
  '近三个月内一寸免冠彩色证件照，蓝色背景，25mm×35mm；电子版为 JPG 格式，358×441 像素，不超过 200KB',
  'A recent colour passport-style photo, blue background, 25 mm × 35 mm; online: JPG, 358 × 441 pixels, at most 200 KB',
);

export function contact(phone: string, placeZh: string, placeEn: string) {
  return { phone, place: t(placeZh, placeEn) };
}
