import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskName, maskNumbersInText, maskPhone } from './mask';

describe('maskName', () => {
  it('keeps the first character and stars each other one', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('买买提·艾力')).toBe('买*****');
  });

  it('shows at least one star, even for a one-character name', () => {
    expect(maskName('王五')).toBe('王*');
    expect(maskName('王')).toBe('王*');
  });

  it('keeps a rare first character outside the BMP whole and counts code points', () => {
    expect(maskName('𠈌小明')).toBe('𠈌**');
    expect(maskName('王𡒄')).toBe('王*');
    expect(maskName('𡒄𠈌')).toBe('𡒄*');
    expect(maskName('𠈌')).toBe('𠈌*');
  });

  it('returns an empty string for an empty name', () => {
    expect(maskName('')).toBe('');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('371102198808011234')).toBe('371*****1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110*****002X');
    expect(maskIdNumber('M1234567801')).toBe('M*****01');
    expect(maskIdNumber('H12345678')).toBe('H*****78');
  });

  it('keeps only the first character of short numbers', () => {
    expect(maskIdNumber('1234567')).toBe('1*****');
    expect(maskIdNumber('AB123')).toBe('A*****');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('15312345678')).toBe('153****5678');
  });

  it('hides short values completely', () => {
    expect(maskPhone('123456')).toBe('****');
    expect(maskPhone('')).toBe('****');
  });
});

describe('maskNumbersInText', () => {
  it('masks ID, permit and phone numbers inside text and leaves the rest', () => {
    expect(maskNumbersInText('/api/admin/reviews?q=11010519491231002X&limit=20')).toBe('/api/admin/reviews?q=110*****002X&limit=20');
    expect(maskNumbersInText('{"q":"13800001111","n":3}')).toBe('{"q":"138****1111","n":3}');
    expect(maskNumbersInText('H1234567801 and 110105491231002')).toBe('H*****01 and 110*****1002');
    expect(maskNumbersInText('2026-12-01T02:00:00.000Z rows 20 id 6d0d0677-ab1f-4291')).toBe('2026-12-01T02:00:00.000Z rows 20 id 6d0d0677-ab1f-4291');
    expect(maskNumbersInText('12345678-1234-4321-8765-123456789012')).toBe('12345678-1234-4321-8765-123456789012');
  });
});
