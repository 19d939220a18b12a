import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CODE_LISTS, codeListResponse, departmentChildrenQuery, departmentChildrenResponse, isCodeListName } from '@ausm/domain';
import { AppError } from '../../platform/errors';

const MOF_CODE = '000000';
/** Reference data changes with a release at most: browsers may keep it for an hour. */
const CACHE = 'public, max-age=3600';

/** Public reference data for the collection forms: the department cascader and the code lists. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/api/departments/children',
    { config: { access: 'public' },
      schema: {
        tags: ['collection'],
        summary: '会计管理部门级联选择：某部门的下级部门（不传 parent 时为各省级部门，含新疆生产建设兵团和中央单位）',
        querystring: departmentChildrenQuery,
        response: { 200: departmentChildrenResponse },
      },
    },
    async (req, reply) => {
      const parent = req.query.parent ?? MOF_CODE;
      const exists = await ctx.db.selectFrom('departments').select('code').where('code', '=', parent).executeTakeFirst();
      if (!exists) throw AppError.notFound('会计管理部门');
      const rows = await ctx.db
        .selectFrom('departments as d')
        .select((eb) => [
          'd.code',
          'd.name',
          'd.level',
          eb.exists(eb.selectFrom('departments as c').select('c.code').whereRef('c.parent_code', '=', 'd.code')).as('has_children'),
        ])
        .where('d.parent_code', '=', parent)
        .orderBy('d.sort')
        .orderBy('d.code')
        .execute();
      reply.header('Cache-Control', CACHE);
      return { items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, isLeaf: !Number(r.has_children) })) };
    },
  );

  app.get(
    '/api/codes/:list',
    { config: { access: 'public' },
      schema: {
        tags: ['collection'],
        summary: '代码表（民族、政治面貌、学历、学位、专业、行业、单位类型、会计岗位等；行政区划请用部门级联接口）',
        params: z.object({ list: z.string().max(40) }),
        response: { 200: codeListResponse },
      },
    },
    async (req, reply) => {
      const name = req.params.list;
      if (name === 'region') throw new AppError('NOT_FOUND', '行政区划请通过 /api/departments/children 逐级获取');
      if (!isCodeListName(name)) throw AppError.notFound('代码表');
      const list = CODE_LISTS[name];
      reply.header('Cache-Control', CACHE);
      return { name, kind: list.kind, label: list.label, version: list.version, items: [...list.items] as Array<{ code: string; name: string }> };
    },
  );
};
