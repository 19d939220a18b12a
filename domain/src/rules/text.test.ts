import { describe, expect, it } from 'vitest';
import { textProblem } from './text';

describe('textProblem', () => {
  it('accepts ordinary text, rare characters outside the BMP and emoji', () => {
    for (const v of ['张三', '林𡒄', 'O’Brien-Smith', '👍 好', '']) expect(textProblem(v)).toBeNull();
  });
  it('refuses NUL and every other C0 control character, and DEL', () => {
    for (let c = 0; c < 0x20; c++) expect(textProblem(`a${String.fromCharCode(c)}b`)).toBe('control');
    expect(textProblem('a\u007Fb')).toBe('control');
  });
  it('allows tab and line breaks only in multi-line fields', () => {
    expect(textProblem('第一行\n第二行\r\n\t第三行', { multiline: true })).toBeNull();
    expect(textProblem('第一行\n第二行')).toBe('control');
    expect(textProblem('a\u0000b', { multiline: true })).toBe('control');
  });
  it('refuses lone surrogates, high or low, anywhere', () => {
    for (const v of ['\uD800', 'a\uD83Db', '\uDC00x', 'x\uDFFF', '𡒄\uD840']) expect(textProblem(v)).toBe('surrogate');
  });
});
