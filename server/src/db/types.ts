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
  created_at: string;
  updated_at: string;
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
  answer: string;
  expires_at: string;
  used_at: string | null;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'sysadmin' | 'reviewer' | 'supervisor';
  department_code: string | null;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface DepartmentTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: 'national' | 'province' | 'city' | 'county';
  sort: number;
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

export interface Database {
  accounts: AccountTable;
  sessions: SessionTable;
  sms_codes: SmsCodeTable;
  sms_outbox: SmsOutboxTable;
  captchas: CaptchaTable;
  staff: StaffTable;
  departments: DepartmentTable;
  audit_log: AuditLogTable;
  faq: FaqTable;
  meta: MetaTable;
}

export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type Staff = Selectable<StaffTable>;
export type Faq = Selectable<FaqTable>;
