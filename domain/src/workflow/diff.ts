/**
 * The field-by-field difference between what an approval would replace (`before`) and what was
 * submitted (`after`), for the review page's 变更前 / 变更后 columns (changed fields in red).
 */
export interface FieldLabel {
  key: string;
  label: string;
}

export interface FieldDiff {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * With `fields`, their order and labels; without, every key of either side (before's order first).
 * Values compare as shown, so 1 and "1" or null and "" are not reported as changes.
 */
export function diffFields(before: unknown, after: unknown, fields?: ReadonlyArray<FieldLabel>): FieldDiff[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const list = fields ?? [...new Set([...Object.keys(b), ...Object.keys(a)])].map((key) => ({ key, label: key }));
  return list.map(({ key, label }) => {
    const was = show(b[key]);
    const now = show(a[key]);
    return { key, label, before: was, after: now, changed: was !== now };
  });
}
