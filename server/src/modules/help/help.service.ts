import crypto from 'node:crypto';
import {
  FAQ_CATEGORIES,
  HelpSearchIndex,
  faqLink,
  guideSearchDocs,
  type AskAnswer,
  type CreateFaqRequest,
  type FaqEntry,
  type FaqListResponse,
  type HelpSearchDoc,
  type UpdateFaqRequest,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Faq } from '../../db/types';
import { FaqRepo } from './help.repo';

interface HelpCache {
  version: string;
  rows: Faq[];
  index: HelpSearchIndex;
}

export function toFaqEntry(row: Faq): FaqEntry {
  return { id: row.id, category: row.category, question: row.question, answer: row.answer, sort: row.sort, updatedAt: row.updated_at };
}

function faqSearchDoc(row: Faq): HelpSearchDoc {
  return { id: `faq:${row.id}`, kind: 'faq', title: row.question, body: row.answer, keywords: row.category, link: faqLink(row.id) };
}

/** Known categories first, in their fixed order; any others in the order they first appear. */
function categoriesOf(rows: Faq[]): string[] {
  const present = new Set(rows.map((r) => r.category));
  return [...FAQ_CATEGORIES.filter((c) => present.has(c)), ...[...present].filter((c) => !(FAQ_CATEGORIES as readonly string[]).includes(c))];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * 帮助中心 and 咨询答疑. The search index over FAQ rows and guide sections is built once and kept
 * until the FAQ version (a meta row bumped by every write, on any instance) changes.
 */
export class HelpService {
  private readonly repo: FaqRepo;
  private cache: HelpCache | undefined;

  constructor(private readonly ctx: AppContext) {
    this.repo = new FaqRepo(ctx.db);
  }

  private async current(): Promise<HelpCache> {
    // version first: a write landing between the two reads then only costs one extra rebuild
    const version = await this.repo.version();
    if (this.cache?.version === version) return this.cache;
    const rows = await this.repo.list();
    this.cache = { version, rows, index: new HelpSearchIndex([...rows.map(faqSearchDoc), ...guideSearchDocs()]) };
    return this.cache;
  }

  async listFaq(q: string | undefined): Promise<FaqListResponse> {
    const { rows, index } = await this.current();
    const query = q?.trim() ?? '';
    let items = rows;
    if (query) {
      // a literal match (what people expect from a search box) ranks above a ranked-only match
      const needle = fold(query);
      const scores = new Map(index.search(query, { kinds: ['faq'], limit: rows.length }).map((h) => [h.doc.id, h.score]));
      items = rows
        .map((r) => ({ r, literal: fold(`${r.question}\n${r.answer}\n${r.category}`).includes(needle), score: scores.get(`faq:${r.id}`) }))
        .filter((x) => x.literal || x.score !== undefined)
        .sort((a, b) => Number(b.literal) - Number(a.literal) || (b.score ?? 0) - (a.score ?? 0))
        .map((x) => x.r);
    }
    return { items: items.map(toFaqEntry), categories: categoriesOf(items), total: rows.length };
  }

  async ask(question: string): Promise<AskAnswer[]> {
    const { index } = await this.current();
    // an FAQ answer is short and whole: shown whole, never from the middle; a guide section by its best passage
    return index.search(question).map((h) => ({ kind: h.doc.kind, title: h.doc.title, excerpt: h.doc.kind === 'faq' ? h.doc.body : h.excerpt, link: h.doc.link, score: h.score }));
  }

  async createFaq(actorId: string, input: CreateFaqRequest, ip: string): Promise<FaqEntry> {
    const { db, audit, clock } = this.ctx;
    const row = await db.transaction().execute(async (trx) => {
      const created: Faq = {
        id: crypto.randomUUID(),
        category: input.category,
        question: input.question,
        answer: input.answer,
        sort: input.sort ?? (await this.repo.nextSort(trx)),
        updated_at: clock.now().toISOString(),
        updated_by: actorId,
      };
      await this.repo.insert(created, trx);
      await this.repo.bumpVersion(trx);
      await audit.record(trx, { actorKind: 'staff', actorId, action: 'faq.create', targetKind: 'faq', targetId: created.id, ip, detail: { category: created.category, question: created.question } });
      return created;
    });
    this.cache = undefined;
    return toFaqEntry(row);
  }

  async updateFaq(actorId: string, id: string, input: UpdateFaqRequest, ip: string): Promise<FaqEntry> {
    const { db, audit, clock } = this.ctx;
    const row = await db.transaction().execute(async (trx) => {
      const before = await this.repo.find(id, trx);
      if (!before) throw AppError.notFound('常见问题');
      const patch = {
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.question !== undefined ? { question: input.question } : {}),
        ...(input.answer !== undefined ? { answer: input.answer } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
      };
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => patch[k] !== before[k]);
      const after: Faq = { ...before, ...patch, updated_at: clock.now().toISOString(), updated_by: actorId };
      await this.repo.update(id, { ...patch, updated_at: after.updated_at, updated_by: actorId }, trx);
      await this.repo.bumpVersion(trx);
      await audit.record(trx, {
        actorKind: 'staff',
        actorId,
        action: 'faq.update',
        targetKind: 'faq',
        targetId: id,
        ip,
        detail: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])) },
      });
      return after;
    });
    this.cache = undefined;
    return toFaqEntry(row);
  }

  async deleteFaq(actorId: string, id: string, ip: string): Promise<void> {
    const { db, audit } = this.ctx;
    await db.transaction().execute(async (trx) => {
      const before = await this.repo.find(id, trx);
      if (!before || !(await this.repo.delete(id, trx))) throw AppError.notFound('常见问题');
      await this.repo.bumpVersion(trx);
      await audit.record(trx, { actorKind: 'staff', actorId, action: 'faq.delete', targetKind: 'faq', targetId: id, ip, detail: { category: before.category, question: before.question, answer: before.answer } });
    });
    this.cache = undefined;
  }
}
