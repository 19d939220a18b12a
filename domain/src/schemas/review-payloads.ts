import { z } from 'zod';

/**
 * What each kind hands to the review engine, checked by the engine at submit (ADR 0005). The
 * snapshots carry names beside codes so a review page shows them even after a code list changes.
 */
export const realnameReviewPayload = z.object({
  frontFileId: z.string(),
  backFileId: z.string(),
  handheldFileId: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
});
export type RealnameReviewPayload = z.infer<typeof realnameReviewPayload>;

const nullableText = z.string().nullable();

export const collectionReviewPayload = z.object({
  scope: nullableText,
  scopeName: nullableText,
  registration: z.object({ idType: z.string(), name: z.string(), sex: nullableText, birthDate: nullableText }),
  basic: z.looseObject({
    photoFileId: nullableText,
    politicalStatus: nullableText,
    ethnicity: nullableText,
    email: nullableText,
    address: nullableText,
    postcode: nullableText,
    extraIdType: nullableText,
    maskedExtraIdNumber: nullableText,
    identityProofFileId: nullableText,
  }),
  /** the entries as the applicant's API shows them, with names beside codes */
  education: z.array(z.looseObject({ id: z.string() })),
  work: z.array(z.looseObject({ id: z.string() })),
  department: z.object({ code: nullableText, path: z.array(z.object({ code: z.string(), name: z.string() })) }),
  certVerified: z.boolean(),
  certificate: z.object({ certNo: z.string(), level: z.string(), year: z.number(), issuer: z.string(), label: z.string() }).nullable(),
  flags: z.object({ creditCodeWarning: z.boolean(), chsiNotFound: z.boolean() }),
  notes: z.array(z.string()),
});
export type CollectionReviewPayload = z.infer<typeof collectionReviewPayload>;

/**
 * A 信息变更 item (every section): how it changes what (method, entry), the values to write on
 * approval (`data`, database values, never shown), and, beside them, the shown values of the section's
 * fields (CHANGE_FIELDS) that the review page and 变更记录 compare with `before`.
 */
export const changeReviewPayload = z.looseObject({
  method: z.enum(['modify', 'delete', 'add']),
  /** the entry changed or deleted, or the id the added entry will have */
  entryId: z.string().nullable(),
  /** 教育经历：山东大学, 工作经历：北京长安商贸有限公司; null for 基本信息 and 采集范围 */
  subject: z.string().nullable(),
  applicantName: z.string(),
  /** manual review (人工审核) rather than decided by the system at submit */
  manual: z.boolean(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangeReviewPayload = z.infer<typeof changeReviewPayload>;

const transferPlace = z.object({ code: z.string(), name: z.string(), path: z.string() });

/** A 属地关系调转: the reason with its shown details, from where to where, and the proof. */
export const transferReviewPayload = z.object({
  reason: z.enum(['work', 'school', 'residence']),
  reasonName: z.string(),
  applicantName: z.string(),
  from: transferPlace,
  to: transferPlace,
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  proofFileId: z.string(),
});
export type TransferReviewPayload = z.infer<typeof transferReviewPayload>;

/** A 奖惩 item: what it is, who granted or imposed it, the document, and who recorded it. */
export const honorReviewPayload = z.object({
  type: z.enum(['reward', 'penalty']),
  typeName: z.string(),
  title: z.string(),
  authority: z.string(),
  date: z.string(),
  documentNo: z.string().nullable(),
  description: z.string().nullable(),
  documentFileId: z.string().nullable(),
  recordedBy: z.enum(['self', 'department']),
  applicantName: z.string(),
});
export type HonorReviewPayload = z.infer<typeof honorReviewPayload>;
