/**
 * 生僻字 picker data (RULES.md §3): characters seen in Chinese personal names that most input
 * methods cannot type, or that lie outside the BMP (CJK Extension A, Extension B and later).
 *
 * Each entry is the character followed by its readings (tone marks, comma separated). Readings come
 * from pinyin-pro where it knows the character, completed with Unihan kMandarin (Unicode 15); the
 * list was generated once and is kept here as plain data, nothing at run time depends on either.
 * 𠈌 (U+2020C) has no Mandarin reading in Unihan: yú follows its Cantonese reading jyu4.
 *
 * Any other CJK ideograph can still be picked by typing its code point (see searchRareChars).
 */
export interface RareChar {
  char: string;
  codePoint: number;
  /** readings with tone marks, e.g. ['kūn'] */
  pinyin: string[];
}

const DATA: readonly string[] = [
  // 常被问到的人名用字（含扩展A、扩展B）
  '堃kūn 喆zhé 赟yūn 玥yuè 珺jùn 昇shēng 旸yáng 婕jié 䶮yǎn 㛃jié 𠈌yú 𡒄lǎn 𨚕biàn 𪨶shē',
  // 叠字等难以输入的人名用字
  '龑yǎn 犇bēn 骉biāo 淼miǎo 焱yàn 垚yáo 鑫xīn 燚yì 曌zhào 甦sū',
  // 基本区中不常用、难以输入的人名用字（《通用规范汉字表》二、三级字或表外字）
  '珏jué 琰yǎn 琛chēn 玙yú 珣xún 瑀yǔ 玹xuán,xián 瑢róng 璐lù 璠fán 彧yù 沄yún 浛hán 淏hào 澔hào 溦wēi 洺míng 渟tíng,tīng',
  '翀chōng 翯hè 翾xuān 鋆yún 镕róng 锘nuò 铖chéng 镠liú 骞qiān 骅huá 骥jì 昊hào 晟shèng,chéng 暻jǐng 晗hán 烨yè',
  '熠yì 炅jiǒng,guì 炘xīn 炟dá 燊shēn 奭shì 祎yī 禛zhēn 祚zuò 胤yìn 礽réng 琤chēng 琬wǎn 璘lín 璩qú 瓒zàn 瓅lì 瓘guàn',
  '婳huà 婍qǐ 婠wān,wà 嬿yàn 娡zhì 姝shū 妤yú 嫚màn,mān 媖yīng 嫕yì 嬛qióng,huán,xuān 妘yún 姮héng 嫄yuán 玓dì',
  '瑱tiàn,zhèn 璎yīng 玠jiè 玢bīn,fēn 珅shēn 珩héng,háng 珽tǐng 琚jū 瑗yuàn 瑭táng 瑶yáo 璨càn 瑷ài 玑jī 玭pín',
  '珋liǔ 珞luò 珧yáo 琭lù 琯guǎn 瑆xīng 瑨jìn 瑧zhēn 璆qiú 瓀ruǎn 瓈lí 玏lè 瑫tāo 琡chù 珦xiàng 玚yáng,chàng 珹chéng',
  '琎jìn 瑊jiān 瑒chàng,dàng,yáng 璥jǐng 璈áo 埼qí 塽shuǎng 壎xūn 夔kuí 奂huàn 奫yūn 婧jìng 媞tí,shì 嫒ài 嬅huà',
  '宬chéng 宸chén 寯jùn 峣yáo 崧sōng 岍qiān 嶷yí 弢tāo 彣wén 忞mǐn,wěn,mín 恂xún 悰cóng 惇dūn 愔yīn 慜mǐn 扆yǐ',
  '旼mín 昉fǎng 晞xī 晅xuǎn 晙jùn 晢zhé 晳xī 暄xuān 暎yìng 暠hào,gǎo 暾tūn 曈tóng 曛xūn 朏fěi,kū 栩xǔ 桢zhēn 樾yuè',
  '棣dì,dài,tì 橦tóng,chuáng 槿jǐn 沅yuán 洵xún 浚jùn,xùn 淞sōng 湉tián 溥pǔ 滢yíng 澍shù,zhù 灏hào 炀yáng 烜xuān,xuǎn',
  '燧suì 爔xī 瓴líng 皙xī 稹zhěn 箐jīng,qìng 篪chí 纭yún 缇tí 缙jìn 翥zhù 芃péng 芊qiān 苒rǎn 荀xún 蓁zhēn 蕤ruí',
  '藜lí 蘅héng 衎kàn 觐jìn 谌chén,shèn 谞xū 赜zé 轶yì 迩ěr 邈miǎo 郗chī,xī 锟kūn 锴kǎi 镛yōng 阗tián 隽jùn,juàn',
  '霁jì 韫yùn,wēn 颀qí 颢hào 飏yáng 馥fù 骁xiāo 鼐nài 龢hé 劼jié 勍qíng 卲shào 嗣sì 垲kǎi 埕chéng 堙yīn 塬yuán 墀chí',
  '妧wàn,yuán 娈luán 娉pīng 娖chuò 婥chuò,nào 媱yáo 嫱qiáng 孃niáng 宓mì,fú 宥yòu 寀cǎi,cài 岑cén 峤qiáo,jiào',
  '崟yín 巽xùn 帱chóu,dào 幄wò 庥xiū 廑jǐn,qín 弇yǎn 彦yàn 忻xīn 怿yì 恪kè 悃kǔn 惬qiè 愫sù 戬jiǎn 旌jīng 旎nǐ 晷guǐ',
  '暹xiān 曷hé 杲gǎo 杳yǎo 枏nán 柘zhè 栎lì,yuè 桉ān 梽zhì 棨qǐ 楙mào 榛zhēn 樨xī 檠qíng 欤yú 歆xīn 殳shū 沣fēng',
  '泱yāng 洙zhū 渼měi 溆xù 滈hào,xuè 潆yíng 澂chéng 澧lǐ 濂lián 焯chāo,zhuō 煊xuān 熳màn 燏yù 爀hè 牍dú 猗yī,yǐ',
  '玕gān 玘qǐ 玦jué 珂kē 珙gǒng 珲huī,hún 琏liǎn 瑁mào 瓯ōu 畇yún 畯jùn 皎jiǎo 睎xī 砺lì 祜hù 祾líng 禊xì 禚zhuó',
  '秾nóng 簃yí 綦qí 緐fán 缜zhěn 罡gāng 翃hóng 翕xī 翚huī 聃dān 舫fǎng 芮ruì 苡yǐ 荟huì 荪sūn 莞wǎn,guān,guǎn 菡hàn',
  '蒨qiàn 蓥yíng 蘩fán 衿jīn 袆huī 袤mào 褆tí 觋xí 訾zī,zǐ 诩xǔ 谧mì 谯qiáo,qiào 谡sù 赓gēng 赧nǎn 赪chēng 跹xiān',
  '轸zhěn 辂lù 迥jiǒng 逵kuí 郜gào 郦lì,zhí 钤qián 钺yuè 铉xuàn 锜qí 锷è 镝dí,dī 闳hóng 阆láng,làng 陟zhì 隗wěi,kuí',
  '霂mù 霙yīng 韡wěi 頔dí 颋tǐng 飒sà 驷sì 骧xiāng 鬯chàng 黉hóng 黟yī',
  // 《通用规范汉字表》收录的扩展区字（多为人名、地名用字）
  '㑇zhòu 㙍duō 㙘yāo 㙦xié 㛹pián 㟃sī 㠇jiù 㠓méng 㥄líng 㧐sǒng 㧑huī 㫰làng 㬊huǎn,huàn 㬎xiǎn 㬚chè 㭎gāng',
  '㭕qū 㮾lǎng 㰀lí 㳇fù 㳘chōng 㳚xù 㴔jí,xī 㵐jué 㸆kào 㸌huò 㻬tū 㽏gàn 㿠huàng 䁖lōu 䂮lüè 䃅dī 䃎zhà 䌹jiǒng',
  '䎃rǎn 䎖zēng 䓫qí 䓬zhuó 䜣xīn 䢺chū 䢼gōng 䣘táng 𠅤xí 𠙶ǒu 𠳐bāng 𡎚piǎn 𡐓kāng 𣲗wéi 𣲘wǔ 𣸣fén 𤧛dì',
  '𤩽huán 𤫉xiè 𥔲è 𥕢cáo 𥖨zào 𥻗chá 𦈡xū 𦒍tóng 𦝼lóu,lǘ 𦭜zhī 𦰡nà,nuó 𨐈guāng 𨙸qí 𨟠quān 𨭉bān',
  '𨱑huáng 𨱔zūn 𨺙nì 𪟝jì,jī 𪣻lóu 𪤗liào 𪨰qū 𪩘yǎn 𪾢xiàn 𫄧yán 𫄨chī 𫄷yì 𫄸xūn 𫇭wěi 𫌀jī',
  '𫍣tóng 𫍯xián 𫍲xiǎo 𫍽xuān 𫐄yuè 𫐐ní 𫐓róu 𫑡méng 𫓯jī 𫓶xuān 𫖮yǐ 𫖯fǔ 𫖳yūn 𫘜wén 𫘝jué',
  '𫘦táo 𫘧lù 𫘨tí 𫘪yuán 𫘬xí 𫞩mén 𫟅liáng 𫟦suì 𫟹hóng 𫠆kuǐ 𫠊xuán 𫢸dàn 𫭟ōu,qū 𫭢lǔn 𫭼láo',
  '𫮃shàn 𫰛xíng 𫵷lì 𫶇dié 𫷷xīn 𫸩kōu 𬀩wěi 𬀪xiàn 𬂩jiā 𬃊zhì 𬇕wàn 𬇙bèi 𬇹guó 𬉼ǒu 𬊈xún 𬊤chǎn',
  '𬌗hé 𬍛lì 𬍡dàng 𬍤xún 𬒈què 𬒔gěng 𬒗lán 𬕂lǒng 𬘓xún 𬘘dǎn 𬘡yīn 𬘩tīng 𬘬qiàn 𬘭chēn 𬘯zhǔn',
  '𬙂yǎn 𬙊mò 𬙋xiāng 𬜬màn 𬜯liǎng 𬞟pín 𬟁yì 𬣙xū 𬣞zhǔ 𬣡jiàn 𬣳hěn 𬤇yīn 𬤊shì 𬤝huì 𬨂qí 𬨎yóu',
  '𬩽xún 𬪩nóng 𬬩yì 𬬮chǎng 𬬱jīn 𬬹shén 𬬿zhāo 𬭁mǔ 𬭎hóng 𬭤hóu 𬭩wēng 𬭬huì 𬭯piě 𬮱yīn 𬮿gài',
  '𬯀jī 𬯎tuí 𬱖dí 𬱟wěi 𬳵pī 𬳶jiōng 𬳽shēn 𬳿tú 𬴂fēi 𬴃huō 𬴊lín',
  // Unihan 注明用于人名的扩展A、扩展B字
  '㑮hún 㖫líng 㙛bǔ 㚨shěn 㚫sà 㚭yóu 㚱qiū 㚲chān 㚵dōng 㚽qiǎo 㛄yī 㛅èr 㛆duò 㛊duǒ 㛏qiú 㛓xī 㛔fēng 㛕yì 㛖suō',
  '㛚tǒng 㛜yóu 㛝bèi 㛞lòng 㛫xī 㛬lù 㛭xī 㛱wěi 㛵chēng 㛷jī 㛸shù 㜂fēng 㜉yōng 㜋yì 㜍táng 㜏yún 㜐shù 㜙lù 㜞qiàn',
  '㜠cuī 㜡cōng 㜦xín 㜱zhì 㜴mèng 㜹qú 㜻liàn 㥅shòu 㬂yú 㬭jiào 㵬yíng 㷏yǒng 㷗jiǒng 㻅huì 㻱jīn 䇍chù 䎁hú 䛃wàn',
  '䵊tuān 𨓈kuò',
];

function parseEntry(token: string): RareChar {
  const codePoint = token.codePointAt(0) ?? 0;
  const char = String.fromCodePoint(codePoint);
  return { char, codePoint, pinyin: token.slice(char.length).split(',').filter(Boolean) };
}

export const RARE_CHARS: ReadonlyArray<RareChar> = DATA.flatMap((line) => line.split(' ').filter(Boolean).map(parseEntry));

const BY_CODE_POINT = new Map(RARE_CHARS.map((c) => [c.codePoint, c]));

/** CJK Unified Ideographs, Extension A, and Extension B onwards (B–I, up to H's end). */
const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0x20000, 0x323af],
];
const UNIFIED_IDEOGRAPH = /^\p{Unified_Ideograph}$/u;

/** True for an assigned CJK unified ideograph in the ranges above (as far as this engine's Unicode knows). */
export function isCjkIdeograph(codePoint: number): boolean {
  if (!CJK_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)) return false;
  return UNIFIED_IDEOGRAPH.test(String.fromCodePoint(codePoint));
}

/** 0x2020c → 'U+2020C' */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 'lǘ' → 'lv': tones dropped, ü typed as v (as Chinese input methods do). */
function toneless(reading: string): string {
  return reading
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Search keys of each entry: every reading without tones, with ü both as v and as u. */
const KEYS: ReadonlyArray<{ entry: RareChar; keys: string[] }> = RARE_CHARS.map((entry) => {
  const keys = new Set<string>();
  for (const p of entry.pinyin) {
    const k = toneless(p);
    keys.add(k);
    keys.add(k.replaceAll('v', 'u'));
  }
  return { entry, keys: [...keys] };
});

function entryFor(codePoint: number): RareChar | undefined {
  return BY_CODE_POINT.get(codePoint) ?? (isCjkIdeograph(codePoint) ? { char: String.fromCodePoint(codePoint), codePoint, pinyin: [] } : undefined);
}

const CODE_POINT_QUERY = /^(?:u\+|0x|\\u\{?)?([0-9a-f]{4,6})\}?$/i;
const HAN = /\p{Script=Han}/u;

/**
 * Finds characters for the picker. A query may be:
 * - pinyin, without tones, matched as a prefix ('kun' → 堃 锟 …; whole-syllable matches come first);
 * - a code point ('U+2020C', '2020C'): any CJK ideograph in range is returned even if not in the list;
 * - the character itself, or several ('𠈌', '王𡒄'), returned in the order typed.
 * An empty query gives the start of the list.
 */
export function searchRareChars(query: string, limit = 60): RareChar[] {
  const q = query.trim();
  if (!q) return RARE_CHARS.slice(0, limit);

  const hex = CODE_POINT_QUERY.exec(q.replace(/\s+/g, ''));
  if (hex?.[1]) {
    const entry = entryFor(Number.parseInt(hex[1], 16));
    if (entry) return [entry];
    // letters a–f only ('dade') may still be pinyin
    if (!/^[a-z]+$/i.test(q)) return [];
  }

  if (HAN.test(q)) {
    const found: RareChar[] = [];
    for (const ch of new Set(q)) {
      const entry = entryFor(ch.codePointAt(0) ?? 0);
      if (entry) found.push(entry);
    }
    return found.slice(0, limit);
  }

  const key = toneless(q).replace(/[^a-z]/g, '');
  if (!key) return [];
  const exact: RareChar[] = [];
  const prefix: RareChar[] = [];
  for (const { entry, keys } of KEYS) {
    if (keys.includes(key)) exact.push(entry);
    else if (keys.some((k) => k.startsWith(key))) prefix.push(entry);
  }
  return [...exact, ...prefix].slice(0, limit);
}
