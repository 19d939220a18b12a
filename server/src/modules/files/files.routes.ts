import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FILE_PURPOSES, FILE_RULES, formatBytes, type FileRule } from '@ausm/domain';
import { loadStaff } from '../../platform/auth';
import { assertCleanText } from '../../platform/input-guard';
import { AppError } from '../../platform/errors';
import { toFileSummary } from '../../platform/files';
import type { FileRow } from '../../db/types';
import { departmentInScope } from '../../platform/review/scope';
import { filesPolicy } from './files.policy';

const fileSummary = z.object({
  id: z.string(),
  purpose: z.string(),
  name: z.string(),
  type: z.enum(['jpg', 'png', 'pdf']),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  createdAt: z.string(),
});

/** A multipart body that ends early or breaks its own format is the sender's problem (400), never a 500. */
function brokenUpload(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = '文件上传不完整或格式有误，请重新上传';
  return new AppError('BAD_REQUEST', message, [{ path: 'file', message }]);
}

export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/api/files',
    {
      preValidation: filesPolicy.owner,
      schema: {
        tags: ['files'],
        summary: '上传附件（multipart/form-data，字段 file；按文件内容校验类型、大小和像素）',
        querystring: z.object({ purpose: z.enum(FILE_PURPOSES, { error: '附件用途无效' }) }).strict(),
        response: { 201: fileSummary },
      },
    },
    async (req, reply) => {
      const { filename, bytes } = await readUpload(req, FILE_RULES[req.query.purpose]);
      const row = await ctx.files.store(req.accountantId ?? '', req.query.purpose, filename, bytes);
      return reply.code(201).send(toFileSummary(row));
    },
  );

  // a department's own document for a person it holds (the 奖惩 it records), kept in the person's archive
  app.post(
    '/api/admin/people/:accountId/files',
    {
      preValidation: filesPolicy.staffThroughItemOrArchive,
      schema: {
        tags: ['files'],
        summary: '为本部门所辖会计人员上传部门文件（奖惩决定等，存入该会计人员档案；上传记入审计日志）',
        params: z.object({ accountId: z.string().max(64) }),
        querystring: z.object({ purpose: z.enum(['honor_proof'], { error: '附件用途无效' }).default('honor_proof') }).strict(),
        response: { 201: fileSummary },
      },
    },
    async (req, reply) => {
      const staff = await loadStaff(req);
      const holder = await ctx.db.selectFrom('collections').select('department_code').where('account_id', '=', req.params.accountId).where('status', '=', 'approved').executeTakeFirst();
      if (!holder?.department_code || !(await departmentInScope(ctx.db, staff, holder.department_code))) throw AppError.notFound('会计人员');
      const { filename, bytes } = await readUpload(req, FILE_RULES[req.query.purpose]);
      const row = await ctx.files.store(req.params.accountId, req.query.purpose, filename, bytes);
      await ctx.audit.record(ctx.db, { actorKind: 'staff', actorId: staff.id, action: 'file.upload_for_person', targetKind: 'file', targetId: row.id, ip: req.ip, detail: { account: req.params.accountId, purpose: req.query.purpose } });
      return reply.code(201).send(toFileSummary(row));
    },
  );

  app.get(
    '/api/files/:id',
    { preValidation: filesPolicy.owner, schema: { tags: ['files'], summary: '下载本人上传的附件', params: z.object({ id: z.string().max(64) }) } },
    async (req, reply) => {
      const f = await ctx.files.find(req.params.id);
      if (!f || f.account_id !== req.accountantId) throw AppError.notFound('附件');
      return sendFile(reply, f, await ctx.files.read(f));
    },
  );

  /*
   * Staff read a file only through one of two paths, each its own route (issue 7):
   * (a)/(b) an item it was submitted with, whose current stage their department holds or in which
   *         their department takes part read-only (the engine's access: decide or read);
   * (c)     the archive of a person their department currently holds (the department of the person's
   *         approved collection; it moves with a transfer), for files of the person's approved items.
   */
  const reviewers = filesPolicy.staffThroughItemOrArchive;
  const fileParams = z.object({ fileId: z.string().max(64) });

  app.get(
    '/api/admin/reviews/:id/files/:fileId',
    {
      preValidation: reviewers,
      schema: { tags: ['files'], summary: '管理端查看审核事项的附件（本部门承办或只读参与的事项）', params: fileParams.extend({ id: z.string().max(64) }) },
    },
    async (req, reply) => {
      const staff = await loadStaff(req);
      const review = await ctx.reviews.get(req.params.id).catch(() => undefined);
      const access = review ? await ctx.reviews.access(staff, review) : null;
      const f = review && access && (await ctx.reviews.fileOfItem(ctx.db, review.id, req.params.fileId)) ? await ctx.files.find(req.params.fileId) : undefined;
      if (!review || !f) throw AppError.notFound('附件');
      await ctx.audit.record(ctx.db, {
        actorKind: 'staff', actorId: staff.id, action: 'file.read', targetKind: 'file', targetId: f.id, ip: req.ip,
        detail: { path: access === 'decide' ? 'item' : 'participant', review: review.id, account: f.account_id, purpose: f.purpose },
      });
      return sendFile(reply, f, await ctx.files.read(f));
    },
  );

  app.get(
    '/api/admin/people/:accountId/files/:fileId',
    {
      preValidation: reviewers,
      schema: { tags: ['files'], summary: '管理端查看本部门所辖会计人员档案中的附件', params: fileParams.extend({ accountId: z.string().max(64) }) },
    },
    async (req, reply) => {
      const staff = await loadStaff(req);
      const { accountId, fileId } = req.params;
      const holder = await ctx.db.selectFrom('collections').select('department_code').where('account_id', '=', accountId).where('status', '=', 'approved').executeTakeFirst();
      const inArchive = holder?.department_code ? await departmentInScope(ctx.db, staff, holder.department_code) : false;
      const linked = inArchive
        ? await ctx.db
            .selectFrom('review_files')
            .innerJoin('reviews', 'reviews.id', 'review_files.review_id')
            .select('review_files.file_id')
            .where('review_files.file_id', '=', fileId)
            .where('reviews.account_id', '=', accountId)
            .where('reviews.status', '=', 'approved')
            .executeTakeFirst()
        : undefined;
      const f = linked ? await ctx.files.find(fileId) : undefined;
      if (!f || f.account_id !== accountId) throw AppError.notFound('附件');
      await ctx.audit.record(ctx.db, {
        actorKind: 'staff', actorId: staff.id, action: 'file.read', targetKind: 'file', targetId: f.id, ip: req.ip,
        detail: { path: 'archive', account: accountId, purpose: f.purpose },
      });
      return sendFile(reply, f, await ctx.files.read(f));
    },
  );
};

/** The one file of a multipart upload, checked for clean names and the purpose's size limit. */
async function readUpload(req: FastifyRequest, rule: FileRule): Promise<{ filename: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw AppError.validation([{ path: 'file', message: '请选择要上传的文件' }]);
  const part = await req.file({ limits: { fileSize: rule.maxBytes, files: 1 } }).catch((err: unknown) => {
    throw brokenUpload(err);
  });
  if (!part) throw AppError.validation([{ path: 'file', message: '请选择要上传的文件' }]);
  assertCleanText(part.filename, 'file');
  for (const [name, field] of Object.entries(part.fields)) {
    assertCleanText(name, 'file');
    const value = field && 'value' in field ? field.value : undefined;
    if (typeof value === 'string') assertCleanText(value, name);
  }
  try {
    return { filename: part.filename, bytes: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const message = `${rule.label}不能超过${formatBytes(rule.maxBytes)}`;
      throw new AppError('PAYLOAD_TOO_LARGE', message, [{ path: 'file', message }]);
    }
    throw brokenUpload(err);
  }
}

function sendFile(reply: FastifyReply, f: FileRow, bytes: Buffer) {
  return reply
    .header('Content-Type', f.mime)
    .header('Content-Disposition', `inline; filename="file.${f.type}"; filename*=UTF-8''${encodeURIComponent(f.original_name)}`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(bytes);
}
