import type { CodeItem } from './code-lists';

export const POLITICAL_STATUS_VERSION = 'GB/T 4762-1984';

/**
 * 政治面貌. The standard's full names are long (中国共产党预备党员, 中国国民党革命委员会会员 …); the
 * platform shows the usual short forms, as RULES.md §4 lists them. Codes are the standard's.
 */
export const POLITICAL_STATUSES: ReadonlyArray<CodeItem> = [
  { code: '01', name: '中共党员' },
  { code: '02', name: '中共预备党员' },
  { code: '03', name: '共青团员' },
  { code: '04', name: '民革会员' },
  { code: '05', name: '民盟盟员' },
  { code: '06', name: '民建会员' },
  { code: '07', name: '民进会员' },
  { code: '08', name: '农工党党员' },
  { code: '09', name: '致公党党员' },
  { code: '10', name: '九三学社社员' },
  { code: '11', name: '台盟盟员' },
  { code: '12', name: '无党派人士' },
  { code: '13', name: '群众' },
];

const names = new Map(POLITICAL_STATUSES.map((p) => [p.code, p.name]));

export function politicalStatusName(code: string): string | undefined {
  return names.get(code);
}
