import { useState } from 'react';
import { Button, DatePicker, Form, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ACCOUNTING_POSTS, ACCOUNTING_POST_LEVELS, accountingRowPeriod, overlappingRows, periodsOverlap, type AccountingRow } from '@ausm/domain';
import { fromDay, nameOf, options, toDay } from './collection-data';
import { OngoingEndField } from './entry-form';

interface RowForm {
  level?: string;
  post?: string;
  startDate?: Dayjs;
  endDate?: Dayjs | null;
  ongoing?: boolean;
}

/** The work entry's period, which each accounting row must lie within. */
export interface WorkPeriod {
  start: string | null;
  end: string | null;
  ongoing: boolean;
}

export function accountingRowColumns() {
  return [
    { title: '会计人员岗位层级', key: 'level', render: (_: unknown, r: AccountingRow) => nameOf(ACCOUNTING_POST_LEVELS, r.level) },
    { title: '从事会计工作岗位', key: 'post', render: (_: unknown, r: AccountingRow) => nameOf(ACCOUNTING_POSTS, r.post) },
    { title: '会计工作开始时间', dataIndex: 'startDate', key: 'start', width: 140 },
    { title: '会计工作结束时间', key: 'end', width: 140, render: (_: unknown, r: AccountingRow) => r.endDate ?? '至今' },
  ];
}

function RowModal({ row, others, period, today, onClose, onSave }: { row: AccountingRow | null; others: ReadonlyArray<{ row: AccountingRow; number: number }>; period: WorkPeriod; today: string; onClose: () => void; onSave: (r: AccountingRow) => void }) {
  const [form] = Form.useForm<RowForm>();
  const ongoing = Form.useWatch('ongoing', form) ?? false;
  const submit = (v: RowForm) => {
    const next = { level: v.level ?? '', post: v.post ?? '', startDate: fromDay(v.startDate) ?? '', endDate: v.ongoing ? null : fromDay(v.endDate) };
    // checked here, not only at 保存 of the whole entry: the clash is named in this dialog
    const clash = others.find((o) => periodsOverlap(accountingRowPeriod(o.row, o.number), accountingRowPeriod(next, -1)));
    if (clash) {
      form.setFields([{ name: 'startDate', errors: [`与第${clash.number}条会计工作经历时间重叠`] }]);
      return;
    }
    onSave(next);
  };
  return (
    <Modal wrapClassName="ausm-collection-modal" open title={row ? '编辑本单位会计工作经历' : '新增本单位会计工作经历'} okText="确定" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      <Form
        form={form}
        name="accountingRow"
        layout="vertical"
        requiredMark
        onFinish={submit}
        initialValues={{ level: row?.level, post: row?.post, startDate: toDay(row?.startDate), endDate: toDay(row?.endDate), ongoing: row ? row.endDate === null : false }}
      >
        <Form.Item label="会计人员岗位层级" name="level" rules={[{ required: true, message: '请选择会计人员岗位层级' }]}>
          <Select virtual={false} placeholder="请选择会计人员岗位层级" options={options(ACCOUNTING_POST_LEVELS)} />
        </Form.Item>
        <Form.Item label="从事会计工作岗位" name="post" rules={[{ required: true, message: '请选择从事会计工作岗位' }]}>
          <Select virtual={false} placeholder="请选择从事会计工作岗位" options={options(ACCOUNTING_POSTS)} />
        </Form.Item>
        <Form.Item
          label="会计工作开始时间"
          name="startDate"
          rules={[
            { required: true, message: '请选择会计工作开始时间' },
            {
              validator: (_, d?: Dayjs) => {
                const s = fromDay(d);
                if (s && period.start && s < period.start) return Promise.reject(new Error('会计工作开始时间不能早于工作开始时间'));
                if (s && s > today) return Promise.reject(new Error('会计工作开始时间不能晚于今天'));
                return Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} placeholder="请选择会计工作开始时间" />
        </Form.Item>
        <OngoingEndField
          formName="accountingRow"
          label="会计工作结束时间"
          placeholder="请选择会计工作结束时间"
          ongoing={ongoing}
          check={(e, s, rowOngoing) => {
            if (rowOngoing) return !period.ongoing && period.end ? '该单位工作已结束，会计工作结束时间不能为至今' : undefined;
            if (!e) return '请选择会计工作结束时间，仍在从事的请勾选至今';
            if (s && e < s) return '会计工作结束时间不能早于会计工作开始时间';
            return !period.ongoing && period.end && e > period.end ? '会计工作结束时间不能晚于工作结束时间' : undefined;
          }}
        />
      </Form>
    </Modal>
  );
}

/** 本单位会计工作经历: the inner table of the work entry, as a form control (value = rows). */
export function AccountingRowsField({
  value = [],
  onChange,
  id,
  period,
  today,
  disabled,
}: {
  value?: AccountingRow[];
  onChange?: (rows: AccountingRow[]) => void;
  id?: string;
  period: WorkPeriod;
  today: string;
  disabled?: boolean;
}) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  // every row that clashes with another is marked, not only the one the server names
  const clashing = overlappingRows(value);
  return (
    <div id={id} role="group" aria-label="本单位会计工作经历">
      <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={disabled} style={{ marginBottom: 8 }}>
        新增本单位会计工作经历
      </Button>
      <Table<AccountingRow & { key: number }>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={value.map((r, key) => ({ ...r, key }))}
        locale={{ emptyText: '暂无数据' }}
        rowClassName={(r) => (clashing.has(r.key) ? 'ausm-row-error' : '')}
        columns={[
          ...accountingRowColumns(),
          {
            title: '时间',
            key: 'clash',
            width: 90,
            render: (_: unknown, r: AccountingRow & { key: number }) => (clashing.has(r.key) ? <Tag style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' }}>时间重叠</Tag> : '正常'),
          },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, _r: AccountingRow, index: number) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={disabled} onClick={() => setEditing(index)}>
                  编辑
                </Button>
                <Button type="link" size="small" danger disabled={disabled} onClick={() => onChange?.(value.filter((_x, i) => i !== index))}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <RowModal
          row={editing === 'new' ? null : (value[editing] ?? null)}
          others={value.map((r, i) => ({ row: r, number: i + 1 })).filter((o) => o.number - 1 !== editing)}
          period={period}
          today={today}
          onClose={() => setEditing(null)}
          onSave={(row) => {
            onChange?.(editing === 'new' ? [...value, row] : value.map((r, i) => (i === editing ? row : r)));
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
