import crypto from 'node:crypto';
import { LOGIN_LOCKOUT_POLICY, RETENTION_DEFAULTS, RETENTION_POLICY, departmentTree } from '@ausm/domain';
import type { AppContext } from './platform/context';
import type { Db } from './db/index';
import { hashPassword } from './platform/passwords';
import { FAQ_SEED } from './modules/help/faq-seed';
import { seedCollectionDemo } from './modules/collection/collection-seed';
import { syncDepartmentTree } from './modules/collection/department-tree-sync';
import { demoTotpSecret } from './modules/management/second-factor.service';
import { base32Encode } from './platform/totp';
import { PRIVACY_NOTICE_V1 } from './modules/center/privacy-notice';

/** Fixed demo accounts, printed at start-up and listed in the README. */
export const DEMO_ACCOUNTANT = { idNumber: '11010519491231002X', password: 'Demo@2026', name: '王晓明', phone: '13900000001' };
export const DEMO_STAFF = [
  { username: 'admin', password: 'Admin@2026', displayName: '系统管理员', role: 'sysadmin', department: null },
  { username: 'bj_reviewer', password: 'Review@2026', displayName: '李审核', role: 'reviewer', department: '110101' },
  { username: 'bj_supervisor', password: 'Review@2026', displayName: '赵主管', role: 'supervisor', department: '110000' },
  { username: 'sd_reviewer', password: 'Review@2026', displayName: '孙审核', role: 'reviewer', department: '370102' },
] as const;

/** Department administrators (delegated staff administration), seeded apart so existing demo databases get them too. */
export const DEMO_DEPARTMENT_ADMINS = [
  { username: 'sd_admin', password: 'Admin@2026', displayName: '钱管理', role: 'admin', department: '370000' },
] as const;

/** The department tree (domain departmentTree: GB/T 2260 with the corrections of RULES.md §5). */
async function seedDepartments(db: Db): Promise<void> {
  const rows = departmentTree().map((d) => ({
    code: d.code, name: d.name, parent_code: d.parentCode, level: d.level, sort: d.sort, gb: d.gb ? 1 : 0, separately_planned: d.separatelyPlanned ? 1 : 0,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('departments').values(rows.slice(i, i + 200)).execute();
  }
}

async function markDone(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  if (row) return false;
  await db.insertInto('meta').values({ key, value: new Date().toISOString() }).execute();
  return true;
}

/**
 * Reference data always; demo accounts only in demo mode. Each part runs once (a meta row marks it),
 * inside a transaction so that two instances starting together seed once.
 */
export async function seed(ctx: AppContext, opts: { demo: boolean }): Promise<void> {
  const { db, fieldCrypto, clock } = ctx;
  const now = clock.now().toISOString();
  // policies start from the deployment's configuration; later versions are set in 管理端 政策参数
  await ctx.policies.seedInitial(LOGIN_LOCKOUT_POLICY.name, { maxFailures: ctx.config.login.maxFailures, lockMinutes: ctx.config.login.lockMinutes });
  await ctx.policies.seedInitial(RETENTION_POLICY.name, { ...RETENTION_DEFAULTS });
  // the 个人信息保护政策 people agree to at registration; a later version is a new row (docs/operations.md)
  await runOnce(db, 'seed:privacy:v1', async (trx) => {
    await trx.insertInto('privacy_notices').values({ ...PRIVACY_NOTICE_V1, created_at: now }).onConflict((oc) => oc.column('version').doNothing()).execute();
  });
  await runOnce(db, 'seed:reference:v1', async (trx) => {
    await seedDepartments(trx);
    await trx
      .insertInto('faq')
      .values(FAQ_SEED.map((f, i) => ({ id: crypto.randomUUID(), category: f.category, question: f.question, answer: f.answer, sort: i, updated_at: now, updated_by: null })))
      .execute();
  });
  // Databases seeded with the first department tree get the corrected one (issue 10), once; what it
  // changed is kept for operators in data_migrations (a fresh database has the corrected tree already)
  await runOnce(db, 'seed:departments:v2', async (trx) => {
    const report = await syncDepartmentTree(trx);
    if (!report) return;
    await trx.insertInto('data_migrations').values({ name: 'departments-v2', ran_at: now, report: JSON.stringify(report) }).execute();
    await ctx.audit.record(trx, { actorKind: 'system', action: 'departments.corrected', detail: { added: report.added, renamed: report.renamed, reparented: report.reparented, removed: report.removed, moved: report.moved } });
    console.warn(`departments v2: ${report.added} added, ${report.renamed} renamed, ${report.reparented} re-parented, ${report.removed} removed; records moved: ${JSON.stringify(report.moved)} (data_migrations 'departments-v2')`);
  });
  // Databases seeded before FAQ_SEED grew get the questions they lack, once per growth, after whatever
  // the administrators keep: v2 every missing one (实名认证, 信息采集), v3 only the 信息变更 chapter's, so
  // a question an administrator deleted is not brought back. A fresh database has them all already.
  const faqGrowth: ReadonlyArray<[string, (category: string) => boolean]> = [
    ['seed:faq:v2', () => true],
    ['seed:faq:v3', (category) => category === '信息变更'],
    ['seed:faq:v4', (category) => category === '属地关系调转'],
    ['seed:faq:v5', (category) => category === '个人中心' || category === '微信绑定'],
  ];
  for (const [step, belongs] of faqGrowth) {
    await runOnce(db, step, async (trx) => {
      const have = new Set((await trx.selectFrom('faq').select('question').execute()).map((r) => r.question));
      const missing = FAQ_SEED.filter((f) => belongs(f.category) && !have.has(f.question));
      if (missing.length === 0) return;
      const last = await trx.selectFrom('faq').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirst();
      const base = Number(last?.max ?? -1) + 1;
      await trx
        .insertInto('faq')
        .values(missing.map((f, i) => ({ id: crypto.randomUUID(), category: f.category, question: f.question, answer: f.answer, sort: base + i, updated_at: now, updated_by: null })))
        .execute();
    });
  }
  if (!opts.demo) return;
  if (!(await db.selectFrom('meta').select('key').where('key', '=', 'seed:demo:admins:v1').executeTakeFirst())) {
    const hashes = await Promise.all(DEMO_DEPARTMENT_ADMINS.map((s) => hashPassword(s.password)));
    await runOnce(db, 'seed:demo:admins:v1', async (trx) => {
      for (const [i, s] of DEMO_DEPARTMENT_ADMINS.entries()) {
        if (await trx.selectFrom('staff').select('id').where('username', '=', s.username).executeTakeFirst()) continue;
        await trx
          .insertInto('staff')
          .values({ id: crypto.randomUUID(), username: s.username, display_name: s.displayName, password_hash: hashes[i] ?? '', role: s.role, department_code: s.department, locked_until: null, created_at: now, updated_at: now })
          .execute();
      }
    });
  }
  // argon2 is deliberately slow: hash only when the demo rows are still to be written, not at every start
  if (await db.selectFrom('meta').select('key').where('key', '=', 'seed:demo:v1').executeTakeFirst()) {
    await seedCollectionDemo(ctx);
    await enrolDemoStaff(ctx);
    return;
  }
  const staffHashes = await Promise.all(DEMO_STAFF.map((s) => hashPassword(s.password)));
  const demoHash = await hashPassword(DEMO_ACCOUNTANT.password);
  await runOnce(db, 'seed:demo:v1', async (trx) => {
    await trx
      .insertInto('staff')
      .values(
        DEMO_STAFF.map((s, i) => ({
          id: crypto.randomUUID(),
          username: s.username,
          display_name: s.displayName,
          password_hash: staffHashes[i] ?? '',
          role: s.role,
          department_code: s.department,
          locked_until: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const id = DEMO_ACCOUNTANT.idNumber;
    await trx
      .insertInto('accounts')
      .values({
        id: crypto.randomUUID(),
        id_type: 'mainland_id',
        id_number_enc: fieldCrypto.encrypt(id),
        id_number_index: fieldCrypto.blindIndex('id_number', id),
        login_index: fieldCrypto.blindIndex('id_number', id),
        identity_version: 2,
        name: DEMO_ACCOUNTANT.name,
        nationality: null,
        phone_enc: fieldCrypto.encrypt(DEMO_ACCOUNTANT.phone),
        phone_index: fieldCrypto.blindIndex('phone', DEMO_ACCOUNTANT.phone),
        password_hash: demoHash,
        sex: 'female',
        birth_date: '1949-12-31',
        locked_until: null,
        realname_verified: 1,
        privacy_version: PRIVACY_NOTICE_V1.version,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  await seedCollectionDemo(ctx);
  await enrolDemoStaff(ctx);
}

async function runOnce(db: Db, key: string, work: (trx: Db) => Promise<void>): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await markDone(trx, key))) return;
      await work(trx);
    });
  } catch (err) {
    // Another instance seeding at the same moment won the meta row: its data stands.
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
  }
}

/**
 * Demo staff sign in with a second factor like everyone: each is enrolled with a fixed secret
 * (demoTotpSecret; the README lists them for an authenticator app), and /api/dev/totp gives the code.
 */
async function enrolDemoStaff(ctx: AppContext): Promise<void> {
  const { db, fieldCrypto, clock } = ctx;
  const names = [...DEMO_STAFF, ...DEMO_DEPARTMENT_ADMINS].map((s) => s.username);
  const pending = await db.selectFrom('staff').select(['id', 'username']).where('username', 'in', names).where('totp_enrolled_at', 'is', null).execute();
  for (const s of pending) {
    await db
      .updateTable('staff')
      .set({ totp_secret_enc: fieldCrypto.encrypt(base32Encode(demoTotpSecret(s.username))), totp_enrolled_at: clock.now().toISOString() })
      .where('id', '=', s.id)
      .where('totp_enrolled_at', 'is', null)
      .execute();
  }
}
