import { useState } from 'react';
import { Alert, Button, Form, Result, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OnlineRealnameRequest, RealnameStatus } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { FileUpload } from '../../components/file-upload';

interface Department {
  code: string;
  name: string;
  level: string;
  isLeaf: boolean;
}

/** The national department (财政部); its children are the provinces. */
const ROOT_DEPARTMENT = '000000';

function useDepartmentChildren(parent: string | undefined) {
  return useQuery({
    queryKey: ['department-children', parent],
    queryFn: () => api<{ items: Department[] }>('GET', `/api/departments/children?parent=${encodeURIComponent(parent ?? '')}`),
    enabled: Boolean(parent),
    staleTime: 60 * 60_000,
  });
}

/** Strips the 财政厅/财政局 suffix of a department name, leaving the place. */
function placeName(departmentName: string): string {
  return departmentName.replace(/(财政厅|财政局)$/, '');
}

const FORM_FIELDS = ['frontFileId', 'backFileId', 'handheldFileId', 'provinceCode', 'cityCode'] as const;

const REQUIREMENTS = [
  '请上传本人有效身份证件的原件照片，不得使用复印件或截图；证件须在有效期内。',
  '证件人像面、证件非人像面须四角完整、字迹清晰、无反光遮挡。',
  '手持证件人像面：本人手持证件人像面正面拍摄，面部和证件信息均清晰可见，不得遮挡面部。',
  '照片为jpg或png格式，每张不超过2MB。',
  '提交后由所选城市的会计管理部门审核，审核通过后即完成实名认证。',
];

type OnlineApplication = NonNullable<RealnameStatus['online']>;

/**
 * 线上实名认证: three ID images and the province and city whose department reviews them; afterwards
 * the application's status (审核中 with the department, or 审核不通过 with the reason and 重新提交).
 */
export function OnlineRealname({ application, onBack }: { application: OnlineApplication | null; onBack?: () => void }) {
  const [form] = Form.useForm<OnlineRealnameRequest>();
  const qc = useQueryClient();
  const [redo, setRedo] = useState(false);
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const province = Form.useWatch('provinceCode', form);
  const provinces = useDepartmentChildren(ROOT_DEPARTMENT);
  const cities = useDepartmentChildren(province);

  // (no way back where Alipay verification is not available: the upload is then the only way)
  const back = onBack ? (
    <Button type="link" onClick={onBack}>
      返回支付宝实名认证
    </Button>
  ) : null;

  if (application?.status === 'pending' && !redo) {
    return (
      <Result
        status="info"
        title="线上实名认证审核中"
        subTitle={`已提交至${application.departmentName}审核，请耐心等待；审核通过后即完成实名认证。`}
        extra={back}
      />
    );
  }
  if (application?.status === 'rejected' && !redo) {
    return (
      <Result
        status="error"
        title="线上实名认证审核不通过"
        subTitle={`审核部门：${application.departmentName}。原因：${application.reason ?? '未说明'}`}
        extra={[
          <Button key="redo" type="primary" onClick={() => setRedo(true)}>
            重新提交
          </Button>,
          <span key="back">{back}</span>,
        ]}
      />
    );
  }

  const submit = async (values: OnlineRealnameRequest) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const status = await api<RealnameStatus>('POST', '/api/realname/online', values);
      qc.setQueryData(['realname'], status);
      setRedo(false);
    } catch (e) {
      if (e instanceof ApiError) {
        const known = e.fields.filter((f) => (FORM_FIELDS as ReadonlyArray<string>).includes(f.path));
        form.setFields(known.map((f) => ({ name: f.path as (typeof FORM_FIELDS)[number], errors: [f.message] })));
        if (!known.length) setError(e.message);
      } else setError('系统繁忙，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  const provinceOptions = (provinces.data?.items ?? []).filter((d) => !d.isLeaf).map((d) => ({ value: d.code, label: placeName(d.name) }));
  const cityOptions = (cities.data?.items ?? []).map((d) => ({ value: d.code, label: placeName(d.name) }));

  return (
    <Form form={form} name="realname" layout="vertical" requiredMark onFinish={submit} scrollToFirstError>
      <Alert
        type="info"
        showIcon
        role="note"
        title="文件上传要求"
        description={
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {REQUIREMENTS.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ol>
        }
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item label="证件人像面" name="frontFileId" rules={[{ required: true, message: '请上传证件人像面' }]}>
        <FileUpload purpose="realname_front" label="证件人像面" />
      </Form.Item>
      <Form.Item label="证件非人像面" name="backFileId" rules={[{ required: true, message: '请上传证件非人像面' }]}>
        <FileUpload purpose="realname_back" label="证件非人像面" />
      </Form.Item>
      <Form.Item label="手持证件人像面" name="handheldFileId" rules={[{ required: true, message: '请上传手持证件人像面' }]}>
        <FileUpload purpose="realname_handheld" label="手持证件人像面" />
      </Form.Item>
      <Form.Item label="所在省份" name="provinceCode" rules={[{ required: true, message: '请选择所在省份' }]}>
        <Select
          virtual={false}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="请选择所在省份"
          loading={provinces.isLoading}
          options={provinceOptions}
          onChange={() => form.setFieldValue('cityCode', undefined)}
          notFoundContent={provinces.error ? '省份加载失败，请稍后重试' : undefined}
        />
      </Form.Item>
      <Form.Item label="所在城市" name="cityCode" rules={[{ required: true, message: '请选择所在城市' }]} extra="由所选城市的会计管理部门审核">
        <Select
          virtual={false}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={province ? '请选择所在城市' : '请先选择所在省份'}
          disabled={!province}
          loading={cities.isLoading}
          options={cityOptions}
        />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        {back}
        <Button type="primary" htmlType="submit" loading={submitting}>
          提交审核
        </Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
        上传的证件照片仅用于实名认证审核，平台按个人信息保护要求加密保存。
      </Typography.Paragraph>
    </Form>
  );
}
