/**
 * Characters no form field may carry (RULES: input normalisation): C0 control characters — NUL
 * above all, which PostgreSQL refuses to store — and lone UTF-16 surrogates, which are no character
 * at all. Tab, line feed and carriage return are allowed only where a field has several lines
 * (reasons, questions); single-line fields refuse them too.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/u;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
/* eslint-enable no-control-regex */
// without the u flag a regular expression sees UTF-16 code units, so it can find an unpaired half
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'control' | 'surrogate';

export function textProblem(value: string, opts: { multiline?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  if ((opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return 'control';
  return null;
}

/** The text with every character `textProblem` refuses replaced by U+FFFD, safe to echo in a message. */
export function replaceBadCharacters(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return value.replace(/[\u0000-\u001F\u007F]/gu, '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  control: '含有不可见的控制字符（可能来自复制粘贴），请删除后重新输入',
  surrogate: '含有无法识别的字符，请删除后重新输入',
};
