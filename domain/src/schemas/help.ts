import { z } from 'zod';

/** 帮助中心 categories in display order; administrators may add others. */
export const FAQ_CATEGORIES = ['注册', '登录', '找回密码', '账号安全', '实名认证', '信息采集', '信息变更', '属地关系调转', '个人中心', '微信绑定'] as const;

export const FAQ_LIMITS = { category: 20, question: 200, answer: 2000, query: 100, askQuestion: 200 } as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过${max}个字`);

const sortField = z
  .number({ error: '排序应为数字' })
  .int('排序应为整数')
  .min(0, '排序不能小于0')
  .max(100000, '排序不能大于100000');

/* ---------- GET /api/help/faq ---------- */

export const faqListQuery = z
  .object({
    q: z.string({ error: '搜索内容无效' }).trim().max(FAQ_LIMITS.query, `搜索内容不能超过${FAQ_LIMITS.query}个字`).optional(),
  })
  .strict();
export type FaqListQuery = z.infer<typeof faqListQuery>;

export const faqEntry = z.object({
  id: z.string(),
  category: z.string(),
  question: z.string(),
  answer: z.string(),
  sort: z.number(),
  updatedAt: z.string(),
});
export type FaqEntry = z.infer<typeof faqEntry>;

export const faqListResponse = z.object({
  items: z.array(faqEntry),
  /** categories present, in display order */
  categories: z.array(z.string()),
  /** total number of entries, whatever the search */
  total: z.number(),
});
export type FaqListResponse = z.infer<typeof faqListResponse>;

/* ---------- POST /api/admin/faq ---------- */

export const createFaqRequest = z
  .object({
    category: text('类别', FAQ_LIMITS.category),
    question: text('问题', FAQ_LIMITS.question),
    answer: text('答案', FAQ_LIMITS.answer),
    /** position in the list; appended at the end when omitted */
    sort: sortField.optional(),
  })
  .strict();
export type CreateFaqRequest = z.infer<typeof createFaqRequest>;
export const createFaqResponse = faqEntry;

/* ---------- PATCH /api/admin/faq/:id ---------- */

export const faqIdParams = z.object({ id: z.string().uuid('常见问题编号无效') }).strict();

export const updateFaqRequest = z
  .object({
    category: text('类别', FAQ_LIMITS.category).optional(),
    question: text('问题', FAQ_LIMITS.question).optional(),
    answer: text('答案', FAQ_LIMITS.answer).optional(),
    sort: sortField.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少修改一项内容' });
export type UpdateFaqRequest = z.infer<typeof updateFaqRequest>;
export const updateFaqResponse = faqEntry;

/* ---------- DELETE /api/admin/faq/:id ---------- */

export const deleteFaqResponse = z.object({ ok: z.literal(true) });

/* ---------- POST /api/help/ask ---------- */

export const askRequest = z
  .object({
    question: text('您的问题', FAQ_LIMITS.askQuestion),
  })
  .strict();
export type AskRequest = z.infer<typeof askRequest>;

export const askAnswer = z.object({
  kind: z.enum(['faq', 'guide']),
  title: z.string(),
  excerpt: z.string(),
  /** /help#faq-<id> or /guide/<chapter>#<section> */
  link: z.string(),
  score: z.number(),
});
export type AskAnswer = z.infer<typeof askAnswer>;

export const askResponse = z.object({ answers: z.array(askAnswer) });
export type AskResponse = z.infer<typeof askResponse>;

/** What the 咨询答疑 page says when nothing matches. */
/** No platform-wide hotline exists: questions the FAQ cannot answer go to the person's own department. */
export const ASK_NO_ANSWER_MESSAGE = '没有找到与您的问题相关的内容。请换个说法再问，或查看帮助中心；仍未解决的，请联系您所属的会计管理部门（各地财政部门会计管理机构）。';
