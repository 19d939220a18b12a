import { useState } from 'react';
import { Alert, Cascader, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ACCOUNTING_TITLES,
  INDUSTRIES,
  UNIT_TYPES,
  checkCreditCode,
  type AccountingRow,
  type WorkEntry,
  type WorkEntryRequest,
} from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { FileUpload } from '../../components/file-upload';
import { cascaderFilter, cascaderOptions, fromDay, options, toDay, treePath, useSave, type StepIssue } from './collection-data';
import { AccountingRowsField } from './accounting-rows';
import { LOCKED_NOTE } from './education-modal';

interface WorkForm {
  startDate?: Dayjs;
  endDate?: Dayjs | null;
  ongoing?: boolean;
  company?: string;
  creditCode?: string;
  unitTypePath?: string[];
  industry?: string;
  address?: string;
  phone?: string;
  hasAccounting?: boolean;
  accountingRows?: AccountingRow[];
  accountingProofFileId?: string | null;
  title?: string | null;
  titleDate?: Dayjs | null;
  titleFileId?: string | null;
}

const UNIT_TYPE_OPTIONS = cascaderOptions(UNIT_TYPES);
const FIELD_OF: Readonly<Record<string, keyof WorkForm>> = { unitType: 'unitTypePath' };
const FIELDS: ReadonlyArray<keyof WorkForm> = [
  'startDate', 'endDate', 'ongoing', 'company', 'creditCode', 'unitTypePath', 'industry', 'address', 'phone',
  'hasAccounting', 'accountingRows', 'accountingProofFileId', 'title', 'titleDate', 'titleFileId',
];

export const WORK_PROMISE = '新增以往工作信息真实，无虚假内容，并自愿承担由此产生的所有后果。';

function setServerErrors(form: ReturnType<typeof Form.useForm<WorkForm>>[0], fields: ReadonlyArray<{ path: string; message: string }>): boolean {
  const mine = fields
    .map((f) => {
      const segment = f.path.replace(/^work\.[^.]+\./, '').split('.')[0] ?? '';
      return { name: FIELD_OF[segment] ?? (segment as keyof WorkForm), message: f.message };
    })
    .filter((f) => FIELDS.includes(f.name));
  form.setFields(mine.map((f) => ({ name: f.name, errors: [f.message] })));
  return mine.length > 0;
}

/** 新增/编辑工作经历 (guide 3.5). */
export function WorkModal({
  entry,
  issues,
  today,
  onClose,
  onSaved,
}: {
  entry: WorkEntry | null;
  issues: ReadonlyArray<StepIssue>;
  today: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<WorkForm>();
  const save = useSave();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const locked = new Set(entry?.legacy ? entry.lockedFields : []);
  const isLocked = (field: string) => locked.has(field);
  const lockClass = (field: string) => (isLocked(field) ? 'ausm-locked' : undefined);

  const ongoing = Form.useWatch('ongoing', form) ?? false;
  const hasAccounting = Form.useWatch('hasAccounting', form) ?? false;
  const title = Form.useWatch('title', form);
  const start = fromDay(Form.useWatch('startDate', form));
  const end = fromDay(Form.useWatch('endDate', form));

  // the problems found at 提交审核, shown beside their fields once the form is on screen
  const showIssues = (open: boolean) => {
    if (!open || !entry) return;
    setServerErrors(
      form,
      issues.filter((i) => i.entryId === entry.id).map((i) => ({ path: i.field ?? '', message: i.message })),
    );
  };

  const submit = async (v: WorkForm) => {
    setSaving(true);
    setError(undefined);
    const body: WorkEntryRequest = {
      startDate: fromDay(v.startDate) ?? '',
      endDate: v.ongoing ? null : fromDay(v.endDate),
      ongoing: Boolean(v.ongoing),
      company: v.company?.trim() ?? '',
      creditCode: v.creditCode?.trim().toUpperCase() ?? '',
      unitType: v.unitTypePath?.at(-1) ?? '',
      industry: v.industry ?? '',
      address: v.address?.trim() ?? '',
      phone: v.phone?.trim() || null,
      hasAccounting: Boolean(v.hasAccounting),
      accountingRows: v.hasAccounting ? (v.accountingRows ?? []) : [],
      accountingProofFileId: v.hasAccounting ? (v.accountingProofFileId ?? null) : null,
      title: v.title ?? null,
      titleDate: v.title ? fromDay(v.titleDate) : null,
      titleFileId: v.title ? (v.titleFileId ?? null) : null,
    };
    try {
      if (entry) await save('PUT', `/api/collection/work/${encodeURIComponent(entry.id)}`, body);
      else await save('POST', '/api/collection/work', body);
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) setError('系统繁忙，请稍后再试');
      else if (!setServerErrors(form, e.fields)) setError(e.message);
    } finally {
      setSaving(false);
    }
  };

  const creditRules = [
    { required: true, whitespace: true, message: '请输入统一社会信用代码' },
    {
      validator: (_: unknown, v?: string) => {
        if (!v?.trim()) return Promise.resolve();
        const r = checkCreditCode(v);
        return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
      },
    },
    {
      // early pilot codes fail the check character legally: a warning that routes to manual review
      warningOnly: true,
      validator: (_: unknown, v?: string) => {
        const r = v?.trim() ? checkCreditCode(v) : undefined;
        return r?.ok && !r.checksumValid ? Promise.reject(new Error(r.warning)) : Promise.resolve();
      },
    },
  ];

  return (
    <Modal wrapClassName="ausm-collection-modal"
      open
      title={entry ? '编辑工作经历信息' : '新增工作经历信息'}
      width={860}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={showIssues}
    >
      {locked.size > 0 && <Alert type="warning" showIcon role="note" title={LOCKED_NOTE} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="work"
        layout="vertical"
        requiredMark
        scrollToFirstError
        onFinish={submit}
        initialValues={{
          startDate: toDay(entry?.startDate),
          endDate: toDay(entry?.endDate),
          ongoing: entry?.ongoing ?? false,
          company: entry?.company ?? '',
          creditCode: entry?.creditCode ?? '',
          unitTypePath: treePath(UNIT_TYPES, entry?.unitType),
          industry: entry?.industry ?? undefined,
          address: entry?.address ?? '',
          phone: entry?.phone ?? '',
          hasAccounting: entry?.hasAccounting ?? false,
          accountingRows: entry?.accountingRows ?? [],
          accountingProofFileId: entry?.accountingProofFileId ?? null,
          title: entry?.title ?? undefined,
          titleDate: toDay(entry?.titleDate),
          titleFileId: entry?.titleFileId ?? null,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="工作开始时间"
              name="startDate"
              className={lockClass('startDate')}
              rules={[
                { required: true, message: '请选择工作开始时间' },
                { validator: (_, d?: Dayjs) => ((fromDay(d) ?? '') > today ? Promise.reject(new Error('工作开始时间不能晚于今天')) : Promise.resolve()) },
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder="请选择工作开始时间" disabled={isLocked('startDate')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="工作结束时间" htmlFor="work_endDate" required={!ongoing} className={lockClass('endDate')} style={{ marginBottom: 0 }}>
              <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                <Form.Item
                  name="endDate"
                  style={{ flex: 1 }}
                  dependencies={['ongoing', 'startDate']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, d?: Dayjs | null) => {
                        if (getFieldValue('ongoing')) return Promise.resolve();
                        const e = fromDay(d);
                        if (!e) return Promise.reject(new Error('请选择工作结束时间，仍在职的请勾选至今'));
                        const s = fromDay(getFieldValue('startDate') as Dayjs | undefined);
                        if (s && e < s) return Promise.reject(new Error('工作结束时间不能早于工作开始时间'));
                        if (e > today) return Promise.reject(new Error('工作结束时间不能晚于今天，仍在职的请勾选至今'));
                        return Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <DatePicker id="work_endDate" style={{ width: '100%' }} placeholder="请选择工作结束时间" disabled={ongoing || isLocked('endDate')} />
                </Form.Item>
                <Form.Item name="ongoing" valuePropName="checked" style={{ marginTop: 5 }}>
                  <Checkbox disabled={isLocked('endDate') || isLocked('ongoing')} onChange={(e) => e.target.checked && form.setFieldValue('endDate', null)}>
                    至今
                  </Checkbox>
                </Form.Item>
              </div>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="单位名称" name="company" className={lockClass('company')} rules={[{ required: true, whitespace: true, message: '请输入单位名称' }, { min: 2, message: '请输入单位名称' }, { max: 100, message: '单位名称不能超过100个字' }]}>
              <Input placeholder="请输入单位名称" disabled={isLocked('company')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="统一社会信用代码" name="creditCode" className={lockClass('creditCode')} rules={creditRules}>
              <Input placeholder="请输入18位统一社会信用代码" maxLength={30} autoComplete="off" disabled={isLocked('creditCode')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="单位类型" name="unitTypePath" className={lockClass('unitType')} rules={[{ required: true, message: '请选择单位类型' }]}>
              <Cascader placeholder="请选择单位类型" options={UNIT_TYPE_OPTIONS} showSearch={{ filter: cascaderFilter }} disabled={isLocked('unitType')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="所属行业" name="industry" className={lockClass('industry')} rules={[{ required: true, message: '请选择所属行业' }]}>
              <Select virtual={false} placeholder="请选择所属行业" showSearch={{ optionFilterProp: 'label' }} options={options(INDUSTRIES)} disabled={isLocked('industry')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="工作单位地址" name="address" className={lockClass('address')} rules={[{ required: true, whitespace: true, message: '请输入工作单位地址' }, { min: 2, message: '请输入工作单位地址' }, { max: 200, message: '工作单位地址不能超过200个字' }]}>
              <Input placeholder="请输入工作单位地址" disabled={isLocked('address')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="工作单位电话" name="phone" className={lockClass('phone')} rules={[{ pattern: /^[\d\-+() ]{5,20}$/, message: '工作单位电话格式不正确' }]}>
              <Input placeholder="选填，如010-12345678" inputMode="tel" autoComplete="off" disabled={isLocked('phone')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="是否有会计工作经历" name="hasAccounting" rules={[{ required: true, message: '请选择是否有会计工作经历' }]}>
              <Radio.Group aria-label="是否有会计工作经历" options={[{ value: false, label: '否' }, { value: true, label: '是' }]} disabled={isLocked('hasAccounting')} />
            </Form.Item>
          </Col>
          {hasAccounting && (
            <>
              <Col xs={24}>
                <Form.Item
                  label="本单位会计工作经历"
                  name="accountingRows"
                  rules={[{ validator: (_, rows?: AccountingRow[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error('请新增本单位会计工作经历'))) }]}
                >
                  <AccountingRowsField period={{ start, end, ongoing }} today={today} disabled={isLocked('accountingRows')} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label="会计工作经历证明" name="accountingProofFileId" rules={[{ required: true, message: '请上传会计工作经历证明' }]}>
                  <FileUpload purpose="work_proof" label="会计工作经历证明" note={ongoing ? '至今的工作请上传本单位出具的在职及从事会计工作的证明' : '请上传本单位出具的会计工作经历证明'} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} sm={12}>
            <Form.Item label="会计专业职务" name="title" className={lockClass('title')}>
              <Select
                virtual={false}
                allowClear
                placeholder="选填"
                options={options(ACCOUNTING_TITLES)}
                disabled={isLocked('title')}
                onChange={(v?: string) => {
                  if (!v) form.setFieldsValue({ titleDate: null, titleFileId: null });
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="会计专业职务聘任时间"
              name="titleDate"
              required={Boolean(title)}
              className={lockClass('titleDate')}
              dependencies={['title', 'startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, d?: Dayjs | null) => {
                    if (!getFieldValue('title')) return Promise.resolve();
                    const t = fromDay(d);
                    if (!t) return Promise.reject(new Error('请选择会计专业职务聘任时间'));
                    const s = fromDay(getFieldValue('startDate') as Dayjs | undefined);
                    if (s && t < s) return Promise.reject(new Error('会计专业职务聘任时间不能早于工作开始时间'));
                    if (t > today) return Promise.reject(new Error('会计专业职务聘任时间不能晚于今天'));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder={title ? '请选择会计专业职务聘任时间' : '请先选择会计专业职务'} disabled={!title || isLocked('titleDate')} />
            </Form.Item>
          </Col>
          {title && (
            <Col xs={24}>
              <Form.Item label="聘任文件或证明" name="titleFileId" rules={[{ required: true, message: '请上传会计专业职务聘任文件或证明' }]}>
                <FileUpload purpose="title_proof" label="聘任文件或证明" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {WORK_PROMISE}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
