import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { POLICY_DEFINITIONS, policyCreateRequest, policyListResponse, policyVersion } from '@ausm/domain';
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
};
