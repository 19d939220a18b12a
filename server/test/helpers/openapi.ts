import type { FastifyInstance, RouteOptions } from 'fastify';
import type { StaffRole } from '@ausm/domain';
import type { RoutePolicy } from '../../src/platform/auth';

/** JSON Schema as the OpenAPI document gives it (the parts the suites read). */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

export interface Operation {
  method: string;
  /** as the document writes it, `/api/files/{id}` */
  path: string;
  route: RouteOptions | undefined;
  policy: Declared | undefined;
  params: Array<{ in: 'path' | 'query'; name: string; schema: JsonSchema }>;
  body: JsonSchema | undefined;
}

export type Declared = RoutePolicy | { kind: 'public' };

/** The policy a route declares: its guard (from a module's *.policy.ts) or `config: { access: 'public' }`. */
export function declaredPolicy(route: RouteOptions): Declared | undefined {
  const guards = [route.preValidation].flat().filter(Boolean) as Array<{ policy?: RoutePolicy }>;
  const policy = guards.find((g) => g.policy)?.policy;
  if (policy) return policy;
  return route.config && (route.config as { access?: string }).access === 'public' ? { kind: 'public' } : undefined;
}

/** Every operation of the app's OpenAPI document, with its route, declared policy, parameters and body schema. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema: JsonSchema }>; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => {
      const method = m.toUpperCase();
      const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
      const route = app.routeTable.find((r) => r.url === fastifyPath && [r.method].flat().includes(method as never));
      return {
        method,
        path,
        route,
        policy: route && declaredPolicy(route),
        params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query').map((p) => ({ in: p.in as 'path' | 'query', name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json']?.schema,
      };
    }),
  );
}

/** A staff role the policy admits (the broadest one), or undefined when it admits no staff. */
export function admittedRole(policy: Declared | undefined): StaffRole | undefined {
  if (!policy || policy.kind !== 'staff') return undefined;
  if (policy.roles.length === 0) return 'sysadmin';
  return policy.roles.includes('supervisor') ? 'supervisor' : policy.roles[0];
}
