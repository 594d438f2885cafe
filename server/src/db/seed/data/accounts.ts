import type { ApplicantKind, Role } from '../../../platform/auth/schema.js';
import type { CampusId, UnitCode } from './org.js';

/** Every demo account signs in with this password; it meets the default policy. */
export const demoPassword = 'Demo@2026';

export interface AccountSeed {
  username: string;
  displayName: string;
  role: Role;
  applicantKind?: ApplicantKind;
  unitCode?: UnitCode;
  /** The window the person works at, by hall and window number. */
  window?: { campusId: CampusId; number: number };
  email: string;
  phone: string;
  /** Fake identity-card numbers with a valid check digit, for the masking to show on. */
  idCard: string;
  note: string;
}

export const accountSeeds: AccountSeed[] = [
  {
    username: 'admin',
    displayName: '黄文涛',
    role: 'center-admin',
    email: 'admin@scut.edu.cn',
    phone: '13802400101',
    idCard: '440106197503023114',
    note: '系统管理员 system administrator of the center',
  },
  {
    username: 'center',
    displayName: '刘慧敏',
    role: 'center',
    email: 'fwzx@scut.edu.cn',
    phone: '13802400102',
    idCard: '440104198507063529',
    note: '师生服务中心 center manager',
  },
  {
    username: 'auditor',
    displayName: '郑国华',
    role: 'auditor',
    email: 'zhenggh@scut.edu.cn',
    phone: '13802400103',
    idCard: '44010619780315241X',
    note: '校领导（只读） school leadership, read-only',
  },
  {
    username: 'jw-admin',
    displayName: '何卫东',
    role: 'unit-admin',
    unitCode: 'jw',
    email: 'hewd@scut.edu.cn',
    phone: '13926001201',
    idCard: '440105198911085718',
    note: '本科生院分管领导 supervisor, academic affairs',
  },
  {
    username: 'jw-lead',
    displayName: '梁淑芬',
    role: 'window-lead',
    unitCode: 'jw',
    window: { campusId: 'wushan', number: 1 },
    email: 'liangsf@scut.edu.cn',
    phone: '13926001202',
    idCard: '440104198209114068',
    note: '本科生院窗口负责人 window lead, Wushan',
  },
  {
    username: 'jw-staff1',
    displayName: '陈嘉怡',
    role: 'staff',
    unitCode: 'jw',
    window: { campusId: 'wushan', number: 1 },
    email: 'chenjy@scut.edu.cn',
    phone: '13926001203',
    idCard: '440106199204172848',
    note: '本科生院窗口 staff, Wushan window 1',
  },
  {
    username: 'jw-staff2',
    displayName: '吴俊杰',
    role: 'staff',
    unitCode: 'jw',
    window: { campusId: 'wushan', number: 2 },
    email: 'wujj@scut.edu.cn',
    phone: '13926001204',
    idCard: '440111198809301610',
    note: '本科生院窗口 staff, Wushan window 2',
  },
  {
    username: 'cw-staff',
    displayName: '张丽萍',
    role: 'staff',
    unitCode: 'cw',
    window: { campusId: 'wushan', number: 5 },
    email: 'zhanglp@scut.edu.cn',
    phone: '13926001205',
    idCard: '440304199106237327',
    note: '财务处窗口 staff, finance, Wushan',
  },
  {
    username: 'gj-staff',
    displayName: '罗思远',
    role: 'staff',
    unitCode: 'gj',
    window: { campusId: 'gz-international', number: 3 },
    email: 'luosy@scut.edu.cn',
    phone: '13926001206',
    idCard: '440106198708240950',
    note: '国际处窗口 staff, international office, GZIC',
  },
  {
    username: 'yjs-staff',
    displayName: '谢婉婷',
    role: 'staff',
    unitCode: 'yjs',
    window: { campusId: 'wushan', number: 3 },
    email: 'xiewt@scut.edu.cn',
    phone: '13926001207',
    idCard: '440511199307182646',
    note: '研究生院窗口 staff, graduate school, Wushan',
  },
  // Leads of the units that take part in joint items, so a joint case can be signed off.
  {
    username: 'gj-lead',
    displayName: '陈建国',
    role: 'window-lead',
    unitCode: 'gj',
    window: { campusId: 'gz-international', number: 3 },
    email: 'chenjg@scut.edu.cn',
    phone: '13926001208',
    idCard: '440106198503122037',
    note: '国际处窗口负责人 window lead, international office, GZIC',
  },
  {
    username: 'cw-lead',
    displayName: '黄志强',
    role: 'window-lead',
    unitCode: 'cw',
    window: { campusId: 'wushan', number: 5 },
    email: 'huangzq@scut.edu.cn',
    phone: '13926001209',
    idCard: '440106197909251141',
    note: '财务处窗口负责人 window lead, finance (joint sign-off)',
  },
  {
    username: 'rs-lead',
    displayName: '林晓峰',
    role: 'window-lead',
    unitCode: 'rs',
    window: { campusId: 'wushan', number: 6 },
    email: 'linxf@scut.edu.cn',
    phone: '13926001210',
    idCard: '440304198207163318',
    note: '人事处窗口负责人 window lead, personnel (joint sign-off)',
  },
  {
    username: 'xg-lead',
    displayName: '郑雅文',
    role: 'window-lead',
    unitCode: 'xg',
    window: { campusId: 'wushan', number: 4 },
    email: 'zhengyw@scut.edu.cn',
    phone: '13926001211',
    idCard: '440511199002141528',
    note: '学生工作部窗口负责人 window lead, student affairs (joint sign-off)',
  },
  {
    username: 'bw-lead',
    displayName: '何伟明',
    role: 'window-lead',
    unitCode: 'bw',
    window: { campusId: 'wushan', number: 8 },
    email: 'heweiming@scut.edu.cn',
    phone: '13926001212',
    idCard: '440106198605032761',
    note: '保卫处窗口负责人 window lead, security (joint sign-off)',
  },
  {
    username: 'student',
    displayName: '李明轩',
    role: 'applicant',
    applicantKind: 'student',
    email: '202130481234@mail.scut.edu.cn',
    phone: '13760881234',
    idCard: '440113200309125035',
    note: '本科生 student, 机械与汽车工程学院',
  },
  {
    username: 'teacher',
    displayName: '王雪梅',
    role: 'applicant',
    applicantKind: 'teacher',
    email: 'wangxm@scut.edu.cn',
    phone: '13609015678',
    idCard: '44010619800221462X',
    note: '教师 teacher, 化学与化工学院',
  },
  {
    username: 'visitor',
    displayName: '林晓燕',
    role: 'applicant',
    applicantKind: 'visitor',
    email: 'linxiaoyan@example.com',
    phone: '15920339876',
    idCard: '440106199605123588',
    note: '校外人员（校友） visitor, alumna',
  },
];
