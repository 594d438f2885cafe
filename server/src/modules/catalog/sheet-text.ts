import type { Fee, ItemContent, LocalText, Material, PromisedLimit } from './content.js';
import type { Channel, HandlingMode } from './schema.js';

export type SheetLang = 'zh' | 'en';

/** The text in the language asked for, falling back to Chinese where no English exists. */
export function pick(text: LocalText | undefined, lang: SheetLang): string {
  if (!text) {
    return '';
  }
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

const yuan = (amountFen: number) => (amountFen / 100).toFixed(2);

export function describeLimit(limit: PromisedLimit, lang: SheetLang): string {
  const zh = lang === 'zh';
  switch (limit.kind) {
    case 'on-the-spot':
      return zh ? '即时办结' : 'On the spot';
    case 'working-days': {
      const prefix = limit.isInPrinciple ? (zh ? '原则上' : 'In principle ') : '';
      return zh ? `${prefix}${limit.days} 个工作日` : `${prefix}${limit.days} working day(s)`;
    }
    case 'working-hours':
      return zh ? `${limit.hours} 个工作小时` : `${limit.hours} working hour(s)`;
    case 'calendar-days':
      return zh ? `${limit.days} 个自然日` : `${limit.days} calendar day(s)`;
    case 'working-days-range':
      return zh
        ? `${limit.minDays}至${limit.maxDays} 个工作日`
        : `${limit.minDays} to ${limit.maxDays} working days`;
    case 'none':
      return zh
        ? `无承诺时限（${pick(limit.note, lang)}）`
        : `No promised limit (${pick(limit.note, lang)})`;
  }
}

type SimpleFee = Exclude<Fee, { kind: 'composite' }>;

function describeSimpleFee(fee: SimpleFee, lang: SheetLang): string {
  const zh = lang === 'zh';
  switch (fee.kind) {
    case 'free':
      return zh ? '不收费' : 'Free of charge';
    case 'flat': {
      const amount = zh ? `${yuan(fee.amountFen)} 元` : `CNY ${yuan(fee.amountFen)}`;
      return fee.label ? `${pick(fee.label, lang)}${zh ? '：' : ': '}${amount}` : amount;
    }
    case 'per-copy':
      return zh
        ? `每${pick(fee.unit, lang)} ${yuan(fee.amountFen)} 元`
        : `CNY ${yuan(fee.amountFen)} per ${pick(fee.unit, lang)}`;
    case 'tiered':
      return fee.tiers
        .map((tier) =>
          zh
            ? `${pick(tier.label, lang)}：${yuan(tier.amountFen)} 元`
            : `${pick(tier.label, lang)}: CNY ${yuan(tier.amountFen)}`,
        )
        .join(zh ? '；' : '; ');
  }
}

export function describeFee(fee: Fee, lang: SheetLang): string {
  if (fee.kind === 'composite') {
    return fee.parts
      .map((part) => describeSimpleFee(part, lang))
      .join(lang === 'zh' ? '；另加 ' : '; plus ');
  }
  return describeSimpleFee(fee, lang);
}

const weekdayNames = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const monthNamesEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function describeIntake(intake: ItemContent['intake'], lang: SheetLang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (intake.months.length > 0) {
    const months = intake.months.map((month) => (zh ? `${month}月` : monthNamesEn[month - 1]));
    parts.push(zh ? `仅在${months.join('、')}受理` : `Taken only in ${months.join(', ')}`);
  }
  if (intake.weekdays.length > 0) {
    const days = intake.weekdays.map((day) => weekdayNames[lang][day - 1]);
    parts.push(zh ? `仅${days.join('、')}受理` : `taken only on ${days.join(', ')}`);
  }
  if (intake.leadWorkingDays !== undefined) {
    parts.push(
      zh
        ? `须在活动前至少 ${intake.leadWorkingDays} 个工作日提出`
        : `file at least ${intake.leadWorkingDays} working day(s) before the event`,
    );
  }
  if (parts.length === 0) {
    parts.push(zh ? '工作日均可受理' : 'Taken on every working day');
  }
  if (intake.note) {
    parts.push(pick(intake.note, lang));
  }
  return parts.join(zh ? '；' : '; ');
}

export function describeAgent(agent: ItemContent['agent'], lang: SheetLang): string {
  const zh = lang === 'zh';
  if (!agent.isAllowed) {
    return zh ? '须本人办理，不接受代办' : 'In person only; no agent';
  }
  const base = zh ? '可委托他人代办' : 'An agent may file on your behalf';
  return agent.authorisation
    ? `${base}${zh ? '：' : ': '}${pick(agent.authorisation, lang)}`
    : base;
}

/** Everything about a material besides its name and counts: when, which one of, what photo. */
export function describeMaterialNotes(
  material: Material,
  lang: SheetLang,
  groupLabels: Map<string, string>,
): string {
  const zh = lang === 'zh';
  const notes: string[] = [];
  if (material.alternativeGroup !== undefined) {
    const label = groupLabels.get(material.alternativeGroup) ?? material.alternativeGroup;
    notes.push(zh ? `与同组（${label}）材料任选其一` : `One of group ${label}`);
  }
  if (material.condition) {
    notes.push(`${zh ? '适用：' : 'Only if: '}${pick(material.condition, lang)}`);
  }
  if (material.photoSpec) {
    notes.push(`${zh ? '照片要求：' : 'Photo: '}${pick(material.photoSpec, lang)}`);
  }
  if (material.note) {
    notes.push(pick(material.note, lang));
  }
  return notes.join(zh ? '；' : '; ');
}

/** Letters A, B, … for the alternative groups in the order they first appear. */
export function labelAlternativeGroups(materials: Material[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const material of materials) {
    if (material.alternativeGroup !== undefined && !labels.has(material.alternativeGroup)) {
      labels.set(material.alternativeGroup, String.fromCharCode(65 + (labels.size % 26)));
    }
  }
  return labels;
}

export const channelNames: Record<Channel, LocalText> = {
  online: { zh: '线上办理', en: 'Online' },
  hall: { zh: '线下窗口办理', en: 'At a hall window' },
  both: { zh: '线上、线下均可办理', en: 'Online or at a hall window' },
};

export const modeNames: Record<HandlingMode, LocalText> = {
  immediate: { zh: '即办件', en: 'Immediate' },
  promised: { zh: '承诺件', en: 'Promised' },
  joint: { zh: '联办件', en: 'Joint' },
  escalated: { zh: '上报件', en: 'Escalated' },
  supplement: { zh: '补办件', en: 'Supplement' },
  reply: { zh: '明确答复', en: 'Reply' },
};

export const applicantTypeNames: Record<ItemContent['applicantTypes'][number], LocalText> = {
  teacher: { zh: '教师', en: 'Teachers' },
  student: { zh: '学生', en: 'Students' },
  visitor: { zh: '访客', en: 'Visitors' },
  unit: { zh: '单位', en: 'Units' },
};

export const formatNames: Record<Material['format'], LocalText> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子', en: 'Electronic' },
  either: { zh: '纸质或电子', en: 'Paper or electronic' },
};
