import type { CodeTreeNode } from './code-lists';

export const MAJOR_VERSION =
  '普通高等学校本科专业目录（2024年）；研究生教育学科专业目录（2022年）；职业教育专业目录（2021年）';

const leaves = (...items: ReadonlyArray<readonly [string, string]>): ReadonlyArray<CodeTreeNode> =>
  items.map(([code, name]) => ({ code, name }));

/**
 * 所学专业 as a cascader: 学科门类 → 专业类 → 专业. The 本科 branches (01–13) carry the catalogue's
 * own codes, K and T suffixes included. Other branches: the 研究生 专业学位 categories under
 * "PG" + 门类, and the 职业教育 财经商贸 groups under their catalogue codes (53 高职专科 2021,
 * 63 高职专科 2015 — many diplomas still say 会计 —, 73 中职). 99 is the catch-all. Codes are never
 * reused: a renamed major gets a new code and the old one stays for old records.
 */
export const MAJORS: ReadonlyArray<CodeTreeNode> = [
  { code: '01', name: '哲学', children: [
    { code: '0101', name: '哲学类', children: leaves(['010101', '哲学'], ['010102', '逻辑学'], ['010103K', '宗教学']) },
  ] },
  { code: '02', name: '经济学', children: [
    { code: '0201', name: '经济学类', children: leaves(
      ['020101', '经济学'], ['020102', '经济统计学'], ['020103T', '国民经济管理'],
      ['020104T', '资源与环境经济学'], ['020105T', '商务经济学'], ['020109T', '数字经济'],
    ) },
    { code: '0202', name: '财政学类', children: leaves(['020201K', '财政学'], ['020202', '税收学']) },
    { code: '0203', name: '金融学类', children: leaves(
      ['020301K', '金融学'], ['020302', '金融工程'], ['020303', '保险学'], ['020304', '投资学'],
      ['020305T', '金融数学'], ['020306T', '信用管理'], ['020307T', '经济与金融'], ['020310T', '金融科技'],
    ) },
    { code: '0204', name: '经济与贸易类', children: leaves(['020401', '国际经济与贸易'], ['020402', '贸易经济']) },
  ] },
  { code: '03', name: '法学', children: [
    { code: '0301', name: '法学类', children: leaves(['030101K', '法学'], ['030102T', '知识产权']) },
    { code: '0302', name: '政治学类', children: leaves(['030201', '政治学与行政学'], ['030202', '国际政治']) },
    { code: '0303', name: '社会学类', children: leaves(['030301', '社会学'], ['030302', '社会工作']) },
    { code: '0305', name: '马克思主义理论类', children: leaves(['030503', '思想政治教育']) },
  ] },
  { code: '04', name: '教育学', children: [
    { code: '0401', name: '教育学类', children: leaves(
      ['040101', '教育学'], ['040104', '教育技术学'], ['040106', '学前教育'], ['040107', '小学教育'],
    ) },
    { code: '0402', name: '体育学类', children: leaves(['040201', '体育教育'], ['040203', '社会体育指导与管理']) },
  ] },
  { code: '05', name: '文学', children: [
    { code: '0501', name: '中国语言文学类', children: leaves(['050101', '汉语言文学'], ['050102', '汉语言'], ['050107T', '秘书学']) },
    { code: '0502', name: '外国语言文学类', children: leaves(
      ['050201', '英语'], ['050207', '日语'], ['050261', '翻译'], ['050262', '商务英语'],
    ) },
    { code: '0503', name: '新闻传播学类', children: leaves(['050301', '新闻学'], ['050302', '广播电视学'], ['050303', '广告学']) },
  ] },
  { code: '06', name: '历史学', children: [
    { code: '0601', name: '历史学类', children: leaves(['060101', '历史学'], ['060102', '世界史'], ['060103', '考古学']) },
  ] },
  { code: '07', name: '理学', children: [
    { code: '0701', name: '数学类', children: leaves(['070101', '数学与应用数学'], ['070102', '信息与计算科学']) },
    { code: '0702', name: '物理学类', children: leaves(['070201', '物理学']) },
    { code: '0703', name: '化学类', children: leaves(['070301', '化学']) },
    { code: '0711', name: '心理学类', children: leaves(['071101', '心理学'], ['071102', '应用心理学']) },
    { code: '0712', name: '统计学类', children: leaves(['071201', '统计学'], ['071202', '应用统计学']) },
  ] },
  { code: '08', name: '工学', children: [
    { code: '0802', name: '机械类', children: leaves(['080202', '机械设计制造及其自动化']) },
    { code: '0806', name: '电气类', children: leaves(['080601', '电气工程及其自动化']) },
    { code: '0807', name: '电子信息类', children: leaves(['080701', '电子信息工程'], ['080703', '通信工程'], ['080717T', '人工智能']) },
    { code: '0809', name: '计算机类', children: leaves(
      ['080901', '计算机科学与技术'], ['080902', '软件工程'], ['080903', '网络工程'], ['080910T', '数据科学与大数据技术'],
    ) },
    { code: '0810', name: '土木类', children: leaves(['081001', '土木工程']) },
  ] },
  { code: '09', name: '农学', children: [
    { code: '0901', name: '植物生产类', children: leaves(['090101', '农学'], ['090102', '园艺']) },
    { code: '0903', name: '动物生产类', children: leaves(['090301', '动物科学']) },
    { code: '0905', name: '林学类', children: leaves(['090501', '林学']) },
  ] },
  { code: '10', name: '医学', children: [
    { code: '1002', name: '临床医学类', children: leaves(['100201K', '临床医学']) },
    { code: '1007', name: '药学类', children: leaves(['100701', '药学']) },
    { code: '1011', name: '护理学类', children: leaves(['101101K', '护理学']) },
  ] },
  { code: '12', name: '管理学', children: [
    { code: '1201', name: '管理科学与工程类', children: leaves(
      ['120101', '管理科学'], ['120102', '信息管理与信息系统'], ['120103', '工程管理'],
      ['120105', '工程造价'], ['120108T', '大数据管理与应用'],
    ) },
    { code: '1202', name: '工商管理类', children: leaves(
      ['120201K', '工商管理'], ['120202', '市场营销'], ['120203K', '会计学'], ['120204', '财务管理'],
      ['120205', '国际商务'], ['120206', '人力资源管理'], ['120207', '审计学'], ['120208', '资产评估'],
      ['120209', '物业管理'], ['120210', '文化产业管理'], ['120213T', '财务会计教育'],
    ) },
    { code: '1203', name: '农业经济管理类', children: leaves(['120301', '农林经济管理']) },
    { code: '1204', name: '公共管理类', children: leaves(
      ['120401', '公共事业管理'], ['120402', '行政管理'], ['120403', '劳动与社会保障'],
      ['120404', '土地资源管理'], ['120405', '城市管理'],
    ) },
    { code: '1206', name: '物流管理与工程类', children: leaves(['120601', '物流管理']) },
    { code: '1208', name: '电子商务类', children: leaves(['120801', '电子商务']) },
    { code: '1209', name: '旅游管理类', children: leaves(['120901K', '旅游管理'], ['120902', '酒店管理']) },
  ] },
  { code: '13', name: '艺术学', children: [
    { code: '1302', name: '音乐与舞蹈学类', children: leaves(['130202', '音乐学']) },
    { code: '1304', name: '美术学类', children: leaves(['130401', '美术学']) },
    { code: '1305', name: '设计学类', children: leaves(['130502', '视觉传达设计'], ['130503', '环境设计']) },
  ] },
  // 研究生教育学科专业目录: the academic disciplines people write on their diplomas (会计学 under 工商管理)
  { code: 'PA', name: '研究生学术学位', children: [
    { code: 'PA0202', name: '应用经济学', children: leaves(['020203', '财政学（含：税收学）'], ['020204', '金融学（含：保险学）'], ['020205', '产业经济学'], ['020206', '国际贸易学']) },
    { code: 'PA1202', name: '工商管理', children: leaves(['PA120201', '会计学'], ['PA120202', '企业管理（含：财务管理、市场营销、人力资源管理）'], ['PA120203', '旅游管理'], ['PA120204', '技术经济及管理']) },
    { code: 'PA1201', name: '管理科学与工程', children: leaves(['PA120100', '管理科学与工程']) },
  ] },
  { code: 'PG', name: '研究生专业学位', children: [
    { code: 'PG02', name: '经济学', children: leaves(
      ['0251', '金融'], ['0253', '税务'], ['0254', '国际商务'], ['0255', '保险'], ['0256', '资产评估'], ['0257', '审计'],
    ) },
    { code: 'PG12', name: '管理学', children: leaves(['1251', '工商管理'], ['1252', '公共管理'], ['1253', '会计']) },
  ] },
  { code: '53', name: '财经商贸大类（高职专科）', children: [
    { code: '5301', name: '财政税务类', children: leaves(['530101', '财税大数据应用'], ['530102', '资产评估与管理'], ['530103', '政府采购管理']) },
    { code: '5302', name: '金融类', children: leaves(['530201', '金融服务与管理'], ['530202', '金融科技应用']) },
    { code: '5303', name: '财务会计类', children: leaves(
      ['530301', '大数据与财务管理'], ['530302', '大数据与会计'], ['530303', '大数据与审计'], ['530304', '会计信息管理'],
    ) },
    { code: '5304', name: '统计类', children: leaves(['530401', '统计与大数据分析'], ['530402', '统计与会计核算']) },
    { code: '5305', name: '经济贸易类', children: leaves(['530501', '国际经济与贸易']) },
    { code: '5306', name: '工商管理类', children: leaves(['530601', '工商企业管理']) },
    { code: '5307', name: '电子商务类', children: leaves(['530701', '电子商务']) },
    { code: '5308', name: '物流类', children: leaves(['530802', '现代物流管理']) },
  ] },
  { code: '63', name: '财经商贸大类（高职专科，2015年目录）', children: [
    { code: '6303', name: '财务会计类', children: leaves(
      ['630301', '财务管理'], ['630302', '会计'], ['630303', '审计'], ['630304', '会计信息管理'],
    ) },
  ] },
  // names of older catalogues still printed on diplomas (高职高专 2004, 普通本科 1998)
  { code: 'OL', name: '原专业名称（旧目录）', children: [
    { code: 'OL62', name: '财经大类（高职高专，2004年目录）', children: leaves(['620203', '会计'], ['620204', '会计电算化'], ['620205', '财务会计'], ['620206', '财务信息管理'], ['620202', '财务管理'], ['620207', '审计实务']) },
    { code: 'OL11', name: '管理学（本科，1998年目录）', children: leaves(['110203', '会计学'], ['110204', '财务管理']) },
  ] },
  { code: '73', name: '财经商贸大类（中职）', children: [
    { code: '7303', name: '财务会计类', children: leaves(['730301', '会计事务']) },
  ] },
  { code: '99', name: '其他', children: [
    { code: '9999', name: '其他', children: leaves(['999999', '其他专业']) },
  ] },
];

/**
 * The 会计 majors: 会计、财务管理、审计 and their 专科/中职/研究生 counterparts. Rules that speak of
 * "会计类专业" (e.g. 继续教育 学历（学位）credits) read this list, so it is data, not a name match.
 */
export const ACCOUNTING_MAJOR_CODES: ReadonlyArray<string> = [
  '120203K', '120204', '120207', '120213T',
  '1253', '0257',
  '530301', '530302', '530303', '530304', '530402',
  '630301', '630302', '630303', '630304',
  '730301',
  'PA120201', '620203', '620204', '620205', '620206', '620202', '620207', '110203', '110204',
];

interface Indexed {
  path: ReadonlyArray<string>;
  leaf: boolean;
}

function indexTree(nodes: ReadonlyArray<CodeTreeNode>, parents: ReadonlyArray<string>, into: Map<string, Indexed>): void {
  for (const node of nodes) {
    const path = [...parents, node.name];
    const children = node.children ?? [];
    into.set(node.code, { path, leaf: children.length === 0 });
    indexTree(children, path, into);
  }
}

const index = new Map<string, Indexed>();
indexTree(MAJORS, [], index);
const accounting = new Set(ACCOUNTING_MAJOR_CODES);

/** Names from the 学科门类 down to `code`, e.g. ['管理学', '工商管理类', '会计学']. */
export function findMajorPath(code: string): ReadonlyArray<string> | undefined {
  return index.get(code)?.path;
}

/** Only a 专业 (a leaf) can be stored on an education record. */
export function isMajorLeaf(code: string): boolean {
  return index.get(code)?.leaf === true;
}

export function isAccountingRelated(code: string): boolean {
  return accounting.has(code);
}
