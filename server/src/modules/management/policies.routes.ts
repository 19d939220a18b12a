import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { POLICY_DEFINITIONS, policyCreateRequest, policyListResponse, policyVersion, privacyNoticeCreateRequest, privacyNoticeListResponse, privacyNoticeResponse } from '@ausm/domain';
import { privacyNoticeVersions, publishPrivacyNotice } from '../center/privacy';
import { loadStaff } from '../../platform/auth';
import { policySettingsPolicy } from './policies.policy';

/** 政策参数: every policy with its versions, and a new version from a date (system administrator; audited). */
export const policiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const admins = policySettingsPolicy.administrators;

  app.get(
    '/api/admin/policies',
    { preValidation: admins, schema: { tags: ['management'], summary: '政策参数及其各版本（生效日期、适用范围）', response: { 200: policyListResponse } } },
    async () => ({
      today: ctx.policies.today(),
      policies: await Promise.all(
        POLICY_DEFINITIONS.map(async (d) => ({ name: d.name, label: d.label, description: d.description, perProvince: d.perProvince, fields: [...d.fields], versions: await ctx.policies.versions(d.name) })),
      ),
    }),
  );

  app.post(
    '/api/admin/policies',
    {
      preValidation: admins,
      config: { multiline: ['note'] },
      schema: { tags: ['management'], summary: '新增政策参数版本（生效日期不早于今天；记入审计日志）', body: policyCreateRequest, response: { 201: policyVersion } },
    },
    async (req, reply) => reply.code(201).send(await ctx.policies.create(req.body, (await loadStaff(req)).id, req.ip)),
  );

  app.get(
    '/api/admin/privacy-notices',
    { preValidation: admins, schema: { tags: ['management'], summary: '个人信息保护政策的各版本', response: { 200: privacyNoticeListResponse } } },
    async () => privacyNoticeVersions(ctx),
  );

  app.post(
    '/api/admin/privacy-notices',
    {
      preValidation: admins,
      config: { multiline: ['body'] },
      schema: { tags: ['management'], summary: '发布个人信息保护政策新版本（自生效日期起，已同意旧版本的人员须重新同意；记入审计日志）', body: privacyNoticeCreateRequest, response: { 201: privacyNoticeResponse } },
    },
    async (req, reply) => reply.code(201).send(await publishPrivacyNotice(ctx, req.body, (await loadStaff(req)).id, req.ip)),
  );
};
