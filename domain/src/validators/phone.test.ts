import { describe, it, expect } from 'vitest';
import { checkMobile } from './phone';

describe('checkMobile', () => {
  it('accepts 11-digit mainland numbers starting 13–19', () => {
    for (const phone of ['13800138000', '14512345678', '15312345678', '16612345678', '17712345678', '18612345678', '19912345678']) {
      expect(checkMobile(phone), phone).toEqual({ ok: true, value: phone });
    }
  });

  it('trims surrounding spaces', () => {
    expect(checkMobile(' 13800138000 ')).toEqual({ ok: true, value: '13800138000' });
  });

  it('normalises what people type: +86/86/0086, full-width digits, spaces, hyphens', () => {
    for (const phone of ['+8613800138000', '+86 138-0013-8000', '8613800138000', '008613800138000', '(+86)13800138000', '138-0013-8000', '138 0013 8000', '１３８００１３８０００', '138\u200B00138000']) {
      expect(checkMobile(phone), phone).toEqual({ ok: true, value: '13800138000' });
    }
  });

  it('rejects other prefixes, lengths and formats', () => {
    for (const phone of ['', '10012345678', '11012345678', '12012345678', '23800138000', '1380013800', '138001380001',
      '+8512345678901', '+86138001380001', '1380013800a', '86123']) {
      expect(checkMobile(phone), phone).toEqual({ ok: false, message: '请输入11位大陆手机号码' });
    }
  });
});
