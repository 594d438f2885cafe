import { DateTime } from 'luxon';
import { createPdfDocument } from '../../platform/pdf/document.js';
import type { getJointReview } from './joint.js';

type JointReview = Awaited<ReturnType<typeof getJointReview>>;

const shanghai = (at: Date | null, format: string) =>
  at ? DateTime.fromJSDate(at, { zone: 'Asia/Shanghai' }).toFormat(format) : '—';

/** The joint review notice (联合审批会议通知单) in the layout of an official notice. */
export async function renderJointNoticePdf(review: JointReview): Promise<Buffer> {
  const { doc, finished } = await createPdfDocument({
    title: `联合审批会议通知单 ${review.noticeNo ?? ''}`,
    subject: review.trackingNo,
    lang: 'zh',
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('bold').fontSize(20).text('联合审批会议通知单', { align: 'center', width });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(11)
    .text(review.noticeNo ?? '（尚未签发）', { align: 'center', width });
  doc.moveDown(1);

  const recipients = review.invitees.map((invitee) => invitee.unitNameZh).join('、');
  doc.fontSize(12).text(`${recipients || '各相关单位'}：`, { width });
  doc.moveDown(0.5);
  doc.text(
    `根据《师生服务中心管理办法》第十五条第（三）项，${review.leadUnit.nameZh}牵头受理的联办事项` +
      `“${review.itemName.zh}”（办件编号 ${review.trackingNo}，申请人 ${review.applicantName}）` +
      '程序复杂，需召开联合审批会议。现将有关事项通知如下：',
    { width, indent: 24, lineGap: 4 },
  );
  doc.moveDown(0.6);

  const rows: [string, string][] = [
    ['会议时间', shanghai(review.meetingAt, 'yyyy年M月d日 HH:mm')],
    ['会议地点', review.place ?? '—'],
    ['召集和主持', `师生服务中心（主持人：${review.chairName ?? '—'}）`],
    ['审批事项', `${review.itemName.zh}（${review.trackingNo}）`],
  ];
  for (const [label, value] of rows) {
    doc.font('bold').text(`${label}：`, { continued: true }).font('regular').text(value);
  }
  doc.moveDown(0.6);
  doc.font('bold').text('参会单位及人员要求：');
  doc.font('regular');
  review.invitees.forEach((invitee, index) => {
    doc.text(`${index + 1}. ${invitee.unitNameZh}：${invitee.officialTitle}`, { indent: 24 });
  });
  doc.moveDown(0.6);
  doc.text('请各相关单位派主管审批事项的负责人准时参加，并携带审批所需材料及意见。', {
    width,
    indent: 24,
  });
  if (review.requestNote) {
    doc.moveDown(0.4);
    doc.text(`牵头单位说明：${review.requestNote}`, { width, indent: 24 });
  }

  doc.moveDown(2);
  doc.text('师生服务中心', { align: 'right', width });
  doc.text(shanghai(review.issuedAt, 'yyyy年M月d日'), { align: 'right', width });

  if (review.heldAt) {
    doc.addPage();
    doc.font('bold').fontSize(16).text('联合审批会议记录', { align: 'center', width });
    doc.moveDown(0.6);
    doc
      .font('regular')
      .fontSize(11)
      .text(`召开时间：${shanghai(review.heldAt, 'yyyy年M月d日 HH:mm')}`);
    review.invitees.forEach((invitee) => {
      const came = invitee.hasAttended ? `出席：${invitee.attendeeName ?? ''}` : '未出席';
      doc.text(`${invitee.unitNameZh}\u3000${came}`);
    });
    doc.moveDown(0.5);
    doc.text(review.minutes ?? '', { width });
  }

  doc.end();
  return finished;
}
