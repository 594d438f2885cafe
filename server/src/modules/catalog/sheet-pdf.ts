import { DateTime } from 'luxon';
import { createPdfDocument } from '../../platform/pdf/document.js';
import type { ItemSheet } from './service.js';
import {
  applicantTypeNames,
  channelNames,
  describeAgent,
  describeFee,
  describeIntake,
  describeLimit,
  describeMaterialNotes,
  formatNames,
  labelAlternativeGroups,
  modeNames,
  pick,
  type SheetLang,
} from './sheet-text.js';

const headings = {
  code: { zh: '事项编码', en: 'Item code' },
  unit: { zh: '实施单位', en: 'Responsible unit' },
  participants: { zh: '协办单位', en: 'Participating units' },
  channel: { zh: '办理渠道', en: 'Where handled' },
  mode: { zh: '办件类型', en: 'Handling' },
  summary: { zh: '事项简介', en: 'About' },
  basis: { zh: '设定依据', en: 'Legal or policy basis' },
  eligibility: { zh: '申请条件与服务对象', en: 'Who may apply' },
  steps: { zh: '办理流程', en: 'Steps' },
  materials: { zh: '申请材料', en: 'Materials' },
  limit: { zh: '承诺时限', en: 'Promised limit' },
  fee: { zh: '收费标准', en: 'Fees' },
  intake: { zh: '受理时间', en: 'When filed' },
  agent: { zh: '委托代办', en: 'Filing by an agent' },
  rules: { zh: '办理规则', en: 'Rules' },
  windows: { zh: '办理地点', en: 'Where to go' },
  contact: { zh: '咨询方式', en: 'Contact' },
  none: { zh: '无', en: 'None' },
  materialColumns: {
    zh: ['序号', '材料名称', '形式', '原件', '复印件', '说明'],
    en: ['No.', 'Material', 'Format', 'Originals', 'Copies', 'Notes'],
  },
  window: { zh: '号窗口', en: 'Window ' },
  reissue: { zh: '补发次数上限：', en: 'May be reissued at most: ' },
  footer: { zh: '版本', en: 'Version' },
  generated: { zh: '生成于', en: 'Generated' },
};

/** The item sheet (一事一表) as a printable PDF, the same layout for every item (R-CAT-3). */
export async function renderItemSheetPdf(
  sheet: ItemSheet,
  lang: SheetLang,
  generatedAt: Date,
): Promise<Buffer> {
  const { content } = sheet;
  const title = pick(content.name, lang);
  const { doc, finished } = await createPdfDocument({ title, subject: sheet.code, lang });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const label = (key: { zh: string; en: string }) => key[lang];
  const section = (heading: { zh: string; en: string }) => {
    doc.moveDown(0.6);
    doc.x = doc.page.margins.left;
    doc.font('bold').fontSize(12).fillColor('#1f3a60').text(label(heading), { width });
    doc.moveDown(0.2);
    doc.font('regular').fontSize(10).fillColor('black');
  };
  const paragraph = (text: string) => {
    doc
      .font('regular')
      .fontSize(10)
      .text(text === '' ? label(headings.none) : text, { width });
  };
  const list = (entries: string[]) => {
    if (entries.length === 0) {
      paragraph('');
      return;
    }
    entries.forEach((entry, index) => paragraph(`${index + 1}. ${entry}`));
  };

  doc.font('bold').fontSize(18).text(title, { width, align: 'center' });
  doc.moveDown(0.5);
  const facts: [string, string][] = [
    [label(headings.code), sheet.code],
    [label(headings.unit), lang === 'en' ? sheet.unit.nameEn : sheet.unit.nameZh],
    [label(headings.channel), pick(channelNames[sheet.channel], lang)],
    [label(headings.mode), pick(modeNames[sheet.defaultMode], lang)],
  ];
  if (sheet.participants.length > 0) {
    const names = sheet.participants.map((unit) => (lang === 'en' ? unit.nameEn : unit.nameZh));
    facts.push([label(headings.participants), names.join(lang === 'zh' ? '、' : ', ')]);
  }
  doc.table({
    columnStyles: [110, '*'],
    defaultStyle: { border: 0.5, borderColor: '#999999', padding: 4 },
    data: facts.map(([key, value]) => [
      { text: key, font: { src: 'bold', size: 10 }, backgroundColor: '#eef2f7' },
      { text: value, font: { src: 'regular', size: 10 } },
    ]),
  });

  if (content.summary) {
    section(headings.summary);
    paragraph(pick(content.summary, lang));
  }

  section(headings.basis);
  list(content.basis.map((entry) => pick(entry, lang)));

  section(headings.eligibility);
  paragraph(pick(content.eligibility, lang));
  const kinds = content.applicantTypes.map((kind) => pick(applicantTypeNames[kind], lang));
  paragraph(kinds.join(lang === 'zh' ? '、' : ', '));

  section(headings.steps);
  list(
    content.steps.map((step) =>
      step.detail
        ? `${pick(step.title, lang)}: ${pick(step.detail, lang)}`
        : pick(step.title, lang),
    ),
  );

  section(headings.materials);
  if (content.materials.length === 0) {
    paragraph('');
  } else {
    const groups = labelAlternativeGroups(content.materials);
    const header = headings.materialColumns[lang].map((text) => ({
      text,
      font: { src: 'bold', size: 9 },
      backgroundColor: '#eef2f7',
    }));
    const rows = content.materials.map((material, index) =>
      [
        String(index + 1),
        pick(material.name, lang),
        pick(formatNames[material.format], lang),
        String(material.originals),
        String(material.copies),
        describeMaterialNotes(material, lang, groups),
      ].map((text) => ({ text, font: { src: 'regular', size: 9 } })),
    );
    doc.x = doc.page.margins.left;
    doc.table({
      columnStyles: [30, 140, 60, 45, 45, '*'],
      defaultStyle: { border: 0.5, borderColor: '#999999', padding: 3 },
      data: [header, ...rows],
    });
  }

  section(headings.limit);
  paragraph(describeLimit(content.limit, lang));

  section(headings.fee);
  paragraph(describeFee(content.fee, lang));

  section(headings.intake);
  paragraph(describeIntake(content.intake, lang));

  section(headings.agent);
  paragraph(describeAgent(content.agent, lang));

  section(headings.rules);
  const rules = content.rules.map((rule) => pick(rule, lang));
  if (content.reissueLimit !== undefined) {
    rules.push(`${label(headings.reissue)}${content.reissueLimit}`);
  }
  list(rules);

  section(headings.windows);
  if (sheet.windows.length === 0) {
    paragraph(pick(channelNames[sheet.channel], lang));
  } else {
    list(
      sheet.windows.map((window) => {
        const en = lang === 'en';
        const number = en ? `Window ${window.number}` : `${window.number}号窗口`;
        const place = [
          en ? window.hall.campus.nameEn : window.hall.campus.nameZh,
          en ? window.hall.nameEn : window.hall.nameZh,
          number,
          en ? window.nameEn : window.nameZh,
        ];
        const address = en ? window.hall.addressEn : window.hall.addressZh;
        const extras = [address, window.phone].filter((part) => part !== '');
        return `${place.join(' · ')}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
      }),
    );
  }

  section(headings.contact);
  const contact = [content.contact.phone ?? sheet.unit.phone, pick(content.contact.place, lang)];
  paragraph(contact.filter((part) => part !== '').join(lang === 'zh' ? '；' : '; '));

  const generated = DateTime.fromJSDate(generatedAt, { zone: 'Asia/Shanghai' }).toFormat(
    'yyyy-MM-dd HH:mm',
  );
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#666666')
    .text(
      `${label(headings.footer)} ${sheet.version} · ${label(headings.generated)} ${generated}`,
      doc.page.margins.left,
      undefined,
      { width, align: 'right' },
    );

  doc.end();
  return finished;
}
