import { sql, type Kysely } from 'kysely';

/*
 * Uploaded files become SM4-encrypted (the data step runs at start-up, see below). Captcha answers become keyed HMACs (demo mode keeps the answer in demo_answer for its test hook),
 * and the SMS simulator's outbox bodies are SM4-encrypted. Captchas live minutes: the plain ones still
 * stored are simply removed (a page that shows one loads a new one). Outbox rows are demo-only and
 * lived minutes too: removed, not converted (the migration does not hold the key).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('captchas').addColumn('demo_answer', 'text').execute();
  // uploads are SM4-encrypted from now on; the files already stored are encrypted at the next start
  // (FileService.encryptStoredPlainFiles: it needs the key, which a migration does not hold)
  await db.schema.alterTable('files').addColumn('encrypted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // the start-up step looks for plain files at every start: through this index, which is empty once they are converted
  await db.schema.createIndex('files_plain').on('files').column('id').where(sql.ref('encrypted'), '=', 0).execute();
  const captchas = await db.deleteFrom('captchas').executeTakeFirst();
  const outbox = await db.deleteFrom('sms_outbox').executeTakeFirst();
  const removed = Number(captchas.numDeletedRows) + Number(outbox.numDeletedRows);
  if (removed > 0) console.warn(`migration 0010: removed ${Number(captchas.numDeletedRows)} captchas and ${Number(outbox.numDeletedRows)} simulator SMS stored in plain text`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('captchas').dropColumn('demo_answer').execute();
}
