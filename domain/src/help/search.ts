/**
 * 咨询答疑 search: BM25 over Chinese text. Pure code (Intl only), shared by the server's ask route
 * and its tests.
 *
 * Terms come from two sources so that both well-segmented and oddly-phrased questions match:
 * - words from Intl.Segmenter('zh') (single Han characters are dropped: they carry little meaning);
 * - character bigrams of each run of Han text between stop words and punctuation (so "验证码" in a
 *   question still meets "验证码" in an answer even when the segmenter cuts them differently).
 *
 * A hit must also cover enough of the question: the share of the question's IDF weight that the
 * document contains. Terms the corpus has never seen weigh most, so a question about something the
 * platform does not cover ("量子色动力学") matches nothing instead of the least bad passage.
 */

import { HELP_NOT_YET_OPEN, rewriteQuestion } from './synonyms';

export interface HelpSearchDoc {
  /** unique key, e.g. "faq:<uuid>" or "guide:register/fill" */
  id: string;
  kind: 'faq' | 'guide';
  title: string;
  body: string;
  /** indexed like the body but never shown, e.g. the FAQ category */
  keywords?: string;
  link: string;
}

export interface HelpSearchHit {
  doc: HelpSearchDoc;
  score: number;
  /** share (0–1) of the question's term weight found in the document */
  coverage: number;
  excerpt: string;
}

export interface HelpSearchOptions {
  /** maximum number of hits */
  limit?: number;
  /** minimum BM25 score */
  minScore?: number;
  /** minimum share of the question's term weight the document must contain */
  minCoverage?: number;
  kinds?: ReadonlyArray<HelpSearchDoc['kind']>;
}

/** Question words and particles: they say how something is asked, not what about. */
const STOP_WORDS = new Set([
  '的', '地', '得', '了', '着', '过', '吗', '呢', '吧', '啊', '呀', '嘛', '哦', '么',
  '是', '我', '我的', '你', '您', '他', '她', '它', '们', '我们', '你们', '自己',
  '这', '那', '这个', '那个', '这样', '那样', '这里', '那里', '一个', '一下', '一些', '个',
  '在', '和', '与', '及', '或', '或者', '并', '并且', '对', '被', '把', '给', '让', '向', '从', '于', '以', '为',
  '就', '都', '也', '还', '又', '再', '才', '很', '太', '更', '最',
  '要', '想', '会', '能', '可', '可以', '能够', '应该', '需要', '得到',
  '请', '请问', '问', '问题', '咨询', '一直', '总是', '已经', '时', '时候', '后', '之后', '以后', '前', '之前',
  '怎么', '怎么办', '怎样', '怎么样', '如何', '什么', '为什么', '为何', '多久', '多长', '多长时间', '多少',
  '哪里', '哪儿', '哪些', '哪个', '哪', '是否', '能否', '可否', '有没有', '是不是', '办', '做', '弄', '处理',
  '有', '没', '没有', '该', '已', '每', '等', '啥', '我在', '我想', '不了', '不能', '不行', '无法',
  '老是', '总', '几', '几次', '算', '说', '用', '一直', '以后', '会不会', '还能', '还', '别人',
]);

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

let segmenter: Intl.Segmenter | undefined;
function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/**
 * Terms of a text: segmenter words (prefix "w:") and Han bigrams (prefix "b:"), with repeats, in
 * text order. Latin letters are lower-cased; full-width forms are folded by NFKC.
 */
export function helpTerms(text: string): string[] {
  const terms: string[] = [];
  let run = '';
  const flush = () => {
    const cps = [...run];
    if (cps.length === 1) terms.push(`b:${run}`);
    for (let i = 0; i + 1 < cps.length; i++) terms.push(`b:${cps[i]}${cps[i + 1]}`);
    run = '';
  };
  for (const s of getSegmenter().segment(text.normalize('NFKC').toLowerCase())) {
    const word = s.segment;
    if (!s.isWordLike || STOP_WORDS.has(word)) {
      flush();
      continue;
    }
    if (HAN_ONLY.test(word)) {
      run += word;
      if ([...word].length > 1) terms.push(`w:${word}`);
    } else {
      flush();
      if (!HAN.test(word)) terms.push(`w:${word}`);
      else for (const part of word.split(/[^\p{Script=Han}]+/u).filter(Boolean)) terms.push(`b:${part}`);
    }
  }
  flush();
  return terms;
}

interface IndexedDoc {
  doc: HelpSearchDoc;
  tf: Map<string, number>;
  length: number;
}

const K1 = 1.2;
const B = 0.75;
/** each title term counts as this many body terms */
const TITLE_WEIGHT = 2;

/** hits after the best need this share of its score and of the coverage threshold */
const FOLLOWER_SHARE = 0.5;

export const HELP_SEARCH_DEFAULTS = { limit: 5, minScore: 1, minCoverage: 0.35 } as const;

/** An immutable BM25 index over FAQ entries and guide sections. */
export class HelpSearchIndex {
  private readonly docs: IndexedDoc[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(docs: ReadonlyArray<HelpSearchDoc>) {
    this.docs = docs.map((doc) => {
      const tf = new Map<string, number>();
      let length = 0;
      for (const t of helpTerms(doc.title)) {
        tf.set(t, (tf.get(t) ?? 0) + TITLE_WEIGHT);
        length += TITLE_WEIGHT;
      }
      for (const t of helpTerms(`${doc.body}\n${doc.keywords ?? ''}`)) {
        tf.set(t, (tf.get(t) ?? 0) + 1);
        length += 1;
      }
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { doc, tf, length };
    });
    const total = this.docs.reduce((n, d) => n + d.length, 0);
    this.avgLength = this.docs.length ? total / this.docs.length : 1;
  }

  get size(): number {
    return this.docs.length;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(question: string, options: HelpSearchOptions = {}): HelpSearchHit[] {
    const { limit, minScore, minCoverage } = { ...HELP_SEARCH_DEFAULTS, ...options };
    // a business not open yet is answered only by an entry about it (its title names it)
    const closedTopic = HELP_NOT_YET_OPEN.exec(question)?.[0];
    const terms = [...new Set(helpTerms(rewriteQuestion(question)))];
    if (terms.length === 0 || this.docs.length === 0) return [];
    const weights = new Map(terms.map((t) => [t, this.idf(t)]));
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
    const hits: HelpSearchHit[] = [];
    for (const d of this.docs) {
      if (options.kinds && !options.kinds.includes(d.doc.kind)) continue;
      if (closedTopic && !d.doc.title.includes(closedTopic)) continue;
      let score = 0;
      let covered = 0;
      for (const [t, idf] of weights) {
        const f = d.tf.get(t);
        if (!f) continue;
        covered += idf;
        score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / this.avgLength));
      }
      const coverage = totalWeight > 0 ? covered / totalWeight : 0;
      if (score < minScore || coverage < minCoverage * FOLLOWER_SHARE) continue;
      hits.push({ doc: d.doc, score: Math.round(score * 100) / 100, coverage: Math.round(coverage * 100) / 100, excerpt: '' });
    }
    // the answer covering more of the question first (in steps of a tenth), then the stronger one
    hits.sort((a, b) => Math.floor(b.coverage * 10) - Math.floor(a.coverage * 10) || b.score - a.score || a.doc.id.localeCompare(b.doc.id));
    // The best hit must answer the question on its own; the others only need to be close to it.
    const top = hits.find((h) => h.coverage >= minCoverage);
    if (!top) return [];
    const kept = hits.filter((h) => h === top || h.score >= top.score * FOLLOWER_SHARE);
    return kept.slice(0, limit).map((h) => ({ ...h, excerpt: helpExcerpt(h.doc.body, weights) }));
  }
}

const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;]?/gu;
const EXCERPT_CHARS = 120;

/**
 * The passage of a body that best answers the question: the sentence holding most of the question's
 * term weight, followed by the next sentences while they fit.
 */
export function helpExcerpt(body: string, weights: ReadonlyMap<string, number>): string {
  const sentences = (body.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
  if (sentences.length === 0) return '';
  let best = 0;
  let bestScore = -1;
  sentences.forEach((s, i) => {
    const seen = new Set(helpTerms(s));
    let score = 0;
    for (const t of seen) score += weights.get(t) ?? 0;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  let text = sentences[best] ?? '';
  let end = best + 1;
  while (end < sentences.length && [...text].length + [...(sentences[end] ?? '')].length <= EXCERPT_CHARS) {
    text += sentences[end] ?? '';
    end++;
  }
  const cps = [...text];
  const clipped = cps.length > EXCERPT_CHARS ? `${cps.slice(0, EXCERPT_CHARS).join('')}…` : text;
  return `${best > 0 ? '…' : ''}${clipped}${clipped === text && end < sentences.length ? '…' : ''}`;
}
