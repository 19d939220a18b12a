import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';

/** The reference data the forms read: the department cascader and the code lists. */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
});
afterAll(async () => t.close());

const inject = (method: 'GET', url: string) => t.app.inject({ method, url });

describe(`reference data for the forms (${dialectName})`, () => {
  it('serves the department cascader: provinces incl. 兵团 and 中央单位, then cities, then counties as leaves', async () => {
    type Item = { code: string; isLeaf: boolean; name: string; level: string };
    const children = async (parent?: string) => (await inject('GET', `/api/departments/children${parent ? `?parent=${parent}` : ''}`)).json().items as Item[];
    const top = await children();
    expect(top.find((d) => d.code === '110000')).toMatchObject({ name: '北京市财政局', isLeaf: false });
    expect(top.filter((d) => ['991000', '990000'].includes(d.code)).map((d) => [d.name, d.isLeaf])).toEqual([['新疆生产建设兵团财政局', false], ['中央单位会计管理部门', false]]);
    expect(top.some((d) => d.code === '660000')).toBe(false);
    // a municipality's districts sit right under it: each name once
    expect(await children('110000')).toContainEqual({ code: '110101', name: '北京市东城区财政局', level: 'county', isLeaf: true });
    expect((await children('500000')).map((d) => d.name)).toEqual(expect.arrayContaining(['重庆市城口县财政局', '重庆市丰都县财政局', '重庆市万州区财政局']));
    // no invented codes: 开发区 and the towns of 东莞 are not departments
    expect((await children('130100')).some((d) => /开发区|园区/.test(d.name))).toBe(false);
    expect((await children('440000')).find((d) => d.code === '441900')).toMatchObject({ name: '东莞市财政局', isLeaf: true });
    // 省直辖县 under the province itself; 兵团 with its 师 and their cities; 中央单位 = 中直管理局 and 国管局
    expect(await children('420000')).toContainEqual({ code: '429004', name: '仙桃市财政局', level: 'county', isLeaf: true });
    expect((await children('991000')).map((d) => d.name)).toContain('新疆生产建设兵团第八师财政局');
    expect(await children('991800')).toEqual([{ code: '659001', name: '石河子市财政局', level: 'county', isLeaf: true }]);
    expect((await children('990000')).map((d) => d.code)).toEqual(['990100', '990200']);
    expect((await inject('GET', '/api/departments/children?parent=123456')).statusCode).toBe(404);
    expect((await inject('GET', '/api/departments/children?parent=abc')).statusCode).toBe(400);
  });

  it('serves code lists by name (trees with children), but not region and not unknown names', async () => {
    const eth = await inject('GET', '/api/codes/ethnicity');
    expect(eth.json()).toMatchObject({ name: 'ethnicity', kind: 'flat', label: '民族' });
    expect(eth.json().items[0]).toEqual({ code: '01', name: '汉族' });
    const unit = (await inject('GET', '/api/codes/unitType')).json();
    expect(unit.items.find((u: { code: string }) => u.code === '40').children).toContainEqual({ code: '4002', name: '省国资委管理国有控股上市公司' });
    expect((await inject('GET', '/api/codes/education')).json().items[0]).toMatchObject({ code: '11', rank: 7 });
    expect((await inject('GET', '/api/codes/region')).statusCode).toBe(404);
    expect((await inject('GET', '/api/codes/nope')).statusCode).toBe(404);
  });
});

