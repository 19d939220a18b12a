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
