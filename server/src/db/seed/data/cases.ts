import type { CaseAction } from '../../../modules/cases/machine.js';
import type { NoticeEntry } from '../../../modules/cases/schema.js';

/**
 * When a step happened, relative to the moment the demo is loaded, so that deadlines look the
 * same whenever it is. Working days count back from the current working day (today, or the
 * next working day once today's office hours are over); minutes count back from the last
 * moment of office hours, so that nothing is filed at a window in the night.
 */
export type When = { workingDaysAgo: number; time: string } | { minutesAgo: number };

export interface CaseStepSeed {
  action: CaseAction;
  /** The username of whoever takes the step. */
  by: string;
  when: When;
  reason?: string;
  rule?: string;
  note?: string;
  way?: 'simple' | 'complex';
  authority?: string;
  entries?: NoticeEntry[];
}

export interface CaseSeed {
  /** What the case shows in the demo; it is not stored. */
  story: string;
  itemCode: string;
  /** An applicant's username files online; a window worker's username files at the window. */
  filedBy: string;
  when: When;
  /** For window filings: the person at the counter. */
  applicantName?: string;
  applicantPhone?: string;
  /** Form answers; dates are given in days from the loading day. */
  form: Record<string, string | number | { daysFromToday: number }>;
  /** Material keys uploaded with an online filing. */
  uploads?: string[];
  steps: CaseStepSeed[];
}

const ago = (workingDaysAgo: number, time: string): When => ({ workingDaysAgo, time });

/** Cases in every state, filed and handled through the case service as people would. */
export const caseSeeds: CaseSeed[] = [
  {
    story: 'submitted online a moment ago, no window has taken it yet',
    itemCode: 'JW-001',
    filedBy: 'student',
    when: { minutesAgo: 25 },
    form: { language: 'en', copies: 2, purpose: '申请香港科技大学暑期交换项目' },
    steps: [],
  },
  {
    story: 'a reimbursement waiting in the online queue',
    itemCode: 'CW-002',
    filedBy: 'teacher',
    when: { minutesAgo: 70 },
    form: { bookingNo: 'YY20260318-0042', amountYuan: 3860, projectCode: 'D6231780' },
    steps: [],
  },
  {
    story: 'filed at the graduate window, under first review',
    itemCode: 'YJS-003',
    filedBy: 'yjs-staff',
    applicantName: '周子涵',
    applicantPhone: '13580217765',
    when: { minutesAgo: 40 },
    form: {
      currentSupervisor: '刘国强 教授',
      newSupervisor: '陈立新 教授',
      reason: '原导师调往深圳校区工作，经协商变更指导教师',
    },
    steps: [],
  },
  {
    story: 'a walk-in asking for a degree certification, under first review',
    itemCode: 'JW-003',
    filedBy: 'jw-staff2',
    applicantName: '赵志伟',
    applicantPhone: '13922876501',
    when: { minutesAgo: 50 },
    form: { graduationYear: 2012, major: '土木工程', certificateNo: '1056142012001873' },
    steps: [],
  },
  {
    story: 'a transcript accepted six working days ago against a limit of three: overdue',
    itemCode: 'JW-002',
    filedBy: 'student',
    when: ago(7, '10:05'),
    form: { language: 'en', copies: 3, sealed: 'yes' },
    steps: [
      { action: 'take', by: 'jw-staff1', when: ago(7, '14:40') },
      { action: 'accept-promised', by: 'jw-staff1', when: ago(7, '15:00') },
    ],
  },
  {
    story: 'a degree certification due at the close of the current working day: nearly due',
    itemCode: 'JW-003',
    filedBy: 'jw-staff2',
    applicantName: '黄嘉欣',
    applicantPhone: '13724519982',
    when: ago(10, '09:45'),
    form: { graduationYear: 2016, major: '电子信息工程' },
    steps: [{ action: 'accept-promised', by: 'jw-staff2', when: ago(10, '10:10') }],
  },
  {
    story: 'a reimbursement counting its 24 working hours',
    itemCode: 'CW-002',
    filedBy: 'teacher',
    when: ago(1, '09:30'),
    form: { bookingNo: 'YY20260311-0107', amountYuan: 12450.5, projectCode: 'K5201990' },
    steps: [
      { action: 'take', by: 'cw-staff', when: ago(1, '10:00') },
      { action: 'accept-promised', by: 'cw-staff', when: ago(1, '10:05') },
    ],
  },
  {
    story: 'an invitation letter being prepared',
    itemCode: 'GJ-003',
    filedBy: 'teacher',
    when: ago(2, '16:20'),
    form: { visitorName: 'Prof. Anna Schmidt', nationality: 'Germany', arrival: { daysFromToday: 45 } },
    uploads: ['passport-page', 'schedule'],
    steps: [
      { action: 'take', by: 'gj-staff', when: ago(1, '08:40') },
      { action: 'accept-promised', by: 'gj-staff', when: ago(1, '08:45') },
    ],
  },
  {
    story: 'official travel abroad, waiting for personnel and finance to sign off',
    itemCode: 'GJ-001',
    filedBy: 'teacher',
    when: ago(3, '11:00'),
    form: { destination: '德国（慕尼黑工业大学）', departure: { daysFromToday: 40 }, days: 8 },
    uploads: ['invitation'],
    steps: [
      { action: 'take', by: 'gj-staff', when: ago(3, '14:45') },
      { action: 'accept-joint', by: 'gj-staff', when: ago(2, '09:30'), way: 'simple' },
    ],
  },
  {
    story: 'a residence permit extension reported to the Exit-Entry Administration',
    itemCode: 'GJ-002',
    filedBy: 'gj-staff',
    applicantName: 'NGUYEN VAN AN',
    applicantPhone: '18520436617',
    when: ago(4, '10:20'),
    form: { kind: 'extension', passportNo: 'C7654321', expiry: { daysFromToday: 20 } },
    steps: [
      {
        action: 'escalate',
        by: 'gj-staff',
        when: ago(4, '10:40'),
        authority: '广州市公安局出入境管理支队',
        note: '材料齐全，已报送出入境管理部门审批；护照由出入境管理部门留存',
      },
    ],
  },
  {
    story: 'a student card whose photo does not meet the spec: one-time notice sent',
    itemCode: 'JW-005',
    filedBy: 'student',
    when: ago(2, '15:10'),
    form: { needsRailCard: 'yes', reason: '学生证在图书馆遗失' },
    uploads: ['photo'],
    steps: [
      { action: 'take', by: 'jw-staff1', when: ago(1, '09:10') },
      {
        action: 'request-supplement',
        by: 'jw-staff1',
        when: ago(1, '09:20'),
        entries: [
          {
            kind: 'material',
            materialKey: 'photo',
            text: '照片为白色背景，请按规格重新上传蓝色背景一寸证件照',
          },
          { kind: 'step', text: '补交照片后到原窗口缴纳学生证工本费 10 元、优惠卡 5 元' },
        ],
      },
    ],
  },
  {
    story: 'a reimbursement missing invoices: one-time notice sent',
    itemCode: 'CW-002',
    filedBy: 'teacher',
    when: ago(5, '14:50'),
    form: { bookingNo: 'YY20260302-0219', amountYuan: 6240, projectCode: 'D6231780' },
    steps: [
      { action: 'take', by: 'cw-staff', when: ago(5, '15:30') },
      {
        action: 'request-supplement',
        by: 'cw-staff',
        when: ago(4, '09:15'),
        entries: [
          { kind: 'material', materialKey: 'invoices', text: '缺少 3 月 2 日住宿费发票原件' },
          { kind: 'material', materialKey: 'approval', text: '出差审批表缺少单位负责人签字' },
        ],
      },
    ],
  },
  {
    story: 'an enrolment certificate printed at once',
    itemCode: 'JW-001',
    filedBy: 'student',
    when: ago(12, '08:50'),
    form: { language: 'both', copies: 2, purpose: '办理港澳通行证签注' },
    steps: [
      { action: 'take', by: 'jw-staff1', when: ago(12, '09:05') },
      {
        action: 'complete-immediately',
        by: 'jw-staff1',
        when: ago(12, '09:10'),
        note: '已打印中英文在读证明各一份，当场领取',
      },
    ],
  },
  {
    story: 'an alumna’s sealed transcripts, finished within the limit',
    itemCode: 'JW-002',
    filedBy: 'visitor',
    when: ago(15, '10:30'),
    form: { language: 'en', copies: 3, sealed: 'yes' },
    steps: [
      { action: 'take', by: 'jw-staff2', when: ago(15, '11:00') },
      { action: 'accept-promised', by: 'jw-staff2', when: ago(15, '11:05') },
      {
        action: 'complete',
        by: 'jw-staff2',
        when: ago(13, '16:00'),
        note: '英文成绩单 3 份已密封，已短信通知到五山办事大厅 2 号窗口领取',
      },
    ],
  },
  {
    story: 'a certificate of income handed over at the finance window',
    itemCode: 'CW-001',
    filedBy: 'teacher',
    when: ago(6, '10:10'),
    form: { months: '12', purpose: '办理住房公积金贷款' },
    steps: [
      { action: 'take', by: 'cw-staff', when: ago(6, '10:20') },
      {
        action: 'complete-immediately',
        by: 'cw-staff',
        when: ago(6, '10:25'),
        note: '已开具近 12 个月收入证明一份',
      },
    ],
  },
  {
    story: 'a graduate enrolment certificate printed at the window',
    itemCode: 'YJS-002',
    filedBy: 'yjs-staff',
    applicantName: '孙浩然',
    applicantPhone: '15011873320',
    when: ago(3, '15:20'),
    form: { purpose: '办理银行助学贷款' },
    steps: [{ action: 'complete-immediately', by: 'yjs-staff', when: ago(3, '15:25') }],
  },
  {
    story: 'a graduation certificate refused with the reason and the rule',
    itemCode: 'JW-004',
    filedBy: 'jw-staff2',
    applicantName: '郭振宇',
    applicantPhone: '13631408852',
    when: ago(8, '09:40'),
    form: { graduationYear: 2019 },
    steps: [
      { action: 'accept-promised', by: 'jw-staff2', when: ago(8, '09:55') },
      {
        action: 'refuse',
        by: 'jw-lead',
        when: ago(6, '11:30'),
        reason:
          '经核查学籍档案，申请人 2019 年结业，未取得毕业资格，不能出具毕业证明书；可申请结业证明书。',
        rule: '《华南理工大学本科生学籍管理规定》：结业生发给结业证书，不出具毕业证明书',
      },
    ],
  },
  {
    story: 'a transcript request the student withdrew',
    itemCode: 'JW-002',
    filedBy: 'student',
    when: ago(4, '20:15'),
    form: { language: 'zh', copies: 1, sealed: 'no' },
    steps: [
      {
        action: 'withdraw',
        by: 'student',
        when: ago(3, '08:30'),
        reason: '已在线下载电子成绩单，不再需要纸质版',
      },
    ],
  },
];
