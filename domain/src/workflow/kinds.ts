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

/** 信息变更 (guide §4): one kind per section, decided by the person's own department. */
const CHANGE_STAGE = { id: 'review', label: '审核', role: '所属会计管理部门', actions: ['approve', 'reject'] } as const;

export const CHANGE_BASIC_WORKFLOW = defineWorkflow({
  kind: 'change_basic',
  label: '基本信息变更',
  stages: [CHANGE_STAGE],
  ownerActions: ['withdraw'],
  participants: [],
  automatic: '身份证明、姓名和证件均未变化的，提交时系统自动审核通过',
  onApproval: '基本信息替换为变更后的内容；姓名或证件变化的，登录证件号码、盲索引和唯一性同时更新',
});

export const CHANGE_EDUCATION_WORKFLOW = defineWorkflow({
  kind: 'change_education',
  label: '教育经历变更',
  stages: [CHANGE_STAGE],
  ownerActions: ['withdraw'],
  participants: [],
  automatic: null,
  onApproval: '教育经历按变更方式修改、删除或新增',
});

export const CHANGE_WORK_WORKFLOW = defineWorkflow({
  kind: 'change_work',
  label: '工作经历变更',
  stages: [CHANGE_STAGE],
  ownerActions: ['withdraw'],
  participants: [],
  automatic: null,
  onApproval: '工作经历按变更方式修改、删除或新增',
});

export const CHANGE_SCOPE_WORKFLOW = defineWorkflow({
  kind: 'change_scope',
  label: '采集范围变更',
  stages: [CHANGE_STAGE],
  ownerActions: ['withdraw'],
  participants: [],
  automatic: '新的采集范围满足其条件（会计工作经历、博士学位、全国证书库）的，提交时系统自动审核通过',
  onApproval: '采集范围替换为新的采集范围',
});

/** 属地关系调转 (guide §5): decided by the receiving department; the sending one reads it while open. */
export const TRANSFER_WORKFLOW = defineWorkflow({
  kind: 'transfer',
  label: '属地关系调转',
  stages: [{ id: 'review', label: '调入地审核', role: '调入地会计管理部门', actions: ['approve', 'return', 'reject'] }],
  ownerActions: ['withdraw', 'resubmit'],
  participants: [{ role: '调出地会计管理部门', access: 'read' }],
  automatic: null,
  onApproval: '会计人员的所属会计管理部门改为调入地，档案随之转入；以后的事项由调入地办理，调出地只保留历史记录',
});

/** 奖惩信息 (issue 12): a reward or penalty on a person's record, with its document; the department decides. */
export const HONOR_WORKFLOW = defineWorkflow({
  kind: 'honor',
  label: '奖惩信息',
  stages: [{ id: 'review', label: '审核', role: '所属会计管理部门', actions: ['approve', 'reject'] }],
  ownerActions: ['withdraw'],
  participants: [],
  automatic: null,
  onApproval: '奖惩记入会计人员档案；部门直接录入的，录入即审核通过',
});

export const REVIEW_WORKFLOWS = {
  realname: REALNAME_WORKFLOW,
  collection: COLLECTION_WORKFLOW,
  change_basic: CHANGE_BASIC_WORKFLOW,
  change_education: CHANGE_EDUCATION_WORKFLOW,
  change_work: CHANGE_WORK_WORKFLOW,
  change_scope: CHANGE_SCOPE_WORKFLOW,
  transfer: TRANSFER_WORKFLOW,
  honor: HONOR_WORKFLOW,
} as const satisfies Record<string, WorkflowDefinition>;

export const REVIEW_KINDS = ['realname', 'collection', 'change_basic', 'change_education', 'change_work', 'change_scope', 'transfer', 'honor'] as const satisfies ReadonlyArray<keyof typeof REVIEW_WORKFLOWS>;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  realname: REALNAME_WORKFLOW.label,
  collection: COLLECTION_WORKFLOW.label,
  change_basic: CHANGE_BASIC_WORKFLOW.label,
  change_education: CHANGE_EDUCATION_WORKFLOW.label,
  change_work: CHANGE_WORK_WORKFLOW.label,
  change_scope: CHANGE_SCOPE_WORKFLOW.label,
  transfer: TRANSFER_WORKFLOW.label,
  honor: HONOR_WORKFLOW.label,
};

/** The 信息变更 sections (guide §4's left menu) and the kind of each. */
export const CHANGE_SECTIONS = ['basic', 'education', 'work', 'scope'] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];
export const CHANGE_KIND_OF: Readonly<Record<ChangeSection, ReviewKind>> = {
  basic: 'change_basic',
  education: 'change_education',
  work: 'change_work',
  scope: 'change_scope',
};
