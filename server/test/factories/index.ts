import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { makeMainlandId, type StaffRole } from '@ausm/domain';
import type { Review, Staff } from '../../src/db/types';
import { makeJpeg, makePng } from '../helpers/images';

/*
 * Test data made directly in the database, in milliseconds (not through eight HTTP calls): people,
 * staff with a session, and items at a department through the real review engine.
 */

let seq = crypto.randomInt(1_000_000);
const next = () => (seq = (seq + 1) % 1_000_000);

export interface MadePerson {
  accountId: string;
  idNumber: string;
  name: string;
  /** a signed-in accountant session, ready for a Cookie header */
  cookie: string;
}

/** A registered, real-name verified accountant with a session. */
export async function makePerson(app: FastifyInstance, name = `测试${next()}`): Promise<MadePerson> {
  const { db, fieldCrypto, sessions, clock } = app.ctx;
  const accountId = crypto.randomUUID();
  const n = next();
  const idNumber = makeMainlandId('110105', `19${String(70 + (n % 30))}0${1 + (n % 9)}1${n % 10}`, String(n % 1000).padStart(3, '0'));
  const phone = `135${String(n).padStart(8, '0')}`;
  const now = clock.now().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id: accountId, id_type: 'mainland_id', id_number_enc: fieldCrypto.encrypt(idNumber), id_number_index: fieldCrypto.blindIndex('id_number', idNumber),
      login_index: fieldCrypto.blindIndex('id_number', idNumber), identity_version: 2,
      name, nationality: null, phone_enc: fieldCrypto.encrypt(phone), phone_index: fieldCrypto.blindIndex('phone', phone), password_hash: 'not-for-login',
      sex: 'male', birth_date: null, locked_until: null, realname_verified: 1, realname_method: 'alipay', realname_at: now, created_at: now, updated_at: now,
    })
    .execute();
  return { accountId, idNumber, name, cookie: `ausm_sid=${await sessions.create('accountant', accountId, null)}` };
}

export interface MadeStaff {
  staff: Staff;
  cookie: string;
}

/** A staff member of a role at a department, signed in (the second factor is not this factory's concern). */
export async function makeStaff(app: FastifyInstance, role: StaffRole, departmentCode: string | null): Promise<MadeStaff> {
  const { db, sessions, clock } = app.ctx;
  const now = clock.now().toISOString();
  const staff: Staff = {
    id: crypto.randomUUID(), username: `f_${role}_${departmentCode ?? 'none'}_${next()}`, display_name: `${role}@${departmentCode ?? '—'}`, password_hash: 'not-for-login',
    role, department_code: departmentCode, disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now, totp_secret_enc: null, totp_enrolled_at: null, totp_last_step: null,
  };
  await db.insertInto('staff').values(staff).execute();
  return { staff, cookie: `ausm_staff_sid=${await sessions.create('staff', staff.id, null)}` };
}

/** A pending 线上实名认证 of the person at a department, with its three images stored and linked. */
export async function makePendingRealname(app: FastifyInstance, person: MadePerson, departmentCode: string): Promise<{ review: Review; fileIds: string[] }> {
  const { db, files, reviews } = app.ctx;
  const fileIds: string[] = [];
  for (const purpose of ['realname_front', 'realname_back', 'realname_handheld'] as const) fileIds.push((await files.store(person.accountId, purpose, `${purpose}.png`, makePng(400, 260))).id);
  const review = await db.transaction().execute((trx) =>
    reviews.submit(trx, {
      kind: 'realname', accountId: person.accountId, departmentCode,
      payload: { frontFileId: fileIds[0], backFileId: fileIds[1], handheldFileId: fileIds[2], provinceCode: departmentCode.slice(0, 2) + '0000', cityCode: departmentCode },
    }),
  );
  return { review, fileIds };
}

/** An approved 信息采集 at a department: the person's archive is held there (with one photo file). */
export async function makeApprovedCollection(app: FastifyInstance, person: MadePerson, departmentCode: string): Promise<{ review: Review; photoFileId: string }> {
  const { db, files, reviews, clock } = app.ctx;
  const now = clock.now().toISOString();
  const photo = await files.store(person.accountId, 'collection_photo', 'photo.jpg', makeJpeg(300, 420, 20_000));
  await db
    .insertInto('collections')
    .values({
      account_id: person.accountId, scope: 'accountant', status: 'draft', step: 'result', current_review_id: null, department_code: departmentCode, photo_file_id: photo.id,
      political_status: '13', ethnicity: '01', email: null, address: null, postcode: null, extra_id_type: null, extra_id_number_enc: null, identity_proof_file_id: null,
      cert_id: null, submitted_at: now, decided_at: null, created_at: now, updated_at: now,
    })
    .execute();
  const payload = {
    scope: 'accountant', scopeName: '会计人员', registration: { idType: 'mainland_id', name: person.name, sex: 'male', birthDate: null },
    basic: { photoFileId: photo.id, politicalStatus: '13', ethnicity: '01', email: null, address: null, postcode: null, extraIdType: null, maskedExtraIdNumber: null, identityProofFileId: null },
    education: [], work: [], department: { code: departmentCode, path: [] }, certVerified: false, certificate: null, flags: { creditCodeWarning: false, chsiNotFound: false }, notes: [],
  };
  const review = await db.transaction().execute(async (trx) => {
    const r = await reviews.submit(trx, { kind: 'collection', accountId: person.accountId, departmentCode, payload });
    return reviews.applyTransition(trx, { reviewId: r.id, action: 'approve', actor: { kind: 'system' } });
  });
  return { review, photoFileId: photo.id };
}
