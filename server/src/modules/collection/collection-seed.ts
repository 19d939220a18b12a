import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { checkMainlandId, creditCodeCheckChar, makeMainlandId, type CollectionState, type FilePurpose } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../db/index';
import type { Account } from '../../db/types';
import { FileService } from '../../platform/files';
import { hashPassword } from '../../platform/passwords';
import { DEMO_ACCOUNTANT } from '../../seed';
import { CollectionRepo, toEducationEntry, toWorkEntry } from './collection.repo';
import { collectionSnapshot } from './collection.service';

const SEED_KEY = 'seed:collection:v1';
const PASSWORD = 'Demo@2026';

export interface DemoCollectionPerson {
  idNumber: string;
  name: string;
  phone: string;
  password: string;
  state: string;
}

const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

/** The demo people, their fixed ID numbers (valid check characters) and what each one shows. */
export function demoPeople() {
  return {
    approved: { idNumber: DEMO_ACCOUNTANT.idNumber, name: DEMO_ACCOUNTANT.name, phone: DEMO_ACCOUNTANT.phone, password: DEMO_ACCOUNTANT.password, state: '信息采集已审核通过（会计人员，北京市东城区财政局，学信网已核验）' },
    fresh: { idNumber: makeMainlandId('110101', '19900307', '001'), name: '刘明远', phone: '13900000002', password: PASSWORD, state: '未实名认证，尚未开始信息采集' },
    legacy: { idNumber: makeMainlandId('370102', '19850612', '022'), name: '陈淑芬', phone: '13900000003', password: PASSWORD, state: '已实名认证，有原省平台历史教育、工作经历待补充' },
    pending: { idNumber: makeMainlandId('110101', '19920815', '035'), name: '赵立新', phone: '13900000004', password: PASSWORD, state: '信息采集审核中（北京市东城区财政局，bj_reviewer 可审核；已核验全国证书库）' },
  };
}

/* ---- files: a plausible ID photo (295×413 PNG) and a one-page PDF proof ---- */

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** Blue background, a head and shoulders, and slight sensor noise (so it is more than 10 KB, like a real photo). */
function demoPhoto(seed: number): Buffer {
  const w = 295;
  const h = 413;
  const row = 1 + w * 3;
  const raw = Buffer.alloc(row * h);
  let s = seed;
  const noise = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >> 16) % 9 - 4;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const head = ((x - 147) / 62) ** 2 + ((y - 170) / 80) ** 2 <= 1;
      const shoulders = y > 270 && Math.abs(x - 147) < 40 + (y - 270) * 0.9;
      const rgb = head ? [236, 204, 180] : shoulders ? [38, 44, 66] : [60, 130, 210];
      rgb.forEach((c, i) => (raw[y * row + 1 + x * 3 + i] = Math.max(0, Math.min(255, c + noise()))));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n` +
      `4 0 obj<</Length ${text.length + 30}>>stream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

async function storeFile(files: FileService, accountId: string, purpose: FilePurpose, name: string, bytes: Buffer): Promise<string> {
  return (await files.store(accountId, purpose, name, bytes)).id;
}

/* ---- rows ---- */

interface Ctx {
  trx: Db;
  app: AppContext;
  now: string;
  files: FileService;
}

/** `consented`: agreed to the 个人信息保护政策 in force; a person brought over from a provincial platform has not, and is asked at the first sign-in. */
async function createAccount(c: Ctx, p: { idNumber: string; name: string; phone: string }, hash: string, verified: boolean, consented = true): Promise<string | undefined> {
  const { fieldCrypto } = c.app;
  const idIndex = fieldCrypto.blindIndex('id_number', p.idNumber);
  const phoneIndex = fieldCrypto.blindIndex('phone', p.phone);
  const taken = await c.trx.selectFrom('accounts').select('id').where((eb) => eb.or([eb('id_number_index', '=', idIndex), eb('phone_index', '=', phoneIndex)])).executeTakeFirst();
  if (taken) return undefined;
  const parsed = checkMainlandId(p.idNumber, c.now.slice(0, 10));
  const id = crypto.randomUUID();
  await c.trx
    .insertInto('accounts')
    .values({
      id, id_type: 'mainland_id', id_number_enc: fieldCrypto.encrypt(p.idNumber), id_number_index: idIndex, login_index: idIndex, identity_version: 2, name: p.name, nationality: null,
      phone_enc: fieldCrypto.encrypt(p.phone), phone_index: phoneIndex, password_hash: hash,
      sex: parsed.ok ? (parsed.sex ?? null) : null, birth_date: parsed.ok ? (parsed.birthDate ?? null) : null, locked_until: null,
      realname_verified: verified ? 1 : 0, realname_method: verified ? 'alipay' : null, realname_at: verified ? c.now : null, privacy_version: consented ? 1 : null, created_at: c.now, updated_at: c.now,
    })
    .execute();
  return id;
}

async function chsiPair(c: Ctx, p: { idNumber: string; name: string }, school: string, level: string, graduated: string, eduNo: string, degreeNo: string): Promise<void> {
  const idx = c.app.fieldCrypto.blindIndex('id_number', p.idNumber);
  const base = { name: p.name, id_number_index: idx, school, level, graduation_date: graduated };
  await c.trx
    .insertInto('chsi_records')
    .values([
      { id: crypto.randomUUID(), kind: '学历', cert_no: eduNo, ...base },
      { id: crypto.randomUUID(), kind: '学位', cert_no: degreeNo, ...base },
    ])
    .execute();
}

const collectionBase = (accountId: string, now: string) => ({
  account_id: accountId, current_review_id: null, photo_file_id: null, political_status: null, ethnicity: null, email: null, address: null,
  postcode: null, extra_id_type: null, extra_id_number_enc: null, identity_proof_file_id: null, cert_id: null, submitted_at: null, decided_at: null,
  created_at: now, updated_at: now,
});

/** Submits a complete collection to the review engine, as the service does, inside the seed's transaction. */
async function submitCollection(c: Ctx, account: Account, certificate?: { id: string; cert_no: string; level: string; year: number; issuer: string }, at?: string): Promise<string> {
  const row = await c.trx.selectFrom('collections').selectAll().where('account_id', '=', account.id).executeTakeFirstOrThrow();
  const education = (await c.trx.selectFrom('education_entries').selectAll().where('account_id', '=', account.id).execute()).map(toEducationEntry);
  const work = (await c.trx.selectFrom('work_entries').selectAll().where('account_id', '=', account.id).execute()).map(toWorkEntry);
  const basic: CollectionState['basic'] = {
    photoFileId: row.photo_file_id, politicalStatus: row.political_status, ethnicity: row.ethnicity, email: row.email, address: row.address,
    postcode: row.postcode, extraIdType: null, maskedExtraIdNumber: null, identityProofFileId: row.identity_proof_file_id,
  };
  const departmentPath = await new CollectionRepo(c.trx).departmentPath(row.department_code);
  const scope = row.scope === 'accountant' || row.scope === 'qualified' || row.scope === 'doctoral' ? row.scope : null;
  const payload = collectionSnapshot({ state: { scope, basic, departmentCode: row.department_code, departmentPath }, account, education, work, certificate });
  const submittedAt = at ?? c.now;
  await c.trx
    .updateTable('collections')
    .set({ promise: 1, step: 'result', submitted_at: submittedAt, cert_verified: certificate ? 1 : 0, cert_id: certificate?.id ?? null })
    .where('account_id', '=', account.id)
    .execute();
  // through the engine, as the service does: the collection's status follows the review
  const review = await c.app.reviews.submit(c.trx, { kind: 'collection', accountId: account.id, departmentCode: row.department_code ?? '', payload, at: submittedAt });
  return review.id;
}

async function seedApproved(c: Ctx, p: ReturnType<typeof demoPeople>['approved']): Promise<void> {
  const account = await c.trx.selectFrom('accounts').selectAll().where('id_number_index', '=', c.app.fieldCrypto.blindIndex('id_number', p.idNumber)).executeTakeFirst();
  const reviewer = await c.trx.selectFrom('staff').selectAll().where('username', '=', 'bj_reviewer').executeTakeFirst();
  if (!account || !reviewer) return;
  if (await c.trx.selectFrom('collections').select('account_id').where('account_id', '=', account.id).executeTakeFirst()) return;
  const school = '中国人民大学';
  await chsiPair(c, p, school, '本科', '1982-07-15', '100021198205001234', '1000242198200123');
  const photo = await storeFile(c.files, account.id, 'collection_photo', '证件照.png', demoPhoto(1));
  const proof = await storeFile(c.files, account.id, 'work_proof', '会计工作经历证明.pdf', demoPdf('Accounting work certificate'));
  // an image of the appointment document, as RULES.md §9 asks (jpg/png, 20–500 KB)
  const titleFile = await storeFile(c.files, account.id, 'title_proof', '会计师聘任文件.png', demoPhoto(7));
  await c.trx
    .insertInto('collections')
    .values({
      ...collectionBase(account.id, c.now), scope: 'accountant', status: 'draft', step: 'department', department_code: '110101', photo_file_id: photo,
      political_status: '01', ethnicity: '01', email: 'wangxm@example.com', address: '北京市东城区东长安街1号', postcode: '100010',
    })
    .execute();
  await c.trx
    .insertInto('education_entries')
    .values({
      id: crypto.randomUUID(), account_id: account.id, mode: '1', school, start_date: '1978-09-01', end_date: '1982-07-15', ongoing: 0, education_level: '21',
      degree: '4', major_code: '120203K', edu_cert_no: '100021198205001234', degree_cert_no: '1000242198200123', abroad: 0, chsi_status: 'verified',
      proof_file_id: null, abroad_cert_file_id: null, legacy: 0, locked_fields: null, created_at: c.now, updated_at: c.now,
    })
    .execute();
  await c.trx
    .insertInto('work_entries')
    .values({
      id: crypto.randomUUID(), account_id: account.id, start_date: '2015-03-01', end_date: null, ongoing: 1, company: '北京东方明华商贸有限公司',
      credit_code: creditCode('91110101MA01ABCD3'), credit_code_warning: 0, unit_type: '4007', industry: 'F', address: '北京市东城区王府井大街88号',
      phone: '010-65001234', has_accounting: 1, accounting_rows: JSON.stringify([{ level: '2', post: '03', startDate: '2015-03-01', endDate: null }]),
      accounting_proof_file_id: proof, title: '3', title_date: '2016-06-01', title_file_id: titleFile, legacy: 0, locked_fields: null, created_at: c.now, updated_at: c.now,
    })
    .execute();
  // The demo starts from a decision already made: submitted three days ago and approved by the
  // district reviewer the next day, both through the engine, so the history reads in order.
  const submitted = new Date(Date.parse(c.now) - 3 * 86_400_000).toISOString();
  const decided = new Date(Date.parse(c.now) - 2 * 86_400_000).toISOString();
  const reviewId = await submitCollection(c, account, undefined, submitted);
  await c.app.reviews.applyTransition(c.trx, { reviewId, action: 'approve', actor: { kind: 'staff', staff: reviewer }, at: decided });
}

async function seedLegacy(c: Ctx, p: ReturnType<typeof demoPeople>['legacy'], hash: string): Promise<void> {
  const accountId = await createAccount(c, p, hash, true, false);
  if (!accountId) return;
  const school = '山东财经大学';
  await chsiPair(c, p, school, '本科', '2007-07-01', '104562007050001234', '1045642007001234');
  // 原省平台 records: some fields missing (major, degree certificate number; unit type, proof), the rest locked
  await c.trx
    .insertInto('education_entries')
    .values({
      id: crypto.randomUUID(), account_id: accountId, mode: '1', school, start_date: '2003-09-01', end_date: '2007-07-01', ongoing: 0, education_level: '21',
      degree: '4', major_code: null, edu_cert_no: '104562007050001234', degree_cert_no: null, abroad: 0, chsi_status: 'unchecked', proof_file_id: null,
      abroad_cert_file_id: null, legacy: 1, locked_fields: JSON.stringify(['mode', 'school', 'startDate', 'endDate', 'ongoing', 'educationLevel', 'degree', 'eduCertNo']),
      created_at: c.now, updated_at: c.now,
    })
    .execute();
  await c.trx
    .insertInto('work_entries')
    .values({
      id: crypto.randomUUID(), account_id: accountId, start_date: '2007-08-01', end_date: null, ongoing: 1, company: '济南泉城会计服务有限公司',
      credit_code: creditCode('91370102MA3C5F7K2'), credit_code_warning: 0, unit_type: null, industry: 'L', address: '济南市历下区泉城路100号', phone: null,
      has_accounting: 1, accounting_rows: JSON.stringify([{ level: '3', post: '01', startDate: '2007-08-01', endDate: null }]), accounting_proof_file_id: null,
      title: null, title_date: null, title_file_id: null, legacy: 1,
      locked_fields: JSON.stringify(['startDate', 'endDate', 'ongoing', 'company', 'creditCode', 'industry', 'address', 'hasAccounting', 'accountingRows']), created_at: c.now, updated_at: c.now,
    })
    .execute();
}

async function seedPending(c: Ctx, p: ReturnType<typeof demoPeople>['pending'], hash: string, certificateId: string | undefined): Promise<void> {
  const accountId = await createAccount(c, p, hash, true);
  if (!accountId) return;
  const school = '中央财经大学';
  await chsiPair(c, p, school, '硕士研究生', '2017-06-30', '100341201702000456', '1003432017000456');
  const photo = await storeFile(c.files, accountId, 'collection_photo', '证件照.png', demoPhoto(2));
  await c.trx
    .insertInto('collections')
    .values({ ...collectionBase(accountId, c.now), scope: 'qualified', status: 'draft', step: 'department', department_code: '110101', photo_file_id: photo, political_status: '03', ethnicity: '01' })
    .execute();
  await c.trx
    .insertInto('education_entries')
    .values({
      id: crypto.randomUUID(), account_id: accountId, mode: '1', school, start_date: '2014-09-01', end_date: '2017-06-30', ongoing: 0, education_level: '14',
      degree: '3', major_code: '120204', edu_cert_no: '100341201702000456', degree_cert_no: '1003432017000456', abroad: 0, chsi_status: 'verified',
      proof_file_id: null, abroad_cert_file_id: null, legacy: 0, locked_fields: null, created_at: c.now, updated_at: c.now,
    })
    .execute();
  await c.trx
    .insertInto('work_entries')
    .values({
      id: crypto.randomUUID(), account_id: accountId, start_date: '2017-07-10', end_date: null, ongoing: 1, company: '北京华信数据科技有限公司',
      credit_code: creditCode('91110101MA00XY7L5'), credit_code_warning: 0, unit_type: '4007', industry: 'I', address: '北京市东城区东直门南大街5号',
      phone: null, has_accounting: 0, accounting_rows: '[]', accounting_proof_file_id: null, title: null, title_date: null, title_file_id: null,
      legacy: 0, locked_fields: null, created_at: c.now, updated_at: c.now,
    })
    .execute();
  const account = await c.trx.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const cert = certificateId ? await c.trx.selectFrom('certificates').selectAll().where('id', '=', certificateId).executeTakeFirst() : undefined;
  await submitCollection(c, account, cert);
}

async function seedCertificates(c: Ctx, people: ReturnType<typeof demoPeople>): Promise<string | undefined> {
  const rows: Array<[string, { idNumber: string; name: string }, string, number, string]> = [
    ['11002003200100123', people.approved, '中级', 2003, '北京市财政局'],
    ['11002015200300456', people.pending, '中级', 2015, '北京市财政局'],
    ['37002008100100789', people.legacy, '初级', 2008, '山东省财政厅'],
    ['32002012300200012', { idNumber: makeMainlandId('320102', '19780315', '003'), name: '周建华' }, '高级', 2012, '江苏省财政厅'],
    ['44002021100500345', { idNumber: makeMainlandId('440106', '19980522', '024'), name: '孙悦' }, '初级', 2021, '广东省财政厅'],
  ];
  let pendingCert: string | undefined;
  for (const [certNo, who, level, year, issuer] of rows) {
    const id = crypto.randomUUID();
    const r = await c.trx
      .insertInto('certificates')
      .values({ id, cert_no: certNo, name: who.name, id_number_index: c.app.fieldCrypto.blindIndex('id_number', who.idNumber), level, year, issuer, created_at: c.now })
      .onConflict((oc) => oc.column('cert_no').doNothing())
      .executeTakeFirst();
    if (who === people.pending && Number(r.numInsertedOrUpdatedRows ?? 0) === 1) pendingCert = id;
  }
  return pendingCert;
}

/**
 * Demo data of 信息采集 (demo mode only, once: the meta key marks it, in the same transaction as the
 * data). Needs the demo accountant and staff from seed(); returns the demo people for the README.
 */
export async function seedCollectionDemo(ctx: AppContext): Promise<DemoCollectionPerson[]> {
  if (!ctx.config.demo) return [];
  const people = demoPeople();
  const list = [people.approved, people.fresh, people.legacy, people.pending];
  if (await ctx.db.selectFrom('meta').select('key').where('key', '=', SEED_KEY).executeTakeFirst()) return list;
  const hash = await hashPassword(PASSWORD);
  const now = ctx.clock.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('meta').values({ key: SEED_KEY, value: now }).execute();
      // files are stored through the transaction too (a FileService over trx), so all of it commits together
      const c: Ctx = { trx, app: ctx, now, files: new FileService(trx, ctx.clock, ctx.config.dataDir, ctx.fieldCrypto) };
      const pendingCert = await seedCertificates(c, people);
      await seedApproved(c, people.approved);
      await createAccount(c, people.fresh, hash, false);
      await seedLegacy(c, people.legacy, hash);
      await seedPending(c, people.pending, hash, pendingCert);
    });
  } catch (err) {
    // another instance seeding at the same moment won the meta row: its data stands
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
  }
  return list;
}
