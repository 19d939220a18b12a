import { transferReviewPayload } from '@ausm/domain';
import type { ReviewBodyProps } from '../../components/review-presenters';
import { ReviewFacts } from './review-facts';

/** 属地关系调转 on the review page: the reason with its details, from where to where (the proof is under 附件材料). */
export default function TransferReview({ detail }: ReviewBodyProps) {
  const parsed = transferReviewPayload.safeParse(detail.payload);
  const p = parsed.success ? parsed.data : null;
  const items = p && [
    { key: 'reason', label: '调档原因', children: p.reasonName },
    { key: 'from', label: '调出会计管理机构', children: p.from.path },
    { key: 'to', label: '调入会计管理机构', children: p.to.path },
    ...p.details.map((d) => ({ key: d.label, label: d.label, children: d.value || '—' })),
  ];
  return <ReviewFacts title="调转信息" items={items} fallback={detail.summary} />;
}
