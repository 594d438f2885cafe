/** The three campuses, their halls, the window units and the windows of the demo. */

export const campusSeeds = [
  { id: 'wushan', nameZh: '五山校区', nameEn: 'Wushan Campus' },
  {
    id: 'university-town',
    nameZh: '大学城校区',
    nameEn: 'Higher Education Mega Center Campus',
  },
  { id: 'gz-international', nameZh: '广州国际校区', nameEn: 'Guangzhou International Campus' },
] as const;

export type CampusId = (typeof campusSeeds)[number]['id'];

export interface HallSeed {
  campusId: CampusId;
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
}

export const hallSeeds: HallSeed[] = [
  {
    campusId: 'wushan',
    nameZh: '师生服务中心五山办事大厅',
    nameEn: 'Service Center Hall, Wushan',
    addressZh: '广州市天河区五山路381号 华南理工大学五山校区行政办公楼一楼',
    addressEn:
      'Ground floor, Administration Building, Wushan Campus, 381 Wushan Road, Tianhe District, Guangzhou',
  },
  {
    campusId: 'university-town',
    nameZh: '师生服务中心大学城办事大厅',
    nameEn: 'Service Center Hall, Higher Education Mega Center',
    addressZh: '广州市番禺区广州大学城外环东路382号 华南理工大学大学城校区B4栋一楼',
    addressEn:
      'Ground floor, Building B4, Higher Education Mega Center Campus, 382 Waihuan East Road, Panyu District, Guangzhou',
  },
  {
    campusId: 'gz-international',
    nameZh: '师生服务中心广州国际校区办事大厅',
    nameEn: 'Service Center Hall, Guangzhou International Campus',
    addressZh: '广州市番禺区南村镇兴业大道东777号 华南理工大学广州国际校区A1栋一楼',
    addressEn:
      'Ground floor, Building A1, Guangzhou International Campus, 777 Xingye Avenue East, Nancun, Panyu District, Guangzhou',
  },
];

export interface UnitSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  phone: string;
}

export const unitSeeds = [
  {
    code: 'jw',
    nameZh: '本科生院（教务处）',
    nameEn: 'Undergraduate School (Office of Academic Affairs)',
    phone: '020-87110601',
  },
  { code: 'yjs', nameZh: '研究生院', nameEn: 'Graduate School', phone: '020-87110612' },
  {
    code: 'xg',
    nameZh: '学生工作部（处）',
    nameEn: 'Office of Student Affairs',
    phone: '020-87110623',
  },
  { code: 'cw', nameZh: '财务处', nameEn: 'Finance Office', phone: '020-87110634' },
  { code: 'rs', nameZh: '人事处', nameEn: 'Human Resources Office', phone: '020-87110645' },
  {
    code: 'gj',
    nameZh: '国际交流与合作处',
    nameEn: 'Office of International Relations',
    phone: '020-87110656',
  },
  { code: 'bw', nameZh: '保卫处', nameEn: 'Security Office', phone: '020-87110667' },
  { code: 'yy', nameZh: '校医院', nameEn: 'University Hospital', phone: '020-87110678' },
  { code: 'tsg', nameZh: '图书馆', nameEn: 'University Library', phone: '020-87110689' },
  {
    code: 'hq',
    nameZh: '后勤保障部',
    nameEn: 'Logistics Support Department',
    phone: '020-87110690',
  },
  { code: 'xx', nameZh: '信息网络中心', nameEn: 'Network and Information Center', phone: '020-87110701' },
  { code: 'da', nameZh: '档案馆', nameEn: 'University Archives', phone: '020-87110712' },
  {
    code: 'xb',
    nameZh: '党委办公室（学校办公室）',
    nameEn: 'General Office of the University',
    phone: '020-87110723',
  },
  {
    code: 'tw',
    nameZh: '校团委',
    nameEn: 'Communist Youth League Committee',
    phone: '020-87110734',
  },
  { code: 'xyh', nameZh: '校友总会', nameEn: 'Alumni Association', phone: '020-87110745' },
] as const satisfies readonly UnitSeed[];

export type UnitCode = (typeof unitSeeds)[number]['code'];

export interface WindowSeed {
  campusId: CampusId;
  number: number;
  unitCode: UnitCode;
  nameZh: string;
  nameEn: string;
  phone: string;
}

function window(
  campusId: CampusId,
  number: number,
  unitCode: UnitCode,
  nameZh: string,
  nameEn: string,
  phone: string,
): WindowSeed {
  return { campusId, number, unitCode, nameZh, nameEn, phone };
}

/** Several units keep windows on more than one campus; numbers run per hall. */
export const windowSeeds: WindowSeed[] = [
  window('wushan', 1, 'jw', '教务业务窗口（一）', 'Academic Affairs Window 1', '020-87110602'),
  window('wushan', 2, 'jw', '教务业务窗口（二）', 'Academic Affairs Window 2', '020-87110603'),
  window('wushan', 3, 'yjs', '研究生业务窗口', 'Graduate Affairs Window', '020-87110613'),
  window('wushan', 4, 'xg', '学生事务窗口', 'Student Affairs Window', '020-87110624'),
  window('wushan', 5, 'cw', '财务报账窗口', 'Finance Window', '020-87110635'),
  window('wushan', 6, 'rs', '人事业务窗口', 'Human Resources Window', '020-87110646'),
  window('wushan', 7, 'gj', '国际事务窗口', 'International Affairs Window', '020-87110657'),
  window('wushan', 8, 'bw', '户籍业务窗口', 'Household Registration Window', '020-87110668'),
  window('wushan', 9, 'yy', '医保体检窗口', 'Medical Window', '020-87110679'),
  window('wushan', 10, 'tsg', '图书馆服务窗口', 'Library Window', '020-87110680'),
  window('wushan', 11, 'hq', '后勤服务窗口', 'Logistics Window', '020-87110691'),
  window('wushan', 12, 'xx', '网络与校园卡窗口', 'Network and Campus Card Window', '020-87110702'),
  window('wushan', 13, 'da', '档案服务窗口', 'Archives Window', '020-87110713'),
  window('wushan', 14, 'xb', '用印服务窗口', 'Seal Window', '020-87110724'),
  window('university-town', 1, 'jw', '教务业务窗口', 'Academic Affairs Window', '020-39380601'),
  window('university-town', 2, 'yjs', '研究生业务窗口', 'Graduate Affairs Window', '020-39380612'),
  window('university-town', 3, 'xg', '学生事务窗口', 'Student Affairs Window', '020-39380623'),
  window('university-town', 4, 'cw', '财务报账窗口', 'Finance Window', '020-39380634'),
  window('university-town', 5, 'bw', '户籍业务窗口', 'Household Registration Window', '020-39380667'),
  window('university-town', 6, 'yy', '医保体检窗口', 'Medical Window', '020-39380678'),
  window('university-town', 7, 'hq', '后勤服务窗口', 'Logistics Window', '020-39380690'),
  window(
    'university-town',
    8,
    'xx',
    '网络与校园卡窗口',
    'Network and Campus Card Window',
    '020-39380701',
  ),
  window('gz-international', 1, 'jw', '教务业务窗口', 'Academic Affairs Window', '020-81890601'),
  window('gz-international', 2, 'cw', '财务报账窗口', 'Finance Window', '020-81890634'),
  window(
    'gz-international',
    3,
    'gj',
    '国际事务窗口',
    'International Affairs Window',
    '020-81890656',
  ),
  window(
    'gz-international',
    4,
    'xx',
    '网络与校园卡窗口',
    'Network and Campus Card Window',
    '020-81890701',
  ),
];
