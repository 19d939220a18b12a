import { z } from 'zod';

/** Builds a zod issue at a field path with a Chinese message. */
export function fieldIssue(ctx: z.RefinementCtx, path: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: path.split('.'), message });
}

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfter: z.number().optional(),
});

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过${max}个字符`);
