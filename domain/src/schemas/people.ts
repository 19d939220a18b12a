import { z } from 'zod';
import { COLLECTION_SCOPE_CODES } from '../codes/accounting';
import { COLLECTION_STATUSES, collectionResponse } from './collection';
import { honorRecord } from './honors';
import { transferRecord } from './transfers';

/** 人员查询 (management): the people whose archive a department holds, and one person's archive. */
export const peopleQuery = z
  .object({
    /** name (part) or a full document number */
    q: z.string().trim().max(30).optional(),
    status: z.enum(COLLECTION_STATUSES).optional(),
    scope: z.enum(COLLECTION_SCOPE_CODES).optional(),
    /** 提交日期 range, Beijing days */
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type PeopleQuery = z.infer<typeof peopleQuery>;

export const personListItem = z.object({
  accountId: z.string(),
  name: z.string(),
  maskedIdNumber: z.string(),
  phoneTail: z.string(),
  status: z.enum(COLLECTION_STATUSES),
  scopeName: z.string().nullable(),
  departmentName: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type PersonListItem = z.infer<typeof personListItem>;

export const peopleResponse = z.object({ items: z.array(personListItem), nextCursor: z.string().nullable() });

export const personParams = z.object({ accountId: z.string().max(64) }).strict();

/** One person's archive as a department sees it (masked like everywhere; the read is audited). */
export const personArchiveResponse = z.object({
  collection: collectionResponse,
  honors: z.array(honorRecord),
  transfers: z.array(transferRecord),
  /** every item of the person's, newest first; `readable`: the department may open it (items decided before a 调转 open at the department that decided them) */
  history: z.array(z.object({ id: z.string(), kindLabel: z.string(), status: z.string(), submittedAt: z.string(), departmentName: z.string(), readable: z.boolean() })),
});
export type PersonArchive = z.infer<typeof personArchiveResponse>;

/** 人员查询's counts per department and collection status, from the summary the collection-counts job refreshes. */
export const peopleStatsResponse = z.object({
  /** when the counts were last refreshed (every minute); null before the first run */
  asOf: z.string().nullable(),
  items: z.array(z.object({ departmentCode: z.string(), departmentName: z.string(), status: z.enum(COLLECTION_STATUSES), count: z.number() })),
});
export type PeopleStats = z.infer<typeof peopleStatsResponse>;
