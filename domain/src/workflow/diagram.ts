import { REVIEW_ACTION_RULES, REVIEW_STATUS_LABELS, transitionOutcome, workflowStatuses, type ReviewAction, type ReviewStatus, type WorkflowDefinition } from './review';

/** The mermaid state id of a position: one pending state per stage when a kind has several. */
function stateId(w: WorkflowDefinition, status: ReviewStatus, stage: number): string {
  return status === 'pending' && w.stages.length > 1 ? `pending_${w.stages[stage]?.id ?? stage}` : status;
}

function who(action: ReviewAction, actor: 'staff' | 'owner'): string {
  if (actor === 'owner') return '申请人';
  return REVIEW_ACTION_RULES[action].by.includes('system') ? '审核部门或系统' : '审核部门';
}

/**
 * A kind's workflow as a mermaid state diagram and a table of who may do what at each stage,
 * generated from the same data the server enforces (docs/workflows.md is written from this).
 */
export function workflowMarkdown(w: WorkflowDefinition): string {
  const lines: string[] = ['```mermaid', 'stateDiagram-v2'];
  const states = new Map<string, string>();
  const edges = new Set<string>();
  const first = stateId(w, 'pending', 0);
  states.set(first, w.stages.length > 1 ? `${w.stages[0]?.label ?? ''}中` : REVIEW_STATUS_LABELS.pending);
  edges.add(`    [*] --> ${first}: 提交审核 (申请人)`);
  w.stages.forEach((stage, i) => {
    const from = stateId(w, 'pending', i);
    if (w.stages.length > 1) states.set(from, `${stage.label}中`);
    for (const a of stage.actions) {
      const out = transitionOutcome(w, { status: 'pending', stage: i }, a);
      const to = stateId(w, out.status, out.stage);
      states.set(to, states.get(to) ?? REVIEW_STATUS_LABELS[out.status]);
      edges.add(`    ${from} --> ${to}: ${REVIEW_ACTION_RULES[a].label}${REVIEW_ACTION_RULES[a].requiresNote ? '＋原因' : ''} (${who(a, 'staff')})`);
    }
  });
  for (const a of w.ownerActions) {
    for (const status of REVIEW_ACTION_RULES[a].from) {
      const stages = status === 'pending' ? w.stages.map((_, i) => i) : [0];
      for (const i of stages) {
        const from = stateId(w, status, i);
        if (!states.has(from)) continue;
        const out = transitionOutcome(w, { status, stage: i }, a);
        const to = stateId(w, out.status, out.stage);
        states.set(to, states.get(to) ?? REVIEW_STATUS_LABELS[out.status]);
        edges.add(`    ${from} --> ${to}: ${REVIEW_ACTION_RULES[a].label} (申请人)`);
      }
    }
  }
  for (const [id, label] of states) lines.push(`    ${id}: ${label}`);
  lines.push(...edges);
  for (const s of ['approved', 'rejected', 'withdrawn'] as const) if (states.has(s)) lines.push(`    ${s} --> [*]`);
  lines.push('```', '');
  lines.push('| 阶段 | 审核部门 | 审核部门可执行 |', '|---|---|---|');
  w.stages.forEach((s, i) => lines.push(`| ${i + 1}. ${s.label} | ${s.role} | ${s.actions.map((a) => REVIEW_ACTION_RULES[a].label).join('、')} |`));
  lines.push('');
  const reachable = workflowStatuses(w);
  const when = (a: ReviewAction) => REVIEW_ACTION_RULES[a].from.filter((s) => reachable.includes(s)).map((s) => REVIEW_STATUS_LABELS[s]).join('或');
  lines.push(`- 申请人可执行：${w.ownerActions.map((a) => `${REVIEW_ACTION_RULES[a].label}（${when(a)}时）`).join('；') || '无'}`);
  lines.push(`- 只读参与部门：${w.participants.map((p) => p.role).join('、') || '无'}`);
  lines.push(`- 自动审核：${w.automatic ?? '无（人工审核）'}`);
  lines.push(`- 审核通过后：${w.onApproval}`);
  return lines.join('\n');
}
