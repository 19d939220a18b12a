import { z } from 'zod';
import { REVIEW_STATUSES } from '../workflow/review';
import { honorReviewPayload } from './review-payloads';

/**
 * 奖惩信息: rewards (e.g. 先进会计工作者) and penalties (under the 会计法) on a person's record. The
 * accountant applies with the document and the department reviews; a department records one
 * directly with its document (approved as it is recorded).
 */
export const HONOR_TYPES = [
  { code: 'reward', name: '奖励' },
  { code: 'penalty', name: '惩戒' },
] as const;
export type HonorType = (typeof HONOR_TYPES)[number]['code'];
export const honorTypeName = (code: string): string => HONOR_TYPES.find((t) => t.code === code)?.name ?? code;

const date = z.string({ error: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const text = (label: string, max: number) => z.string({ error: `请输入${label}` }).trim().min(1, `请输入${label}`).max(max, `${label}不能超过${max}个字`);

export const honorRequest = z
  .object({
    type: z.enum(['reward', 'penalty'], { error: '请选择奖惩类型' }),
    /** 先进会计工作者, 警告并罚款 … */
    title: text('奖惩名称', 100),
    /** the body that granted or imposed it */
    authority: text('授予或作出机关', 100),
    date,
    documentNo: z.string().trim().max(60, '文号不能超过60个字').nullable().optional(),
    description: z.string().trim().max(500, '说明不能超过500字').nullable().optional(),
    documentFileId: z.string({ error: '请上传奖惩文件' }).min(1, '请上传奖惩文件').max(64),
  })
  .strict();
export type HonorRequest = z.infer<typeof honorRequest>;

/** One 奖惩 as the person and the department see it: what was submitted, and where it stands. */
export const honorRecord = honorReviewPayload.omit({ applicantName: true }).extend({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  submittedAt: z.string(),
  decisionNote: z.string().nullable(),
});
export type HonorRecord = z.infer<typeof honorRecord>;

export const honorsResponse = z.object({
  /** applying needs an approved collection: the department it is sent to */
  allowed: z.boolean(),
  records: z.array(honorRecord),
});
export type HonorsState = z.infer<typeof honorsResponse>;

/**
 * A department records one directly (the approval is the recording): its document named by 文号, and
 * the document itself when the department uploads it to the person's archive.
 */
export const departmentHonorRequest = honorRequest
  .omit({ documentFileId: true })
  .extend({
    documentNo: z.string({ error: '请输入文号' }).trim().min(1, '请输入文号').max(60, '文号不能超过60个字'),
    documentFileId: z.string().max(64).nullable().optional(),
  })
  .strict();
export type DepartmentHonorRequest = z.infer<typeof departmentHonorRequest>;
