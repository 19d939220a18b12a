import type { ReactNode } from 'react';
import { Card, Descriptions } from 'antd';

/** A kind's facts on the review page, label by label; the summary when the payload is not the expected shape. */
export function ReviewFacts({ title, items, fallback }: { title: string; items: ReadonlyArray<{ key: string; label: string; children: ReactNode }> | null; fallback: string }) {
  return (
    <Card className="ausm-review-section" title={<h2>{items ? title : '申请内容'}</h2>}>
      {items ? <Descriptions bordered size="small" column={1} items={[...items]} /> : fallback}
    </Card>
  );
}
