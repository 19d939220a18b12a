import { z } from 'zod';
import {
  CHANGE_BASIC_WORKFLOW,
  CHANGE_EDUCATION_WORKFLOW,
  CHANGE_FIELDS,
  CHANGE_METHOD_LABELS,
  CHANGE_SCOPE_WORKFLOW,
  CHANGE_WORK_WORKFLOW,
  changeReviewPayload,
  type ChangeReviewPayload,
  type ChangeSection,
  type WorkflowDefinition,
} from '@ausm/domain';
import { isUniqueViolation, type Db } from '../../db/index';
import type { Review } from '../../db/types';
import { defineReviewKind } from '../../platform/review/kind';
import { AppError } from '../../platform/errors';
import { toEducationEntry, toWorkEntry } from '../collection/collection.repo';
import { findOverlap } from '../collection/collection.rules';
import { digest, sectionTarget } from './change-views';

/*
 * 信息变更 (guide §4) as four review kinds, one per section, each declared here and nowhere special
 * in the engine: the payload and `before` views, one open change per person and section, the
 * person's department deciding, the system deciding where the data allows it, a digest of the target
 * against stale approvals, and the write on approval in the engine's transaction.
 */

const payloadOf = (review: Review): ChangeReviewPayload => changeReviewPayload.parse(JSON.parse(review.payload));

/** The digest of what a change of the section replaces, as stored now. */
export async function targetDigest(db: Db, section: ChangeSection, accountId: string, p: Pick<ChangeReviewPayload, 'method' | 'entryId'>): Promise<number | null> {
  // an added entry replaces nothing; its periods are checked again at approval instead
  if (p.method === 'add' && section !== 'basic' && section !== 'scope') return null;
  return digest(await sectionTarget(db, section, accountId, p.entryId));
}

const stale = (message = '信息已变化，请刷新后重新提交变更') => new AppError('STALE_CHANGE', message);

async function applyBasic(trx: Db, review: Review, d: Record<string, unknown>, at: string): Promise<void> {
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const identity = text('idNumberEnc')
    ? {
        id_type: text('idType') ?? '',
        id_number_enc: text('idNumberEnc') ?? '',
        id_number_index: text('idIndex') ?? '',
        login_index: text('loginIndex') ?? '',
        id_renewal: text('renewal'),
        nationality: text('nationality'),
        identity_version: 2,
      }
    : {};
  try {
    await trx
      .updateTable('accounts')
      .set({ name: text('name') ?? '', sex: text('sex'), birth_date: text('birthDate'), ...identity, updated_at: at })
      .where('id', '=', review.account_id)
      .execute();
  } catch (err) {
    // another account took the document since the change was submitted: the unique index decides
    if (isUniqueViolation(err)) throw new AppError('ID_ALREADY_REGISTERED', '该证件号码已被其他账号注册，不能变更为该证件');
    throw err;
  }
  await trx
    .updateTable('collections')
    .set({
      photo_file_id: text('photoFileId'),
      political_status: text('politicalStatus'),
      ethnicity: text('ethnicity'),
      email: text('email'),
      address: text('address'),
      postcode: text('postcode'),
      identity_proof_file_id: text('identityProofFileId'),
    })
    .where('account_id', '=', review.account_id)
    .execute();
}

type EntryTable = 'education_entries' | 'work_entries';

async function applyEntry(trx: Db, table: EntryTable, noun: string, review: Review, p: ChangeReviewPayload, now: string): Promise<void> {
  const id = p.entryId ?? '';
  const values = (p.data ?? {}) as Record<string, unknown>;
  if (p.method === 'delete') {
    const r = await trx.deleteFrom(table).where('id', '=', id).where('account_id', '=', review.account_id).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw stale();
    return;
  }
  if (p.method === 'modify') {
    const r = await trx.updateTable(table).set({ ...values, updated_at: now }).where('id', '=', id).where('account_id', '=', review.account_id).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw stale();
    return;
  }
  // 新增: the periods may not overlap the entries as they are now
  const candidate = { id, startDate: String(values.start_date ?? ''), endDate: (values.end_date as string | null) ?? null, ongoing: Number(values.ongoing) === 1 };
  const overlap =
    table === 'education_entries'
      ? findOverlap((await trx.selectFrom(table).selectAll().where('account_id', '=', review.account_id).execute()).map(toEducationEntry), candidate, (o) => `${noun}“${o.school ?? ''}”`)
      : findOverlap((await trx.selectFrom('work_entries').selectAll().where('account_id', '=', review.account_id).execute()).map(toWorkEntry), candidate, (o) => `${noun}“${o.company ?? ''}”`);
  if (overlap) throw stale(`新增的${noun}${overlap}，请重新提交`);
  await trx
    .insertInto(table)
    .values({ ...values, id, account_id: review.account_id, legacy: 0, locked_fields: null, created_at: now, updated_at: now } as never)
    .execute();
}

async function applyScope(trx: Db, review: Review, d: Record<string, unknown>): Promise<void> {
  await trx
    .updateTable('collections')
    .set({ scope: String(d.scope), cert_verified: d.certId ? 1 : 0, cert_id: (d.certId as string | null) ?? null })
    .where('account_id', '=', review.account_id)
    .execute();
}

function changeKind(section: ChangeSection, workflow: WorkflowDefinition, write: (trx: Db, review: Review, p: ChangeReviewPayload, at: string) => Promise<void>) {
  return defineReviewKind<ChangeReviewPayload, Record<string, unknown>>({
    workflow,
    payload: changeReviewPayload,
    before: z.record(z.string(), z.unknown()),
    openKey: ({ accountId }) => accountId,
    openItemMessage: `您有一项${workflow.label}正在审核中，审核完成前不能再次提交${workflow.label}`,
    blocksTransfer: true,
    decideAutomatically: (_trx, { payload }) => (payload.manual ? null : { action: 'approve', note: '系统自动审核通过' }),
    targetVersion: (trx, review) => targetDigest(trx, section, review.account_id, payloadOf(review)),
    async apply(trx, review, change) {
      if (change.to !== 'approved') return;
      await write(trx, review, payloadOf(review), change.at);
    },
    present: {
      title: (_r, p) => `${p.applicantName}的${workflow.label}`,
      summary: (p) => `${CHANGE_METHOD_LABELS[p.method]}${p.subject ? `：${p.subject}` : ''}${p.manual ? '' : '（自动审核）'}`,
      fields: CHANGE_FIELDS[section],
    },
  });
}

export const basicChangeKind = changeKind('basic', CHANGE_BASIC_WORKFLOW, (trx, r, p, at) => applyBasic(trx, r, p.data ?? {}, at));
export const educationChangeKind = changeKind('education', CHANGE_EDUCATION_WORKFLOW, (trx, r, p, at) => applyEntry(trx, 'education_entries', '教育经历', r, p, at));
export const workChangeKind = changeKind('work', CHANGE_WORK_WORKFLOW, (trx, r, p, at) => applyEntry(trx, 'work_entries', '工作经历', r, p, at));
export const scopeChangeKind = changeKind('scope', CHANGE_SCOPE_WORKFLOW, (trx, r, p) => applyScope(trx, r, p.data ?? {}));

export const CHANGE_KINDS = [basicChangeKind, educationChangeKind, workChangeKind, scopeChangeKind];
