import { describe, expect, it } from 'vitest';
import { allowedActions, defineWorkflow, transitionOutcome, workflowStatuses } from './review';
import { COLLECTION_WORKFLOW, REALNAME_WORKFLOW } from './kinds';
import { diffFields } from './diff';
import { workflowMarkdown } from './diagram';

const twoStages = defineWorkflow({
  kind: 'two_stage',
  label: '两级审核',
  stages: [
    { id: 'first', label: '初审', role: '区县', actions: ['approve', 'return', 'reject'] },
    { id: 'second', label: '复审', role: '地市', actions: ['approve', 'reject'] },
  ],
  ownerActions: ['withdraw', 'resubmit'],
  participants: [],
  automatic: null,
  onApproval: '—',
});

describe('review workflows as data', () => {
  it('gives staff the actions of the current stage and the applicant their own, per state', () => {
    expect(allowedActions(twoStages, { status: 'pending', stage: 0 }, 'staff')).toEqual(['approve', 'reject', 'return']);
    expect(allowedActions(twoStages, { status: 'pending', stage: 1 }, 'staff')).toEqual(['approve', 'reject']);
    expect(allowedActions(twoStages, { status: 'returned', stage: 0 }, 'staff')).toEqual([]);
    expect(allowedActions(twoStages, { status: 'returned', stage: 0 }, 'owner')).toEqual(['resubmit', 'withdraw']);
    expect(allowedActions(twoStages, { status: 'approved', stage: 1 }, 'owner')).toEqual([]);
    expect(allowedActions(REALNAME_WORKFLOW, { status: 'pending', stage: 0 }, 'staff')).toEqual(['approve', 'reject']);
    expect(allowedActions(COLLECTION_WORKFLOW, { status: 'pending', stage: 0 }, 'system')).toEqual(['approve', 'reject', 'withdraw']);
  });

  it('moves an approval on to the next stage, and a resubmission back to the first', () => {
    expect(transitionOutcome(twoStages, { status: 'pending', stage: 0 }, 'approve')).toEqual({ status: 'pending', stage: 1, stageChanged: true, final: false });
    expect(transitionOutcome(twoStages, { status: 'pending', stage: 1 }, 'approve')).toEqual({ status: 'approved', stage: 1, stageChanged: false, final: true });
    expect(transitionOutcome(twoStages, { status: 'pending', stage: 1 }, 'reject')).toMatchObject({ status: 'rejected', final: true });
    expect(transitionOutcome(twoStages, { status: 'returned', stage: 0 }, 'resubmit')).toEqual({ status: 'pending', stage: 0, stageChanged: false, final: false });
  });

  it('lists the states each workflow can reach (退回补正 only where a stage returns)', () => {
    expect(workflowStatuses(REALNAME_WORKFLOW)).toEqual(['pending', 'approved', 'rejected', 'withdrawn']);
    expect(workflowStatuses(COLLECTION_WORKFLOW)).toEqual(['pending', 'returned', 'approved', 'rejected', 'withdrawn']);
  });

  it('refuses a broken definition where it is declared', () => {
    const base = { kind: 'x_kind', label: 'x', ownerActions: [], participants: [], automatic: null, onApproval: '' } as const;
    expect(() => defineWorkflow({ ...base, stages: [] })).toThrow('has no stage');
    expect(() => defineWorkflow({ ...base, stages: [{ id: 'a', label: 'a', role: 'r', actions: ['resubmit'] }] })).toThrow('not a staff action');
    expect(() => defineWorkflow({ ...base, stages: [{ id: 'a', label: 'a', role: 'r', actions: [] }], ownerActions: ['approve'] })).toThrow('not an applicant action');
    expect(() => defineWorkflow({ ...base, kind: 'Bad Kind', stages: [{ id: 'a', label: 'a', role: 'r', actions: [] }] })).toThrow('lower-case');
  });

  it('draws one pending state per stage', () => {
    const md = workflowMarkdown(twoStages);
    expect(md).toContain('pending_first --> pending_second: 审核通过');
    expect(md).toContain('pending_second --> approved: 审核通过');
    expect(md).toContain('returned --> pending_first: 补正后重新提交 (申请人)');
  });
});

describe('diffFields', () => {
  it('marks changed fields, in the given order with labels, and treats null and "" alike', () => {
    expect(diffFields({ name: '王一', phone: null, email: 'a@b.cn' }, { name: '王二', phone: '', email: 'a@b.cn' }, [
      { key: 'name', label: '姓名' },
      { key: 'phone', label: '电话' },
      { key: 'email', label: '邮箱' },
    ])).toEqual([
      { key: 'name', label: '姓名', before: '王一', after: '王二', changed: true },
      { key: 'phone', label: '电话', before: '', after: '', changed: false },
      { key: 'email', label: '邮箱', before: 'a@b.cn', after: 'a@b.cn', changed: false },
    ]);
    expect(diffFields(null, { a: 1 }).map((d) => [d.key, d.changed])).toEqual([['a', true]]);
  });
});
