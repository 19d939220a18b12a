import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { compiledOnce, openDb } from './index';

describe('compiledOnce', () => {
  it('runs the compiled query with each call’s own arguments', async () => {
    const { db, close } = openDb({});
    await sql`create table t (k text primary key, kind text not null, v integer not null)`.execute(db);
    await sql`insert into t values ('a', 'x', 1), ('b', 'x', 2), ('c', 'y', 3)`.execute(db);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a scratch table outside the schema
    const anyDb = db as any;
    const read = compiledOnce<{ v: number }, 'k'>(db, ['k'], (arg) => anyDb.selectFrom('t').select('v').where('k', '=', arg('k')).where('kind', '=', 'x'));
    expect(await read({ k: 'a' })).toEqual({ v: 1 });
    expect(await read({ k: 'b' })).toEqual({ v: 2 });
    expect(await read({ k: 'c' })).toBeUndefined(); // the fixed parameter stays bound
    await close();
  });

  it('refuses a query in which a named argument is not a bound value', () => {
    const { db } = openDb({});
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a scratch query
    expect(() => compiledOnce(db, ['k'], () => (db as any).selectFrom('t').select('v'))).toThrow(/no bound parameter for k/);
  });
});
