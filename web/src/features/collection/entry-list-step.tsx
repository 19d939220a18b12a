import { useContext, useState, type ComponentType, type ReactNode } from 'react';
import { Alert, App, Button, Card, Descriptions, Grid, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { CollectionState } from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { useSave, useToday, type StepIssue } from './collection-data';
import { EntryChangeContext, useEntryWords, type EntryEditorProps, type EntryKind } from './entry-form';
import { StepActions } from './step-parts';

/** What the page hands to the education and work steps. */
export interface EntryStepProps {
  state: CollectionState;
  issues: ReadonlyArray<StepIssue>;
  /** opened for editing on arrival (from an issue link) */
  focusEntryId?: string;
  /** the text above the list, when the page has its own (信息变更) */
  intro?: ReactNode;
  onPrev: () => void;
  onNext: () => void;
}

/** The name of an entry, marked when it came from the provincial platform. */
export function LegacyName({ name, legacy }: { name: string | null; legacy: boolean }) {
  return (
    <>
      {name}
      {legacy && (
        <Tag color="gold" style={{ marginInlineStart: 6 }}>
          原省平台数据
        </Tag>
      )}
    </>
  );
}

/**
 * A step that is a list of entries (教育经历, 工作经历): the table with 查看详情 / 编辑 / 删除, the 新增
 * modal, the details modal, and the step's own check before 保存并下一步.
 */
export function EntryListStep<T extends { id: string }>({
  kind,
  noun,
  intro,
  entries,
  issues,
  focusEntryId,
  columns,
  scrollX,
  Editor,
  savedWarning,
  detailWidth,
  renderDetail,
  blockNext,
  onPrev,
  onNext,
}: Omit<EntryStepProps, 'state'> & {
  kind: EntryKind;
  /** 教育经历 / 工作经历, as the messages and titles say it */
  noun: string;
  intro: ReactNode;
  entries: ReadonlyArray<T>;
  /** the entry's own columns; 操作 is added here */
  columns: ColumnsType<T>;
  scrollX: number;
  Editor: ComponentType<EntryEditorProps<T>>;
  /** a warning to show instead of "saved", when the saved entry still needs something */
  savedWarning?: (entryId: string | null) => string | undefined;
  detailWidth: number;
  renderDetail: (entry: T) => ReactNode;
  /** why the person cannot go on yet, if they cannot */
  blockNext: () => string | undefined;
}) {
  const { message } = App.useApp();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const save = useSave();
  const today = useToday();
  const [editing, setEditing] = useState<T | 'new' | null>(() => entries.find((e) => e.id === focusEntryId) ?? null);
  const [viewing, setViewing] = useState<T | null>(null);
  const [blocked, setBlocked] = useState<string>();
  const [error, setError] = useState<string>();

  const change = useContext(EntryChangeContext);
  const words = useEntryWords();
  const remove = async (e: T) => {
    setError(undefined);
    try {
      if (change) await change.remove(kind, e.id);
      else await save('DELETE', `/api/collection/${kind}/${encodeURIComponent(e.id)}`);
      message.success(words.removed(noun));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '删除失败，请稍后再试');
    }
  };

  const saved = (entryId: string | null) => {
    const warning = savedWarning?.(entryId);
    setEditing(null);
    setBlocked(undefined);
    if (warning) message.warning(warning);
    else message.success(words.saved(noun));
  };

  const next = () => {
    const problem = blockNext();
    if (problem) setBlocked(problem);
    else onNext();
  };

  return (
    <>
      <div className="ausm-step-toolbar">
        <Typography.Paragraph style={{ margin: 0 }}>{intro}</Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增
        </Button>
      </div>
      {blocked && <Alert type="error" showIcon role="alert" title={blocked} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {phone ? (
        // on a phone a table shows one column at a time: each entry is a card with its fields stacked
        entries.length === 0 ? (
          <Typography.Paragraph>{`暂无${noun}，请点击“新增”`}</Typography.Paragraph>
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid={`${kind}-cards`}>
            {entries.map((e, i) => (
              <Card
                key={e.id}
                size="small"
                className={issues.some((x) => x.entryId === e.id) ? 'ausm-row-error' : undefined}
                title={`${noun}${i + 1}`}
                actions={[
                  <Button key="view" type="link" size="small" onClick={() => setViewing(e)}>
                    查看详情
                  </Button>,
                  <Button key="edit" type="link" size="small" onClick={() => setEditing(e)}>
                    {words.edit}
                  </Button>,
                  <Popconfirm key="delete" title={words.confirmRemove(noun)} okText={words.remove} cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
                    <Button type="link" size="small" danger>
                      {words.remove}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Descriptions
                  column={1}
                  size="small"
                  items={columns.map((c, j) => {
                    const key = String(c.key ?? ('dataIndex' in c ? c.dataIndex : j));
                    const raw = 'dataIndex' in c && typeof c.dataIndex === 'string' ? (e as Record<string, unknown>)[c.dataIndex] : undefined;
                    return { key, label: c.title as ReactNode, children: c.render ? (c.render(raw, e, i) as ReactNode) : String(raw ?? '—') };
                  })}
                />
              </Card>
            ))}
          </Space>
        )
      ) : (
      <Table<T>
        rowKey="id"
        size="middle"
        bordered
        pagination={false}
        scroll={{ x: scrollX }}
        dataSource={entries}
        locale={{ emptyText: `暂无${noun}，请点击“新增”` }}
        rowClassName={(e) => (issues.some((i) => i.entryId === e.id) ? 'ausm-row-error' : '')}
        columns={[
          ...columns,
          {
            title: '操作',
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_, e) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setViewing(e)}>
                  查看详情
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(e)}>
                  {words.edit}
                </Button>
                <Popconfirm title={words.confirmRemove(noun)} okText={words.remove} cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
                  <Button type="link" size="small" danger>
                    {words.remove}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      )}
      {!change && <StepActions onPrev={onPrev} onNext={next} />}
      {editing && <Editor entry={editing === 'new' ? null : editing} issues={issues} today={today} onClose={() => setEditing(null)} onSaved={saved} />}
      <Modal wrapClassName="ausm-collection-modal" open={viewing !== null} title={`${noun}详情`} footer={null} onCancel={() => setViewing(null)} width={detailWidth}>
        {viewing && renderDetail(viewing)}
      </Modal>
    </>
  );
}
