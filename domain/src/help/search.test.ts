import { describe, expect, it } from 'vitest';
import { HelpSearchIndex, helpExcerpt, helpTerms, type HelpSearchDoc } from './search';
import { GUIDE_CHAPTERS, guideSearchDocs } from './guide';
import { faqLink } from './links';

const faq = (id: string, title: string, body: string, keywords = ''): HelpSearchDoc => ({ id: `faq:${id}`, kind: 'faq', title, body, keywords, link: faqLink(id) });

const docs: HelpSearchDoc[] = [
  faq('pw', '忘记密码怎么办？', '在登录页点击“忘记密码”，填写证件号码、真实姓名、手机号和短信验证码后设置新密码。', '找回密码'),
  faq('sms', '短信验证码多久有效？', '短信验证码为6位数字，发送后3分钟内有效。同一手机号每3分钟只能获取一次。', '注册'),
  faq('rare', '姓名中有生僻字怎么办？', '点击“真实姓名”输入框右侧的“生僻字”按钮选择。', '注册'),
  faq('lock', '密码输错几次会锁定？', '连续输错5次密码，账号锁定30分钟。', '登录'),
  ...guideSearchDocs(),
];
const index = new HelpSearchIndex(docs);

describe('helpTerms', () => {
  it('keeps segmenter words and Han bigrams, and drops question words', () => {
    const terms = helpTerms('忘记密码怎么办');
    expect(terms).toEqual(expect.arrayContaining(['w:忘记', 'w:密码', 'b:忘记', 'b:记密', 'b:密码']));
    expect(terms.some((t) => t.includes('怎么'))).toBe(false);
  });

  it('folds full-width and upper-case Latin letters', () => {
    expect(helpTerms('ＳＭＳ Code')).toEqual(['w:sms', 'w:code']);
  });

  it('has no terms for a question made only of question words', () => {
    expect(helpTerms('怎么办？为什么')).toEqual([]);
  });
});

describe('HelpSearchIndex', () => {
  it('ranks the FAQ entry that answers “忘记密码怎么办” first', () => {
    const hits = index.search('忘记密码怎么办');
    expect(hits[0]?.doc.id).toBe('faq:pw');
    expect(hits[0]?.doc.link).toBe('/help#faq-pw');
  });

  it('answers “验证码多久有效” with the SMS code entry and an excerpt holding the rule', () => {
    const hits = index.search('验证码多久有效');
    expect(hits[0]?.doc.id).toBe('faq:sms');
    expect(hits[0]?.excerpt).toContain('3分钟内有效');
  });

  it('finds guide sections of the accountants’ guide, linked to /guide/<chapter>#<section>; the staff chapters and demo-only sections are not in it', () => {
    const hits = index.search('支付宝实名认证二维码');
    expect(hits.find((h) => h.doc.kind === 'guide')?.doc.link).toMatch(/^\/guide\/realname#/);
    expect(index.search('管理端怎么新建审核员账号').filter((h) => h.doc.link.includes('admin'))).toEqual([]);
    expect(guideSearchDocs().some((d) => d.id.includes('realname-alipay-demo'))).toBe(false);
  });

  it('matches an unsegmented or oddly cut question through bigrams', () => {
    // "验证码" is cut 验证/码 by the segmenter: the bigram 证码 still meets the documents
    expect(helpTerms('验证码')).toContain('b:证码');
    const hits = index.search('短信验证码有效期');
    expect(hits.map((h) => h.doc.id)).toContain('faq:sms');
  });

  it.each(['量子色动力学', '今天天气怎么样', 'asdfghjkl', '量子计算机的密码', '怎么办？'])('matches nothing for “%s”', (q) => {
    expect(index.search(q)).toEqual([]);
  });

  it('returns at most `limit` hits, best first', () => {
    const hits = index.search('密码', { limit: 3 });
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.length).toBeGreaterThan(0);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });

  it('can be limited to one kind of document', () => {
    const hits = index.search('生僻字', { kinds: ['faq'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.doc.kind === 'faq')).toBe(true);
  });

  it('finds words that only appear in the hidden keywords', () => {
    expect(index.search('找回密码', { kinds: ['faq'] })[0]?.doc.id).toBe('faq:pw');
  });

  it('is empty over an empty corpus', () => {
    expect(new HelpSearchIndex([]).search('密码')).toEqual([]);
  });
});

describe('helpExcerpt', () => {
  it('picks the sentence holding the question terms and marks cut text with …', () => {
    const body = '第一句与问题无关。第二句讲验证码的有效期为3分钟。第三句。';
    const weights = new Map([['b:证码', 2], ['w:有效', 1]]);
    const e = helpExcerpt(body, weights);
    expect(e.startsWith('…第二句讲验证码')).toBe(true);
  });

  it('clips long passages to about 120 characters', () => {
    const e = helpExcerpt('密码'.repeat(200), new Map([['w:密码', 1]]));
    expect([...e].length).toBeLessThanOrEqual(121);
    expect(e.endsWith('…')).toBe(true);
  });
});

describe('guide data', () => {
  it('has unique chapter and section ids and screenshots with alt text', () => {
    const chapters = GUIDE_CHAPTERS.map((c) => c.id);
    const sections = GUIDE_CHAPTERS.flatMap((c) => c.sections.map((s) => s.id));
    expect(new Set(chapters).size).toBe(chapters.length);
    expect(new Set(sections).size).toBe(sections.length);
    for (const s of GUIDE_CHAPTERS.flatMap((c) => c.sections)) {
      if (s.screenshot) {
        expect(s.screenshot.src).toMatch(/^\/guide\/[a-z0-9-]+\.png$/);
        expect(s.screenshot.alt.length).toBeGreaterThan(4);
      }
    }
    expect(chapters).toEqual(expect.arrayContaining(['register', 'login', 'forgot-password', 'help-center', 'ask', 'admin']));
  });
});
