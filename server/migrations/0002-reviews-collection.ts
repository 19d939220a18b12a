import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('realname_method', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('realname_at', 'text').execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_account').on('files').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  // queue look-ups by scope (reviewer: department; supervisor: city or province), newest first
  for (const col of ['department_code', 'city_code', 'province_code']) {
    await db.schema.createIndex(`reviews_${col}_queue`).on('reviews').columns([col, 'kind', 'status', 'submitted_at', 'id']).execute();
  }
  await db.schema.createIndex('reviews_queue_all').on('reviews').columns(['kind', 'status', 'submitted_at', 'id']).execute();
  await db.schema.createIndex('reviews_account').on('reviews').columns(['account_id', 'kind', 'submitted_at']).execute();

  await db.schema
    .createTable('review_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('note', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_actions_review').on('review_actions').columns(['review_id', 'at']).execute();

  // Alipay identity-verification simulator: its registry of verified users and its certifications
  await db.schema
    .createTable('alipay_sim_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alipay_certifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('expected_name', 'text', (c) => c.notNull())
    .addColumn('expected_id_index', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('alipay_user_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('alipay_cert_account').on('alipay_certifications').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('collections')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('scope', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('current_review_id', 'text')
    .addColumn('department_code', 'text', (c) => c.references('departments.code'))
    .addColumn('photo_file_id', 'text')
    .addColumn('political_status', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('extra_id_type', 'text')
    .addColumn('extra_id_number_enc', 'text')
    .addColumn('identity_proof_file_id', 'text')
    .addColumn('promise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cert_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cert_id', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('education_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('mode', 'text')
    .addColumn('school', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('ongoing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('education_level', 'text')
    .addColumn('degree', 'text')
    .addColumn('major_code', 'text')
    .addColumn('edu_cert_no', 'text')
    .addColumn('degree_cert_no', 'text')
    .addColumn('abroad', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chsi_status', 'text', (c) => c.notNull().defaultTo('unchecked'))
    .addColumn('proof_file_id', 'text')
    .addColumn('abroad_cert_file_id', 'text')
    .addColumn('legacy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_fields', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('education_account').on('education_entries').columns(['account_id', 'start_date']).execute();

  await db.schema
    .createTable('work_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('ongoing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('company', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('credit_code_warning', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_type', 'text')
    .addColumn('industry', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('has_accounting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accounting_rows', 'text')
    .addColumn('accounting_proof_file_id', 'text')
    .addColumn('title', 'text')
    .addColumn('title_date', 'text')
    .addColumn('title_file_id', 'text')
    .addColumn('legacy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_fields', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_account').on('work_entries').columns(['account_id', 'start_date']).execute();

  // 全国会计资格职称库 (the platform's own table) and the 学信网 simulator's degree records
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cert_no', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificates_person').on('certificates').columns(['id_number_index']).execute();

  await db.schema
    .createTable('chsi_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('school', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('graduation_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chsi_lookup').on('chsi_records').columns(['kind', 'cert_no']).execute();
}
