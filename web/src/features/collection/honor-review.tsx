import { honorReviewPayload } from '@ausm/domain';
import type { ReviewBodyProps } from '../../components/review-presenters';
import { ReviewFacts } from './review-facts';

/** 奖惩信息 on the review page: what it is, who granted or imposed it, when, and its 文号 (the document is under 附件材料). */
export default function HonorReview({ detail }: ReviewBodyProps) {
  const parsed = honorReviewPayload.safeParse(detail.payload);
  const p = parsed.success ? parsed.data : null;
  const items = p && [
    { key: 'type', label: '奖惩类型', children: p.typeName },
    { key: 'title', label: '奖惩名称', children: p.title },
    { key: 'authority', label: '授予或作出机关', children: p.authority },
    { key: 'date', label: '奖惩时间', children: p.date },
    { key: 'no', label: '文号', children: p.documentNo ?? '—' },
    { key: 'desc', label: '说明', children: p.description ?? '—' },
    { key: 'by', label: '来源', children: p.recordedBy === 'department' ? '部门录入' : '本人申请' },
  ];
  return <ReviewFacts title="奖惩信息" items={items} fallback={detail.summary} />;
}
