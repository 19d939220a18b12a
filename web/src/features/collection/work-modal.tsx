import { Cascader, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
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
import { FileUpload } from '../../components/file-upload';
import { cascaderFilter, cascaderOptions, fromDay, options, toDay, treePath } from './collection-data';
import { AccountingRowsField } from './accounting-rows';
import { EntryModal, PeriodFields, YES_NO, requiredText, useEntryEditor, useEntryWords, type EntryEditorProps } from './entry-form';

interface WorkForm {
  startDate?: Dayjs;
  endDate?: Dayjs | null;
  ongoing?: boolean;
  company?: string;
  creditCode?: string;
  noCreditCode?: boolean;
  noCreditCodeReason?: string;
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
const FIELDS = {
  names: [
    'startDate', 'endDate', 'ongoing', 'company', 'creditCode', 'noCreditCodeReason', 'unitTypePath', 'industry', 'address', 'phone',
    'hasAccounting', 'accountingRows', 'accountingProofFileId', 'title', 'titleDate', 'titleFileId',
  ],
  alias: { unitType: 'unitTypePath' },
} as const satisfies { names: ReadonlyArray<keyof WorkForm>; alias: Readonly<Record<string, keyof WorkForm>> };

export const WORK_PROMISE = '新增以往工作信息真实，无虚假内容，并自愿承担由此产生的所有后果。';

/** 新增/编辑工作经历 (guide 3.5). */
export function WorkModal(props: EntryEditorProps<WorkEntry>) {
  const { entry, today, onClose } = props;
  const editor = useEntryEditor<WorkForm>('work', props, FIELDS);
  const words = useEntryWords();
  const { form, isLocked, lockClass } = editor;

  const ongoing = Form.useWatch('ongoing', form) ?? false;
  const hasAccounting = Form.useWatch('hasAccounting', form) ?? false;
  const noCreditCode = Form.useWatch('noCreditCode', form) ?? false;
  const title = Form.useWatch('title', form);
  const start = fromDay(Form.useWatch('startDate', form));
  const end = fromDay(Form.useWatch('endDate', form));

  const submit = (v: WorkForm) => {
    const body: WorkEntryRequest = {
      startDate: fromDay(v.startDate) ?? '',
      endDate: v.ongoing ? null : fromDay(v.endDate),
      ongoing: Boolean(v.ongoing),
      company: v.company?.trim() ?? '',
      creditCode: v.noCreditCode ? '' : (v.creditCode?.trim().toUpperCase() ?? ''),
      noCreditCodeReason: v.noCreditCode ? (v.noCreditCodeReason?.trim() ?? '') : null,
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
    void editor.submit(body);
  };

  const creditRules = [
    { required: !noCreditCode, whitespace: true, message: '请输入统一社会信用代码；单位没有代码的，请勾选“单位无统一社会信用代码”' },
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
    <EntryModal
      editor={editor}
      title={entry ? `${words.edit}工作经历信息` : '新增工作经历信息'}
      width={860}
      onClose={onClose}
      onFinish={submit}
      initialValues={{
        startDate: toDay(entry?.startDate),
        endDate: toDay(entry?.endDate),
        ongoing: entry?.ongoing ?? false,
        company: entry?.company ?? '',
        creditCode: entry?.creditCode ?? '',
        noCreditCode: Boolean(entry?.noCreditCodeReason),
        noCreditCodeReason: entry?.noCreditCodeReason ?? '',
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
        <PeriodFields
          editor={editor}
          ongoing={ongoing}
          start={{ label: '工作开始时间', placeholder: '请选择工作开始时间', afterToday: '工作开始时间不能晚于今天' }}
          end={{
            label: '工作结束时间',
            placeholder: '请选择工作结束时间',
            missing: '请选择工作结束时间，仍在职的请勾选至今',
            beforeStart: '工作结束时间不能早于工作开始时间',
            afterToday: '工作结束时间不能晚于今天，仍在职的请勾选至今',
          }}
        />
        <Col xs={24} sm={12}>
          <Form.Item label="单位名称" name="company" className={lockClass('company')} rules={requiredText('单位名称', 100)}>
            <Input placeholder="请输入单位名称" disabled={isLocked('company')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="统一社会信用代码" name="creditCode" className={lockClass('creditCode')} rules={creditRules} style={{ marginBottom: 4 }}>
            <Input placeholder={noCreditCode ? '单位无统一社会信用代码' : '请输入18位统一社会信用代码'} maxLength={30} autoComplete="off" disabled={isLocked('creditCode') || noCreditCode} />
          </Form.Item>
          <Form.Item name="noCreditCode" valuePropName="checked" style={{ marginBottom: noCreditCode ? 4 : 24 }}>
            <Checkbox disabled={isLocked('creditCode')} onChange={(e) => e.target.checked && form.setFields([{ name: 'creditCode', value: '', errors: [] }])}>
              单位无统一社会信用代码（如2015年前已注销、境外单位）
            </Checkbox>
          </Form.Item>
          {noCreditCode && (
            <Form.Item
              label="无统一社会信用代码的原因"
              name="noCreditCodeReason"
              rules={[{ required: true, whitespace: true, message: '请说明单位没有统一社会信用代码的原因' }, { max: 200, message: '原因不能超过200个字' }]}
              extra="提交后由会计管理部门人工核实"
            >
              <Input placeholder="如：单位已于2012年注销；境外单位" maxLength={200} />
            </Form.Item>
          )}
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
          <Form.Item label="工作单位地址" name="address" className={lockClass('address')} rules={requiredText('工作单位地址', 200)}>
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
            <Radio.Group aria-label="是否有会计工作经历" options={YES_NO} disabled={isLocked('hasAccounting')} />
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
              options={options(ACCOUNTING_TITLES).map((o) => (ACCOUNTING_TITLES.find((t) => t.code === o.value)?.appointedBefore ? { ...o, label: `${o.label}（仅限2019年1月11日以前聘任）` } : o))}
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
    </EntryModal>
  );
}
