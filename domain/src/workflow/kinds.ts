import { defineWorkflow, type WorkflowDefinition } from './review';

/**
 * The workflows of the kinds the platform runs today. Each server module declares its kind's
 * definition (schemas, routing, approval) around one of these; docs/workflows.md is generated from
 * them (`npm run docs:workflows`), so the diagrams cannot drift from what the server enforces.
 */
export const REALNAME_WORKFLOW = defineWorkflow({
  kind: 'realname',
  label: '线上实名认证',
  stages: [{ id: 'review', label: '审核', role: '所选城市的会计管理部门', actions: ['approve', 'reject'] }],
  ownerActions: ['withdraw'],
  participants: [],
  automatic: null,
  onApproval: '账号成为已实名认证（线上实名认证）',
});

export const COLLECTION_WORKFLOW = defineWorkflow({
  kind: 'collection',
  label: '会计人员信息采集',
  stages: [{ id: 'review', label: '审核', role: '所选会计管理部门（区县级）', actions: ['approve', 'return', 'reject'] }],
  ownerActions: ['withdraw', 'resubmit'],
  participants: [],
  automatic: null,
  onApproval: '信息采集成为审核通过，只读；以后的修改通过信息变更办理',
});

export const REVIEW_WORKFLOWS = { realname: REALNAME_WORKFLOW, collection: COLLECTION_WORKFLOW } as const satisfies Record<string, WorkflowDefinition>;

export const REVIEW_KINDS = ['realname', 'collection'] as const satisfies ReadonlyArray<keyof typeof REVIEW_WORKFLOWS>;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  realname: REALNAME_WORKFLOW.label,
  collection: COLLECTION_WORKFLOW.label,
};
