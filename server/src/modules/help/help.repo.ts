import crypto from 'node:crypto';
import type { Db } from '../../db/index';
import type { Faq } from '../../db/types';

/** meta row whose value changes with every FAQ write, so each instance knows its index is stale */
const FAQ_VERSION_KEY = 'help:faq-version';

export interface FaqFields {
  category: string;
  question: string;
  answer: string;
  sort: number;
}

/** The faq table and its version marker. Every write takes an optional transaction. */
export class FaqRepo {
  constructor(private readonly db: Db) {}

  async list(db: Db = this.db): Promise<Faq[]> {
    return db.selectFrom('faq').selectAll().orderBy('sort').orderBy('question').orderBy('id').execute();
  }

  async find(id: string, db: Db = this.db): Promise<Faq | undefined> {
    return db.selectFrom('faq').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async nextSort(db: Db = this.db): Promise<number> {
    const row = await db.selectFrom('faq').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirst();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }

  async insert(row: Faq, db: Db = this.db): Promise<void> {
    await db.insertInto('faq').values(row).execute();
  }

  async update(id: string, patch: Partial<FaqFields> & { updated_at: string; updated_by: string | null }, db: Db = this.db): Promise<void> {
    await db.updateTable('faq').set(patch).where('id', '=', id).execute();
  }

  async delete(id: string, db: Db = this.db): Promise<boolean> {
    const r = await db.deleteFrom('faq').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async version(db: Db = this.db): Promise<string> {
    const row = await db.selectFrom('meta').select('value').where('key', '=', FAQ_VERSION_KEY).executeTakeFirst();
    return row?.value ?? 'initial';
  }

  async bumpVersion(db: Db = this.db): Promise<void> {
    const value = crypto.randomUUID();
    await db
      .insertInto('meta')
      .values({ key: FAQ_VERSION_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
