import { describe, it, expect } from 'vitest';
import { checkPersonName, codePointLength } from './person-name';

describe('codePointLength', () => {
  it('counts a character outside the BMP as one', () => {
    expect('𠈌'.length).toBe(2);
    expect(codePointLength('𠈌')).toBe(1);
    expect(codePointLength('𡒄')).toBe(1);
    expect(codePointLength('王𠈌𡒄')).toBe(3);
    expect(codePointLength('')).toBe(0);
  });
});

describe('checkPersonName for mainland IDs', () => {
  it('accepts ordinary names and names with rare characters outside the BMP', () => {
    for (const name of ['王五', '王小明', '欧阳娜娜', '𠈌小明', '王𡒄', '𠈌𡒄', '张䶮', '李㛃']) {
      expect(checkPersonName(name, 'mainland_id'), name).toEqual({ ok: true, value: name });
    }
  });

  it('accepts the middle dot of minority names', () => {
    expect(checkPersonName('买买提·艾力', 'mainland_id')).toEqual({ ok: true, value: '买买提·艾力' });
  });

  it('trims what was typed', () => {
    expect(checkPersonName('  王小明 ', 'mainland_id')).toEqual({ ok: true, value: '王小明' });
  });

  it('needs 2 to 30 code points, however many UTF-16 units they take', () => {
    expect(checkPersonName('王', 'mainland_id')).toEqual({ ok: false, message: '姓名长度应为2至30个字' });
    // 2 UTF-16 units, 1 code point: too short
    expect(checkPersonName('𠈌', 'mainland_id')).toEqual({ ok: false, message: '姓名长度应为2至30个字' });
    expect(checkPersonName('王'.repeat(30), 'mainland_id').ok).toBe(true);
    expect(checkPersonName('王'.repeat(31), 'mainland_id').ok).toBe(false);
    // 30 code points are 60 UTF-16 units: still allowed
    expect(checkPersonName('𠈌'.repeat(30), 'mainland_id')).toEqual({ ok: true, value: '𠈌'.repeat(30) });
    expect(checkPersonName('𠈌'.repeat(31), 'mainland_id').ok).toBe(false);
  });

  it('never splits a surrogate pair of a rare character', () => {
    const r = checkPersonName('𠈌小明', 'mainland_id');
    expect(r.ok && [...r.value]).toEqual(['𠈌', '小', '明']);
  });

  it('rejects empty input with a request to type the name', () => {
    expect(checkPersonName('   ', 'mainland_id')).toEqual({ ok: false, message: '请输入真实姓名' });
  });

  it('rejects letters, digits, spaces and punctuation, pointing at the 生僻字 picker', () => {
    for (const name of ['Wang', '王1', '王 小明', '王-明', '王.明', '王😀']) {
      const r = checkPersonName(name, 'mainland_id');
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.message).toContain('生僻字');
    }
  });
});

describe('the middle dot and copied text (RULES.md §3)', () => {
  it('makes • ・ ‧ ∙ ． ･ into the one stored middle dot U+00B7', () => {
    for (const dot of ['•', '・', '‧', '∙', '．', '･', '·']) {
      expect(checkPersonName(`买买提${dot}艾力`, 'mainland_id'), dot).toEqual({ ok: true, value: '买买提·艾力' });
    }
  });

  it('refuses a leading, trailing or doubled middle dot', () => {
    for (const name of ['·买买提', '买买提·', '买买提··艾力', '买买提•・艾力', '··']) {
      expect(checkPersonName(name, 'mainland_id'), name).toEqual({ ok: false, message: '“·”只能用在姓名的两个部分之间，且不能连续使用' });
    }
    expect(checkPersonName('·Anna', 'foreign_passport').ok).toBe(false);
  });

  it('folds Kangxi radicals (text copied from PDFs) to the ordinary characters', () => {
    // ⼩ U+2F29, ⼈ U+2F08, ⽥ U+2F65
    expect(checkPersonName('王\u2F29明', 'mainland_id')).toEqual({ ok: true, value: '王小明' });
    expect(checkPersonName('\u2F65\u2F08', 'mainland_id')).toEqual({ ok: true, value: '田人' });
  });
});

describe('checkPersonName for other documents', () => {
  it('accepts letters, spaces, the middle dot and common name punctuation', () => {
    for (const name of ['John Smith', 'Jean-Luc Picard', "O'Brien", 'José García', 'Müller', 'J. R. Smith', '玛丽·居里', '陈大文']) {
      expect(checkPersonName(name, 'foreign_passport'), name).toEqual({ ok: true, value: name });
    }
  });

  it('collapses runs of spaces', () => {
    expect(checkPersonName('Anna   Maria  Lee', 'foreign_passport')).toEqual({ ok: true, value: 'Anna Maria Lee' });
  });

  it('normalises to NFC, so a decomposed accent counts as one character', () => {
    const decomposed = 'Jose\u0301';
    const r = checkPersonName(decomposed, 'foreign_passport');
    expect(r).toEqual({ ok: true, value: 'José' });
  });

  it('needs 2 to 100 characters', () => {
    expect(checkPersonName('A', 'foreign_passport').ok).toBe(false);
    expect(checkPersonName('A'.repeat(100), 'foreign_passport').ok).toBe(true);
    expect(checkPersonName('A'.repeat(101), 'foreign_passport')).toEqual({ ok: false, message: '姓名长度应为2至100个字符' });
  });

  it('accepts letters of any script and the comma of "Surname, Given"', () => {
    for (const name of ['Smith, John', 'Владимир Петров', 'محمد علي', 'Nguyễn Văn An', '김민준', 'Ἀλέξανδρος']) {
      expect(checkPersonName(name, 'foreign_passport'), name).toEqual({ ok: true, value: name.normalize('NFC') });
    }
  });

  it('rejects digits and symbols', () => {
    for (const name of ['John3', 'John_Smith', 'John@Smith', 'John/Smith']) {
      expect(checkPersonName(name, 'hk_macao_permit'), name).toEqual({ ok: false, message: '姓名只能包含文字、字母、空格和“·”“-”“\'”“.”“,”' });
    }
  });
});
