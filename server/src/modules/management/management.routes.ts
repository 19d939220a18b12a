import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createStaffRequest,
  secondFactorRequest,
  secondFactorResponse,
  staffLoginResponse,
  departmentListResponse,
  okResponse,
  staffListResponse,
  staffLoginRequest,
  staffMeResponse,
  staffSummary,
  updateStaffRequest,
} from '@ausm/domain';
import { StaffService } from './staff.service';
import { SecondFactorService } from './second-factor.service';
import { staffPolicy } from './staff.policy';
import { STAFF_COOKIE, clearSessionCookie, loadStaff, setSessionCookie } from '../../platform/auth';

export const managementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const staffService = new StaffService(ctx);
  const secondFactor = new SecondFactorService(ctx);

  app.post(
    '/api/admin/session',
    { config: { access: 'public' },
      schema: {
        tags: ['management'],
        summary: '管理端登录第一步：用户名、密码和图形验证码；通过后进入第二步（动态验证码，未绑定身份验证器的先绑定）',
        body: staffLoginRequest,
        response: { 200: staffLoginResponse },
      },
    },
    async (req) => secondFactor.begin(await staffService.login(req.body, req.ip)),
  );

  app.post(
    '/api/admin/session/second-factor',
    { config: { access: 'public' },
      schema: {
        tags: ['management'],
        summary: '管理端登录第二步：身份验证器的6位动态验证码（或一次性恢复码）；绑定时即确认绑定并返回恢复码（仅此一次）',
        body: secondFactorRequest,
        response: { 200: secondFactorResponse },
      },
    },
    async (req, reply) => {
      const { staff, recoveryCodes } = await secondFactor.complete(req.body, req.ip);
      await ctx.sessions.destroy(req.cookies[STAFF_COOKIE]);
      const token = await ctx.sessions.create('staff', staff.id, req.ip);
      setSessionCookie(req, reply, STAFF_COOKIE, token);
      return { ...(await staffService.me(staff)), ...(recoveryCodes ? { recoveryCodes } : {}) };
    },
  );

  app.delete(
    '/api/admin/session',
    { config: { access: 'public' }, schema: { tags: ['management'], summary: '管理端退出登录', response: { 200: okResponse } } },
    async (req, reply) => {
      const token = req.cookies[STAFF_COOKIE];
      const session = await ctx.sessions.resolve('staff', token);
      await ctx.sessions.destroy(token);
      if (session) await ctx.audit.record(ctx.db, { actorKind: 'staff', actorId: session.subjectId, action: 'staff.logout', ip: req.ip });
      clearSessionCookie(req, reply, STAFF_COOKIE);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/admin/me',
    { preValidation: staffPolicy.anyStaff, schema: { tags: ['management'], summary: '当前登录的工作人员', response: { 200: staffMeResponse } } },
    async (req) => staffService.me(await loadStaff(req)),
  );

  app.get(
    '/api/admin/departments',
    { preValidation: staffPolicy.anyStaff, schema: { tags: ['management'], summary: '会计管理部门列表', response: { 200: departmentListResponse } } },
    async () => {
      const rows = await ctx.db.selectFrom('departments').selectAll().orderBy('sort').orderBy('code').execute();
      return { items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })) };
    },
  );

  app.get(
    '/api/admin/staff',
    { preValidation: staffPolicy.managers, schema: { tags: ['management'], summary: '工作人员列表（部门管理员：本部门及下级部门）', response: { 200: staffListResponse } } },
    async (req) => ({ items: await staffService.listFor(await loadStaff(req)) }),
  );

  app.post(
    '/api/admin/staff',
    { preValidation: staffPolicy.managers, schema: { tags: ['management'], summary: '新建工作人员（部门管理员：本部门及下级部门）', body: createStaffRequest, response: { 201: staffSummary } } },
    async (req, reply) => reply.code(201).send(await staffService.create(await loadStaff(req), req.body, req.ip)),
  );

  app.patch(
    '/api/admin/staff/:id',
    {
      preValidation: staffPolicy.managers,
      schema: {
        tags: ['management'],
        summary: '停用、启用工作人员或重置其密码（部门管理员：本部门及下级部门）',
        params: z.object({ id: z.string().uuid('工作人员编号无效') }),
        body: updateStaffRequest,
        response: { 200: staffSummary },
      },
    },
    async (req) => staffService.update(await loadStaff(req), req.params.id, req.body, req.ip),
  );
};
