import { useState } from 'react';
import { Alert, Card, Form, Radio, Typography } from 'antd';
import { COLLECTION_SCOPES, collectionScope, type CollectionScopeCode, type CollectionState } from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { useSave } from './collection-data';
import { StepActions } from './step-parts';

const NUMERALS = ['一', '二', '三'];

export function scopeTitle(code: string | null | undefined): string {
  const s = code ? collectionScope(code) : undefined;
  return s ? `（${NUMERALS[s.no - 1]}）${s.name}` : '';
}

/** The three 采集范围 as radio cards, each with the guide's note under it. */
function ScopeCards({ value, onChange, id }: { value?: CollectionScopeCode; onChange?: (v: CollectionScopeCode) => void; id?: string }) {
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as CollectionScopeCode)} aria-label="采集范围" style={{ display: 'grid', gap: 12, width: '100%' }}>
      {COLLECTION_SCOPES.map((s) => (
        <div key={s.code} className={`ausm-scope-card${value === s.code ? ' ausm-scope-card-checked' : ''}`} onClick={() => onChange?.(s.code)}>
          <Radio value={s.code} aria-describedby={`scope-note-${s.code}`}>
            <span style={{ fontWeight: 500 }}>{scopeTitle(s.code)}</span>
          </Radio>
          <div id={`scope-note-${s.code}`} className="ausm-scope-note">
            注：{s.note}
          </div>
        </div>
      ))}
    </Radio.Group>
  );
}

/** 采集须知: 采集范围 and 材料准备 (guide 3.2). */
export function NoticeStep({ state, onNext }: { state: CollectionState; onNext: () => void }) {
  const [form] = Form.useForm<{ scope: CollectionScopeCode }>();
  const scope = Form.useWatch('scope', form) ?? state.scope ?? undefined;
  const save = useSave();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = scope ? collectionScope(scope) : undefined;

  const submit = async (v: { scope: CollectionScopeCode }) => {
    setSaving(true);
    setError(undefined);
    try {
      await save('PUT', '/api/collection/scope', { scope: v.scope });
      onNext();
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.path === 'scope') : undefined;
      if (field) form.setFields([{ name: 'scope', errors: [field.message] }]);
      else setError(e instanceof ApiError ? e.message : '系统繁忙，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark initialValues={{ scope: state.scope ?? undefined }} onFinish={submit}>
      <Typography.Paragraph>请仔细阅读并选择自己所属的采集范围。材料准备为完成信息采集所需的材料，请提前准备以便顺利完成信息采集。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item label="采集范围" name="scope" rules={[{ required: true, message: '请选择采集范围' }]}>
        <ScopeCards />
      </Form.Item>
      <Card size="small" title={<h2 className="ausm-step-heading">材料准备</h2>} style={{ marginBottom: 16 }}>
        {chosen ? (
          <>
            <Typography.Paragraph type="secondary">选择“{chosen.name}”的，请准备：</Typography.Paragraph>
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {chosen.materials.map((m) => (
                <li key={m} style={{ lineHeight: 1.8 }}>
                  {m}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <Typography.Text type="secondary">请先选择采集范围，这里会列出需要准备的材料。</Typography.Text>
        )}
      </Card>
      <StepActions loading={saving} />
    </Form>
  );
}
