import { z } from 'zod';
import { REVIEW_STATUSES } from '../workflow/review';

/**
 * 会计人员属地关系调转 (guide §5): a person moves to another 会计管理部门 for one of three reasons, with
 * the details of the reason and one proof image; the receiving department decides.
 */

export const TRANSFER_REASONS = [
  { code: 'work', name: '工作单位所在地变动', proofHint: '工作单位类调档上传调入单位的统一社会信用代码证或工作单位证明' },
  { code: 'school', name: '学籍所在地变动', proofHint: '学校类调档上传录取通知书、学生证或其他学习证明' },
  { code: 'residence', name: '户籍所在地或居住地变动', proofHint: '户籍类调档上传身份证、户籍证明或居住证明' },
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number]['code'];
export const TRANSFER_REASON_CODES = TRANSFER_REASONS.map((r) => r.code) as [TransferReason, ...TransferReason[]];
export const transferReasonName = (code: string): string => TRANSFER_REASONS.find((r) => r.code === code)?.name ?? code;

/** 档案方式 of a student's transfer: where the person's archive is kept while studying. */
export const ARCHIVE_MODES = [
  { code: '1', name: '档案随学籍转入学校' },
  { code: '2', name: '档案存放于人才服务机构' },
  { code: '3', name: '档案存放于原工作单位或其他机构' },
] as const;
export const ARCHIVE_MODE_CODES = ARCHIVE_MODES.map((m) => m.code) as [string, ...string[]];

export const TRANSFER_PROOF_NOTE = '证明文件为大图扫描件，小于200KB，附件类型为JPG、JPEG、PNG，多条证明的需合并到一张图片中';

const date = z.string({ error: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const text = (label: string, max: number) => z.string({ error: `请输入${label}` }).trim().min(1, `请输入${label}`).max(max, `${label}不能超过${max}个字`);
const departmentCode = z.string({ error: '请选择调入会计管理机构' }).regex(/^\d{6}$/, '请选择调入会计管理机构');
const proofFileId = z.string({ error: '请上传证明材料' }).min(1, '请上传证明材料').max(64);

/** 调转申请: the reason's own fields, the receiving department and the proof. */
export const transferRequest = z.discriminatedUnion('reason', [
  z
    .object({
      reason: z.literal('work'),
      companyName: text('调入单位名称', 100),
      creditCode: text('调入单位统一社会信用代码', 30),
      unitType: z.string({ error: '请选择调入单位经济类型' }).max(8),
      industry: z.string({ error: '请选择调入单位所属行业' }).max(2),
      address: text('调入单位地址', 200),
      phone: z.string().trim().regex(/^[\d\-+() ]{5,20}$/, '调入单位电话格式不正确').or(z.literal('')).nullable().optional(),
      startDate: date,
      toDepartmentCode: departmentCode,
      proofFileId,
    })
    .strict(),
  z
    .object({
      reason: z.literal('school'),
      schoolName: text('调入学校名称', 100),
      majorCode: z.string({ error: '请选择所学专业' }).max(12),
      archiveMode: z.enum(ARCHIVE_MODE_CODES, { error: '请选择档案方式' }),
      enrolDate: date,
      toDepartmentCode: departmentCode,
      proofFileId,
    })
    .strict(),
  z.object({ reason: z.literal('residence'), toDepartmentCode: departmentCode, proofFileId }).strict(),
]);
export type TransferRequest = z.infer<typeof transferRequest>;

/** 退回补正: a better proof for the same application. */
export const transferResubmitRequest = z.object({ proofFileId }).strict();

const place = z.object({ code: z.string(), name: z.string(), path: z.string() });

/** One row of 调转信息. */
export const transferRecord = z.object({
  id: z.string(),
  reason: z.enum(TRANSFER_REASON_CODES),
  reasonName: z.string(),
  /** 调出省市县 / 调入省市县 */
  from: place,
  to: place,
  /** 调出时间: when the receiving department approved it */
  transferredAt: z.string().nullable(),
  submittedAt: z.string(),
  status: z.enum(REVIEW_STATUSES),
  decisionNote: z.string().nullable(),
  proofFileId: z.string(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type TransferRecord = z.infer<typeof transferRecord>;

export const transfersResponse = z.object({
  /** the department the person belongs to now */
  current: place.nullable(),
  /** why a new 调转申请 would be refused now (the guide's rules), or null */
  blocked: z.string().nullable(),
  records: z.array(transferRecord),
});
export type TransfersState = z.infer<typeof transfersResponse>;

export const transferParams = z.object({ id: z.string().max(64) }).strict();
