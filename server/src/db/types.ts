import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings on both dialects (they sort as text and keyset
 * pagination compares them directly); booleans are 0/1 integers (ADR 0002).
 */
export interface AccountTable {
  id: string;
  id_type: string;
  id_number_enc: string;
  id_number_index: string;
  name: string;
  nationality: string | null;
  phone_enc: string;
  phone_index: string;
  password_hash: string;
  sex: string | null;
  birth_date: string | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  realname_verified: Generated<number>;
  realname_method: string | null;
  realname_at: string | null;
  created_at: string;
  updated_at: string;
  /** 港澳通行证 renewal count / 台湾通行证 issue count: the document's, not the person's (RULES.md §1) */
  id_renewal: Generated<string | null>;
  /** blind index of the number alone, as people type it to sign in (not unique) */
  login_index: Generated<string | null>;
  /** 1: indexed on the number as typed (before migration 0011); 2: on the person key */
  identity_version: Generated<number>;
  /** the privacy notice version last consented to (NULL: none yet, asked at the next sign-in) */
  privacy_version: Generated<number | null>;
  /** 注销账号: the account is closed; its login, phone and document indexes were freed */
  closed_at: Generated<string | null>;
}

export interface WechatBindingTable {
  account_id: string;
  openid: string;
  nickname: string;
  bound_at: string;
}

/** The platform's side of a WeChat QR ticket: whose it is, and what its confirmed scan did (once). */
export interface WechatTicketTable {
  id: string;
  purpose: 'login' | 'bind';
  account_id: string | null;
  /** SM3 of the secret cookie of the browser that opened the QR (login): only it receives the session */
  browser_hash: string | null;
  created_at: string;
  expires_at: string;
  outcome: string | null;
  done_at: string | null;
}

export interface WechatSimUserTable {
  openid: string;
  login: string;
  nickname: string;
  created_at: string;
}

export interface WechatSimTicketTable {
  id: string;
  purpose: 'login' | 'bind';
  status: 'waiting' | 'scanned' | 'confirmed' | 'cancelled' | 'expired';
  openid: string | null;
  created_at: string;
  expires_at: string;
  confirmed_at: string | null;
}

export interface PrivacyNoticeTable {
  version: number;
  title: string;
  body: string;
  effective_from: string;
  created_at: string;
}

export interface ConsentTable {
  id: string;
  account_id: string;
  notice_version: number;
  consented_at: string;
  ip: string | null;
}

export interface RetentionGrantTable {
  id: string;
  table_name: string;
  cutoff: string;
  policy_id: string;
  granted_at: string;
}

export interface DataMigrationTable {
  name: string;
  ran_at: string;
  report: string;
}

export interface SessionTable {
  id_hash: string;
  kind: 'accountant' | 'staff';
  subject_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
}

export interface SmsCodeTable {
  id: string;
  phone_index: string;
  purpose: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  tries: Generated<number>;
  used_at: string | null;
}

export interface SmsOutboxTable {
  id: string;
  phone_index: string;
  phone_enc: string;
  body: string;
  created_at: string;
}

export interface CaptchaTable {
  id: string;
  /** SM3-HMAC of id and answer */
  answer: string;
  /** demo mode only: the answer itself, for /api/dev/captcha */
  demo_answer: string | null;
  expires_at: string;
  used_at: string | null;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'sysadmin' | 'admin' | 'reviewer' | 'supervisor' | 'exam_office';
  department_code: string | null;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  /** the TOTP secret, SM4-encrypted; null until enrolled */
  totp_secret_enc: string | null;
  totp_enrolled_at: string | null;
  /** the last TOTP step accepted: a code is used once */
  totp_last_step: number | null;
}

export interface StaffRecoveryCodeTable {
  id: string;
  staff_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** Between the password and the second factor: a random token's SM3 digest, single use, minutes long. */
export interface StaffLoginTicketTable {
  id_hash: string;
  staff_id: string;
  purpose: 'verify' | 'enrol';
  /** for enrolment: the new secret, SM4-encrypted, until the first code confirms it */
  secret_enc: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface DepartmentTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: 'national' | 'province' | 'city' | 'county';
  sort: number;
  /** 0: a reserved code outside GB/T 2260 (兵团, its 师, 中央单位) */
  gb: Generated<number>;
  /** 计划单列市 */
  separately_planned: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_kind: 'accountant' | 'staff' | 'system' | 'anonymous';
  actor_id: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  ip: string | null;
  outcome: 'success' | 'failure';
  detail: string | null;
}

export interface FaqTable {
  id: string;
  category: string;
  question: string;
  answer: string;
  sort: number;
  updated_at: string;
  updated_by: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface FileTable {
  id: string;
  account_id: string;
  purpose: string;
  type: 'jpg' | 'png' | 'pdf';
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  storage_key: string;
  original_name: string;
  created_at: string;
  /** 1: the stored bytes are SM4-encrypted (FieldCrypto.encryptBytes); 0 only before migration 0010's start-up step */
  encrypted: Generated<number>;
}

export interface ReviewTable {
  id: string;
  kind: string;
  account_id: string;
  department_code: string;
  province_code: string;
  city_code: string | null;
  status: 'pending' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
  mode: 'auto' | 'manual';
  /** index into the kind's workflow stages; department/city/province codes follow the stage */
  stage: Generated<number>;
  /** `kind:key` while open (pending or returned), NULL once closed; unique */
  open_key: string | null;
  /** the version of what a change replaces, captured at submit; approval refuses a moved target */
  target_version: number | null;
  /** where the applicant sent it: a resubmission starts there again */
  submitted_department_code: string | null;
  /** JSON */
  payload: string;
  /** JSON snapshot of what the approval would replace */
  before: string | null;
  version: Generated<number>;
  submitted_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  /** the department's reviewer the item is given to (migration 0015); NULL: the department as a whole */
  assignee_id: Generated<string | null>;
}

export interface ReviewActionTable {
  id: string;
  review_id: string;
  action: string;
  actor_kind: 'staff' | 'owner' | 'system';
  actor_id: string | null;
  note: string | null;
  idempotency_key: string | null;
  at: string;
  stage: number | null;
  department_code: string | null;
  from_status: string | null;
  to_status: string | null;
}

/** The files an item was submitted with: staff read a file only through an item it belongs to. */
export interface PolicyTable {
  id: string;
  name: string;
  /** '' nationwide, else a province code */
  province_code: Generated<string>;
  /** YYYY-MM-DD, Asia/Shanghai */
  effective_from: string;
  /** JSON */
  value: string;
  note: string;
  created_at: string;
  created_by: string | null;
}

export interface JobLeaseTable {
  name: string;
  /** the instance running it, until lease_until */
  holder: string;
  lease_until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  /** a one-line summary of the last run (what it did, or why it failed) */
  last_result: string | null;
}

/** Review counts per department, kind and status, refreshed by a job (the 工作台 reads these). */
/** collections per department and status, refreshed by the collection-counts job (migration 0016) */
export interface CollectionCountTable {
  department_code: string;
  status: string;
  count: number;
}

export interface ReviewCountTable {
  department_code: string;
  city_code: string | null;
  province_code: string;
  kind: string;
  status: string;
  count: number;
}

export interface ReviewFileTable {
  review_id: string;
  file_id: string;
}

export interface ReviewParticipantTable {
  review_id: string;
  department_code: string;
  province_code: string;
  city_code: string | null;
  role: string;
}

/** One row per status change, in the same transaction: what notifications and statistics read. */
export interface ReviewEventTable {
  id: Generated<number>;
  review_id: string;
  /** the review_actions row with the note; events order the history */
  action_id: string;
  kind: string;
  account_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  stage: number;
  department_code: string;
  actor_kind: 'staff' | 'owner' | 'system';
  actor_id: string | null;
  at: string;
}

export interface AlipaySimUserTable {
  id: string;
  login: string;
  name: string;
  id_number_enc: string;
  id_number_index: string;
  created_at: string;
}

export interface AlipayCertificationTable {
  id: string;
  account_id: string;
  expected_name: string;
  expected_id_index: string;
  status: 'init' | 'scanned' | 'passed' | 'failed' | 'expired';
  alipay_user_id: string | null;
  reason: string | null;
  created_at: string;
  expires_at: string;
  completed_at: string | null;
}

export interface CollectionTable {
  account_id: string;
  scope: string | null;
  status: 'draft' | 'pending' | 'returned' | 'approved' | 'rejected';
  step: string;
  current_review_id: string | null;
  department_code: string | null;
  photo_file_id: string | null;
  political_status: string | null;
  ethnicity: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  extra_id_type: string | null;
  extra_id_number_enc: string | null;
  identity_proof_file_id: string | null;
  promise: Generated<number>;
  cert_verified: Generated<number>;
  cert_id: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EducationEntryTable {
  id: string;
  account_id: string;
  mode: string | null;
  school: string | null;
  start_date: string | null;
  end_date: string | null;
  ongoing: Generated<number>;
  education_level: string | null;
  degree: string | null;
  major_code: string | null;
  edu_cert_no: string | null;
  degree_cert_no: string | null;
  abroad: Generated<number>;
  chsi_status: Generated<string>;
  proof_file_id: string | null;
  abroad_cert_file_id: string | null;
  legacy: Generated<number>;
  /** JSON array of field names that came from the provincial platform and cannot be edited */
  locked_fields: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkEntryTable {
  id: string;
  account_id: string;
  start_date: string | null;
  end_date: string | null;
  ongoing: Generated<number>;
  company: string | null;
  credit_code: string | null;
  credit_code_warning: Generated<number>;
  /** the employer has no credit code: the reason given (migration 0012) */
  no_credit_code_reason: Generated<string | null>;
  unit_type: string | null;
  industry: string | null;
  address: string | null;
  phone: string | null;
  has_accounting: Generated<number>;
  /** JSON array of { level, post, startDate, endDate | null } */
  accounting_rows: string | null;
  accounting_proof_file_id: string | null;
  title: string | null;
  title_date: string | null;
  title_file_id: string | null;
  legacy: Generated<number>;
  locked_fields: string | null;
  created_at: string;
  updated_at: string;
}

export interface CertificateTable {
  id: string;
  cert_no: string;
  name: string;
  id_number_index: string;
  level: string;
  year: number;
  issuer: string;
  created_at: string;
}

export interface ChsiRecordTable {
  id: string;
  kind: '学历' | '学位';
  cert_no: string;
  name: string;
  id_number_index: string;
  school: string;
  level: string;
  graduation_date: string;
}

export interface Database {
  files: FileTable;
  reviews: ReviewTable;
  review_actions: ReviewActionTable;
  review_participants: ReviewParticipantTable;
  review_files: ReviewFileTable;
  job_leases: JobLeaseTable;
  policies: PolicyTable;
  review_counts: ReviewCountTable;
  collection_counts: CollectionCountTable;
  review_events: ReviewEventTable;
  alipay_sim_users: AlipaySimUserTable;
  alipay_certifications: AlipayCertificationTable;
  collections: CollectionTable;
  education_entries: EducationEntryTable;
  work_entries: WorkEntryTable;
  certificates: CertificateTable;
  chsi_records: ChsiRecordTable;
  accounts: AccountTable;
  wechat_bindings: WechatBindingTable;
  wechat_tickets: WechatTicketTable;
  wechat_sim_users: WechatSimUserTable;
  wechat_sim_tickets: WechatSimTicketTable;
  privacy_notices: PrivacyNoticeTable;
  consents: ConsentTable;
  retention_grants: RetentionGrantTable;
  sessions: SessionTable;
  sms_codes: SmsCodeTable;
  sms_outbox: SmsOutboxTable;
  captchas: CaptchaTable;
  staff: StaffTable;
  staff_recovery_codes: StaffRecoveryCodeTable;
  staff_login_tickets: StaffLoginTicketTable;
  departments: DepartmentTable;
  audit_log: AuditLogTable;
  faq: FaqTable;
  meta: MetaTable;
  data_migrations: DataMigrationTable;
}

export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type Staff = Selectable<StaffTable>;
export type Faq = Selectable<FaqTable>;
export type Review = Selectable<ReviewTable>;
export type FileRow = Selectable<FileTable>;
export type Collection = Selectable<CollectionTable>;
export type EducationEntry = Selectable<EducationEntryTable>;
export type WorkEntry = Selectable<WorkEntryTable>;
