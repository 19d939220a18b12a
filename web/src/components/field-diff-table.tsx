import { Table, type TableColumnsType } from 'antd';
import type { FieldDiff } from '@ausm/domain';

const dash = (v: string) => (v === '' ? '—' : v);

/**
 * 变更前 / 变更后 side by side, the changed fields in red and named as changed for screen readers
 * (diffFields in domain/src/workflow/diff.ts computes the rows, on the server).
 */
export function FieldDiffTable({ rows, caption = '变更内容' }: { rows: ReadonlyArray<FieldDiff>; caption?: string }) {
  const columns: TableColumnsType<FieldDiff> = [
    { title: '项目', dataIndex: 'label', width: 160, render: (v: string, r) => (r.changed ? <strong>{v}</strong> : v) },
    { title: '变更前', dataIndex: 'before', render: (v: string) => dash(v) },
    {
      title: '变更后',
      dataIndex: 'after',
      render: (v: string, r) =>
        r.changed ? (
          <span className="ausm-diff-changed">
            {dash(v)}
            <span className="sr-only">（已变更）</span>
          </span>
        ) : (
          dash(v)
        ),
    },
  ];
  return (
    <Table<FieldDiff>
      size="small"
      rowKey="key"
      pagination={false}
      columns={columns}
      dataSource={[...rows]}
      rowClassName={(r) => (r.changed ? 'ausm-diff-row-changed' : '')}
      title={() => caption}
      scroll={{ x: 480 }}
    />
  );
}
