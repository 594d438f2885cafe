import type { ItemContentInput } from './content.js';

/**
 * Service guides written the way real published guides are: limits stated every which way,
 * materials counted as originals and copies, alternatives, conditions, photo specifications,
 * every kind of fee, seasonal intake, agents, units as applicants, reissue rules. The model must
 * hold each of them without loss; tests and the demo data both use them.
 */
export const messyGuides: { label: string; content: ItemContentInput }[] = [
  {
    label: 'reissue in principle within N working days, photo spec, flat fee, agent, reissue rule',
    content: {
      name: { zh: '学生证补办', en: 'Student ID card reissue' },
      summary: { zh: '学生证遗失或严重损坏的，可申请补办。' },
      basis: [{ zh: '《本科生学籍管理规定》第四十二条' }, { zh: '《学生证管理办法》第五条' }],
      eligibility: { zh: '在籍全日制本科生、研究生' },
      applicantTypes: ['student'],
      steps: [
        { title: { zh: '网上提交补办申请' }, detail: { zh: '上传照片电子版' } },
        { title: { zh: '学院审核' } },
        { title: { zh: '到窗口领取新证' }, detail: { zh: '凭身份证领取' } },
      ],
      materials: [
        {
          key: 'application',
          name: { zh: '学生证补办申请表' },
          format: 'paper',
          originals: 1,
          copies: 0,
          note: { zh: '须学院盖章' },
        },
        {
          key: 'photo',
          name: { zh: '近期免冠彩色照片' },
          format: 'either',
          originals: 2,
          copies: 0,
          photoSpec: { zh: '一寸，白色背景，JPG 格式不小于 300 dpi' },
          isUploadRequired: true,
        },
      ],
      limit: { kind: 'working-days', days: 5, isInPrinciple: true },
      fee: { kind: 'flat', amountFen: 2000, label: { zh: '工本费' } },
      agent: { isAllowed: true, authorisation: { zh: '本人签名的委托书及受托人身份证原件' } },
      rules: [{ zh: '每学年限补办一次' }],
      reissueLimit: 1,
      contact: { phone: '020-87110001', place: { zh: '五山校区师生服务中心 3 号窗口' } },
    },
  },
  {
    label: 'on the spot, alternatives (one of), free',
    content: {
      name: { zh: '在读证明开具' },
      basis: [{ zh: '《学籍管理规定》第十条' }],
      eligibility: { zh: '在籍学生' },
      applicantTypes: ['student'],
      steps: [{ title: { zh: '窗口出示证件，当场打印盖章' } }],
      materials: [
        {
          key: 'student-card',
          name: { zh: '学生证' },
          originals: 1,
          alternativeGroup: 'identity',
        },
        {
          key: 'id-card',
          name: { zh: '居民身份证' },
          originals: 1,
          alternativeGroup: 'identity',
        },
        {
          key: 'passport',
          name: { zh: '护照' },
          originals: 1,
          alternativeGroup: 'identity',
          condition: { zh: '仅限外籍学生' },
        },
      ],
      limit: { kind: 'on-the-spot' },
      fee: { kind: 'free' },
    },
  },
  {
    label: 'working hours, per-copy fee',
    content: {
      name: { zh: '中文成绩单打印' },
      basis: [{ zh: '《成绩管理办法》第二十一条' }],
      eligibility: { zh: '在籍学生及毕业生' },
      applicantTypes: ['student', 'visitor'],
      steps: [{ title: { zh: '自助机或窗口申请' } }, { title: { zh: '领取' } }],
      materials: [
        {
          key: 'id',
          name: { zh: '身份证或学生证' },
          originals: 1,
          copies: 0,
        },
      ],
      limit: { kind: 'working-hours', hours: 4 },
      fee: { kind: 'per-copy', amountFen: 200, unit: { zh: '份' } },
    },
  },
  {
    label: 'no limit (after approval), condition, copies, lead time before an event',
    content: {
      name: { zh: '因公出国（境）审批' },
      basis: [{ zh: '《因公出国（境）管理办法》' }],
      eligibility: { zh: '在职教职工' },
      applicantTypes: ['teacher'],
      steps: [
        { title: { zh: '提交申请' } },
        { title: { zh: '所在单位审核' } },
        { title: { zh: '外事部门审批' } },
      ],
      materials: [
        {
          key: 'invitation',
          name: { zh: '邀请函' },
          format: 'either',
          originals: 1,
          copies: 2,
          note: { zh: '外文邀请函须附中文译文' },
        },
        {
          key: 'cadre-approval',
          name: { zh: '干部出国（境）审批表' },
          format: 'paper',
          originals: 1,
          copies: 0,
          condition: { zh: '仅限处级及以上干部' },
        },
      ],
      limit: { kind: 'none', note: { zh: '审批通过后通知' } },
      intake: { weekdays: [], months: [], leadWorkingDays: 15, note: { zh: '须在出访前提出' } },
    },
  },
  {
    label: 'foreign-facing, calendar days, tiered fee, fully bilingual',
    content: {
      name: {
        zh: '外国留学生居留许可延期',
        en: 'Residence permit extension for international students',
      },
      summary: {
        zh: '协助外国留学生办理居留许可延期。',
        en: 'Help for international students extending their residence permit.',
      },
      basis: [
        {
          zh: '《中华人民共和国外国人入境出境管理条例》第三十五条',
          en: 'Regulations on the Administration of the Entry and Exit of Foreigners, Art. 35',
        },
      ],
      eligibility: {
        zh: '在籍外国留学生，居留许可有效期届满前 30 日内',
        en: 'Enrolled international students within 30 days before their permit expires',
      },
      applicantTypes: ['student'],
      steps: [
        { title: { zh: '提交材料', en: 'Hand in the materials' } },
        { title: { zh: '学校出具证明', en: 'The university issues a letter' } },
        { title: { zh: '到出入境管理部门办理', en: 'Go to the exit-entry administration' } },
      ],
      materials: [
        {
          key: 'passport',
          name: { zh: '护照', en: 'Passport' },
          originals: 1,
          copies: 1,
        },
        {
          key: 'photo',
          name: { zh: '证件照片', en: 'Photo' },
          originals: 1,
          photoSpec: {
            zh: '48mm×33mm，白色背景，近6个月内拍摄',
            en: '48 mm × 33 mm, white background, taken within six months',
          },
        },
      ],
      limit: { kind: 'calendar-days', days: 15 },
      fee: {
        kind: 'tiered',
        tiers: [
          { label: { zh: '一年以内', en: 'Up to one year' }, amountFen: 40000 },
          { label: { zh: '一年以上三年以内', en: 'One to three years' }, amountFen: 80000 },
        ],
      },
      agent: {
        isAllowed: true,
        authorisation: { zh: '委托书', en: 'A letter of authorisation' },
      },
      contact: {
        phone: '020-87110002',
        place: { zh: '国际学生服务窗口', en: 'International student window' },
      },
    },
  },
  {
    label: 'a unit as applicant, certain weekdays, range of working days, composite fee',
    content: {
      name: { zh: '大型活动场地借用' },
      basis: [{ zh: '《校园公共场地管理办法》' }],
      eligibility: { zh: '校内各单位、经登记的学生社团' },
      applicantTypes: ['unit'],
      steps: [
        { title: { zh: '提交借用申请' } },
        { title: { zh: '保卫处安全审核' } },
        { title: { zh: '缴费并领取使用凭证' } },
      ],
      materials: [
        {
          key: 'plan',
          name: { zh: '活动方案' },
          format: 'electronic',
          originals: 1,
          copies: 0,
          isUploadRequired: true,
        },
        {
          key: 'safety-plan',
          name: { zh: '安全预案' },
          format: 'paper',
          originals: 1,
          copies: 1,
          condition: { zh: '仅限参加人数超过 200 人的活动' },
        },
      ],
      limit: { kind: 'working-days-range', minDays: 3, maxDays: 5 },
      fee: {
        kind: 'composite',
        parts: [
          { kind: 'flat', amountFen: 50000, label: { zh: '场地使用费' } },
          { kind: 'per-copy', amountFen: 10000, unit: { zh: '场' } },
        ],
      },
      intake: { weekdays: [2, 4], months: [], leadWorkingDays: 5 },
      agent: { isAllowed: true, authorisation: { zh: '单位介绍信' } },
    },
  },
  {
    label: 'intake only in certain months, working days, plain rule without a count',
    content: {
      name: { zh: '转专业申请' },
      basis: [{ zh: '《本科生转专业管理办法》第六条' }],
      eligibility: { zh: '一年级、二年级本科生' },
      applicantTypes: ['student'],
      steps: [
        { title: { zh: '提交申请' } },
        { title: { zh: '学院考核' } },
        { title: { zh: '公示' } },
      ],
      materials: [
        {
          key: 'application',
          name: { zh: '转专业申请表' },
          format: 'paper',
          originals: 1,
          copies: 0,
        },
      ],
      limit: { kind: 'working-days', days: 20, isInPrinciple: false },
      intake: { weekdays: [], months: [3, 9] },
      rules: [{ zh: '在校期间只能申请转专业一次' }],
    },
  },
];
