import crypto from 'node:crypto';
import { makeMainlandId } from '@ausm/domain';
import type { Db } from '../server/src/db/index';
import type { NewAccount } from '../server/src/db/types';
import type { AppContext } from '../server/src/platform/context';
import { routingCodes } from '../server/src/platform/review/scope';
import { DEMO_ACCOUNTANT } from '../server/src/seed';

/**
 * Scale data for the list benchmarks, written straight through the app's own Kysely instance and
 * field crypto (SM4 + SM3 blind index), in batched inserts inside one transaction per table.
 * The data are deterministic (seeded PRNG) so that runs are comparable; only UUIDs differ.
 */

export interface ScaleOptions {
  accounts: number;
  /** share of reviews routed to Beijing (110000); the rest go to Shandong (370000) */
  beijingShare: number;
}

export interface ScaleSummary {
  accounts: number;
  reviews: number;
  departments: number;
  /** what bj_supervisor (province 110000) sees */
  beijing: { reviews: number; pending: number };
  seconds: number;
}

type Row = Record<string, unknown>;

/** mulberry32: small, fast, seedable */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '桂英', '建华', '志强', '晓燕'];
const BATCH = 500;

async function insertBatched(db: Db, table: 'accounts' | 'reviews', rows: Row[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are built to the table's columns above
      await trx.insertInto(table).values(rows.slice(i, i + BATCH) as any).execute();
    }
  });
}

export async function seedScale(ctx: AppContext, opts: ScaleOptions): Promise<ScaleSummary> {
  const started = performance.now();
  const { db, fieldCrypto } = ctx;
  const rand = prng(20260301);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  // County-level departments of the two provinces, with their routing (city, province) as the engine stores it.
  const counties = await db
    .selectFrom('departments')
    .select('code')
    .where('level', '=', 'county')
    .where((eb) => eb.or([eb('code', 'like', '11%'), eb('code', 'like', '37%')]))
    .orderBy('code')
    .execute();
  const routed = await Promise.all(counties.map(async ({ code }) => ({ code, ...(await routingCodes(db, code)) })));
  const beijing = routed.filter((d) => d.province_code === '110000');
  const shandong = routed.filter((d) => d.province_code === '370000');
  if (!beijing.length || !shandong.length) throw new Error('departments of 110000/370000 are missing: did the reference seed run?');

  // Every seeded person gets the demo password's argon2 hash: valid, and no 20,000 argon2 runs.
  const demo = await db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id_number_index', '=', fieldCrypto.blindIndex('id_number', DEMO_ACCOUNTANT.idNumber))
    .executeTakeFirstOrThrow();
  const staff = await db.selectFrom('staff').select(['id', 'username']).execute();
  const deciders = staff.filter((s) => s.username.startsWith('bj_') || s.username.startsWith('sd_')).map((s) => s.id);

  const now = Date.now();
  const day = 86_400_000;
  const accounts: NewAccount[] = [];
  const reviews: Row[] = [];
  let at = now;
  let bjReviews = 0;
  let bjPending = 0;
  for (let i = 0; i < opts.accounts; i++) {
    const inBeijing = rand() < opts.beijingShare;
    const dept = pick(inBeijing ? beijing : shandong);
    // unique by construction: (birth date, sequence) comes from i
    const birth = new Date(Date.UTC(1975, 0, 1) + Math.floor(i / 1000) * 97 * day).toISOString().slice(0, 10);
    const idNumber = makeMainlandId(dept.code, birth, String(i % 1000).padStart(3, '0'));
    const phone = `15${String(i).padStart(9, '0')}`;
    const accountId = crypto.randomUUID();
    const iso = new Date(now - 30 * day).toISOString();
    accounts.push({
      id: accountId,
      id_type: 'mainland_id',
      id_number_enc: fieldCrypto.encrypt(idNumber),
      id_number_index: fieldCrypto.blindIndex('id_number', idNumber),
      name: pick(SURNAMES) + pick(GIVEN),
      nationality: null,
      phone_enc: fieldCrypto.encrypt(phone),
      phone_index: fieldCrypto.blindIndex('phone', phone),
      password_hash: demo.password_hash,
      sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birth_date: birth,
      locked_until: null,
      realname_verified: 1,
      realname_method: 'alipay',
      realname_at: iso,
      created_at: iso,
      updated_at: iso,
    });

    // Submitted over the last 180 days at whole seconds; every 5th shares its neighbour's second so
    // the id tie-breaker of the keyset is exercised.
    if (i % 5 !== 0) at = now - Math.floor(rand() * 180 * day);
    const submitted = new Date(Math.floor(at / 1000) * 1000).toISOString();
    const r = rand();
    const status = r < 0.6 ? 'pending' : r < 0.85 ? 'approved' : r < 0.95 ? 'rejected' : 'withdrawn';
    const mode = status === 'approved' && rand() < 0.3 ? 'auto' : 'manual';
    const kind = rand() < 0.5 ? 'realname' : 'collection';
    const decided = status === 'approved' || status === 'rejected';
    reviews.push({
      id: crypto.randomUUID(),
      kind,
      account_id: accountId,
      department_code: dept.code,
      province_code: dept.province_code,
      city_code: dept.city_code,
      status,
      mode,
      payload: JSON.stringify(kind === 'realname' ? { method: 'upload', bench: true } : { scope: 'accountant', bench: true }),
      before: null,
      version: decided ? 2 : 1,
      submitted_at: submitted,
      decided_at: decided || status === 'withdrawn' ? new Date(Math.floor(at / 1000) * 1000 + day).toISOString() : null,
      decided_by: decided && mode === 'manual' && deciders.length ? pick(deciders) : null,
      decision_note: status === 'rejected' ? '材料不清晰，请重新上传' : null,
    });
    if (inBeijing) {
      bjReviews++;
      if (status === 'pending') bjPending++;
    }
  }

  await insertBatched(db, 'accounts', accounts as Row[]);
  await insertBatched(db, 'reviews', reviews);
  return {
    accounts: accounts.length,
    reviews: reviews.length,
    departments: routed.length,
    beijing: { reviews: bjReviews, pending: bjPending },
    seconds: (performance.now() - started) / 1000,
  };
}
