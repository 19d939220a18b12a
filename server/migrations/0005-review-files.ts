import type { Kysely } from 'kysely';

/*
 * Files belong to what they were uploaded for (issue: access follows the item). Staff read a file
 * through an item it is linked to, never just because some review of the same person is in scope.
 * Existing items are linked from the file ids their payloads name (keys ending in FileId/FileIds).
 */
const FILE_KEY = /(FileId|FileIds|_file_id)$/;
function fileIdsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return FILE_KEY.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => fileIdsIn(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fileIdsIn(v, k));
  return [];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_files')
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addPrimaryKeyConstraint('review_files_pk', ['review_id', 'file_id'])
    .execute();
  await db.schema.createIndex('review_files_file').on('review_files').columns(['file_id', 'review_id']).execute();

  let last = '';
  for (;;) {
    const page = (await db.selectFrom('reviews').select(['id', 'account_id', 'payload']).where('id', '>', last).orderBy('id').limit(500).execute()) as Array<{ id: string; account_id: string; payload: string }>;
    if (page.length === 0) break;
    for (const r of page) {
      let payload: unknown;
      try {
        payload = JSON.parse(r.payload);
      } catch {
        continue;
      }
      const ids = [...new Set(fileIdsIn(payload))];
      if (ids.length === 0) continue;
      const owned = (await db.selectFrom('files').select('id').where('id', 'in', ids).where('account_id', '=', r.account_id).execute()) as Array<{ id: string }>;
      if (owned.length) await db.insertInto('review_files').values(owned.map((f) => ({ review_id: r.id, file_id: f.id }))).execute();
    }
    last = page[page.length - 1]?.id ?? last;
  }
}
