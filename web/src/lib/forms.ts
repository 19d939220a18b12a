import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { checkBirthDate, type FieldError } from '@ausm/domain';
import { ApiError } from './api';

/**
 * Shows server field errors beside their fields; returns the message to show at the top when an
 * error has no field (or is not an API error at all).
 */
export function applyApiError(form: FormInstance, err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return '系统繁忙，请稍后再试';
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = err.fields.filter((f) => f.path && known.has(f.path.split('.')[0] ?? ''));
  if (fields.length) {
    form.setFields(fields.map((f) => ({ name: f.path.split('.'), errors: [f.message] })));
    return undefined;
  }
  return err.message;
}

/** antd Form rule from a domain check function: the same rule the server applies. */
export function ruleFrom(check: (value: string) => { ok: true } | { ok: false; message: string }) {
  return {
    validator: (_: unknown, value: unknown) => {
      // emptiness is the `required` rule's message; this rule speaks only about a value
      if (value === undefined || value === null || value === '') return Promise.resolve();
      const r = check(typeof value === 'string' ? value : '');
      return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
    },
  };
}

export type { FieldError };

/** 出生日期 of a document that does not carry it: the same check as the server's. */
export const birthDateRules = (today: string) => [
  { required: true, message: '请选择出生日期' },
  { validator: (_: unknown, v: Dayjs | undefined) => (v && checkBirthDate(v.format('YYYY-MM-DD'), today) ? Promise.reject(new Error(checkBirthDate(v.format('YYYY-MM-DD'), today))) : Promise.resolve()) },
];

