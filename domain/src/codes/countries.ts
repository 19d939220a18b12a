/**
 * Nationalities for 护照（外国）: ISO 3166-1 alpha-3 codes with GB/T 2659 Chinese short names.
 */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'USA', name: '美国' }, { code: 'GBR', name: '英国' }, { code: 'FRA', name: '法国' },
  { code: 'DEU', name: '德国' }, { code: 'ITA', name: '意大利' }, { code: 'ESP', name: '西班牙' },
  { code: 'PRT', name: '葡萄牙' }, { code: 'NLD', name: '荷兰' }, { code: 'BEL', name: '比利时' },
  { code: 'CHE', name: '瑞士' }, { code: 'AUT', name: '奥地利' }, { code: 'SWE', name: '瑞典' },
  { code: 'NOR', name: '挪威' }, { code: 'DNK', name: '丹麦' }, { code: 'FIN', name: '芬兰' },
  { code: 'IRL', name: '爱尔兰' }, { code: 'POL', name: '波兰' }, { code: 'CZE', name: '捷克' },
  { code: 'HUN', name: '匈牙利' }, { code: 'GRC', name: '希腊' }, { code: 'RUS', name: '俄罗斯' },
  { code: 'UKR', name: '乌克兰' }, { code: 'BLR', name: '白俄罗斯' }, { code: 'KAZ', name: '哈萨克斯坦' },
  { code: 'UZB', name: '乌兹别克斯坦' }, { code: 'KGZ', name: '吉尔吉斯斯坦' }, { code: 'TJK', name: '塔吉克斯坦' },
  { code: 'MNG', name: '蒙古' }, { code: 'JPN', name: '日本' }, { code: 'KOR', name: '韩国' },
  { code: 'PRK', name: '朝鲜' }, { code: 'VNM', name: '越南' }, { code: 'LAO', name: '老挝' },
  { code: 'KHM', name: '柬埔寨' }, { code: 'THA', name: '泰国' }, { code: 'MMR', name: '缅甸' },
  { code: 'MYS', name: '马来西亚' }, { code: 'SGP', name: '新加坡' }, { code: 'IDN', name: '印度尼西亚' },
  { code: 'PHL', name: '菲律宾' }, { code: 'BRN', name: '文莱' }, { code: 'IND', name: '印度' },
  { code: 'PAK', name: '巴基斯坦' }, { code: 'BGD', name: '孟加拉国' }, { code: 'NPL', name: '尼泊尔' },
  { code: 'LKA', name: '斯里兰卡' }, { code: 'AFG', name: '阿富汗' }, { code: 'IRN', name: '伊朗' },
  { code: 'IRQ', name: '伊拉克' }, { code: 'SAU', name: '沙特阿拉伯' }, { code: 'ARE', name: '阿拉伯联合酋长国' },
  { code: 'QAT', name: '卡塔尔' }, { code: 'KWT', name: '科威特' }, { code: 'ISR', name: '以色列' },
  { code: 'TUR', name: '土耳其' }, { code: 'EGY', name: '埃及' }, { code: 'ZAF', name: '南非' },
  { code: 'NGA', name: '尼日利亚' }, { code: 'KEN', name: '肯尼亚' }, { code: 'ETH', name: '埃塞俄比亚' },
  { code: 'TZA', name: '坦桑尼亚' }, { code: 'DZA', name: '阿尔及利亚' }, { code: 'MAR', name: '摩洛哥' },
  { code: 'CAN', name: '加拿大' }, { code: 'MEX', name: '墨西哥' }, { code: 'BRA', name: '巴西' },
  { code: 'ARG', name: '阿根廷' }, { code: 'CHL', name: '智利' }, { code: 'PER', name: '秘鲁' },
  { code: 'COL', name: '哥伦比亚' }, { code: 'VEN', name: '委内瑞拉' }, { code: 'CUB', name: '古巴' },
  { code: 'AUS', name: '澳大利亚' }, { code: 'NZL', name: '新西兰' }, { code: 'FJI', name: '斐济' },
];

const CODES = new Set(COUNTRIES.map((c) => c.code));
export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}
