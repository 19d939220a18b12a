import { useState } from 'react';
import { Alert, Cascader, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DEGREE_CODES,
  EDUCATION_LEVELS,
  MAJORS,
  STUDY_MODES,
  degreesAllowedFor,
  isBachelorOrAbove,
  isJuniorCollegeOrAbove,
  type EducationEntry,
  type EducationEntryRequest,
} from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { FileUpload } from '../../components/file-upload';
import { cascaderFilter, cascaderOptions, fromDay, options, toDay, treePath, useSave, type StepIssue } from './collection-data';

interface EducationForm {
  mode?: string;
  school?: string;
  startDate?: Dayjs;
  endDate?: Dayjs | null;
  ongoing?: boolean;
  educationLevel?: string;
  degree?: string;
  majorPath?: string[];
  eduCertNo?: string;
  degreeCertNo?: string;
  abroad?: boolean;
  proofFileId?: string | null;
  abroadCertFileId?: string | null;
}

const MAJOR_OPTIONS = cascaderOptions(MAJORS);
const FIELD_OF: Readonly<Record<string, keyof EducationForm>> = { majorCode: 'majorPath' };
const FIELDS: ReadonlyArray<keyof EducationForm> = ['mode', 'school', 'startDate', 'endDate', 'ongoing', 'educationLevel', 'degree', 'majorPath', 'eduCertNo', 'degreeCertNo', 'abroad', 'proofFileId', 'abroadCertFileId'];

const CERT_NO_RULE = (label: string) => ({ pattern: /^[0-9A-Za-z-]{1,40}$/, message: `${label}只能包含字母、数字和“-”，不超过40位` });

export const EDUCATION_TIP = '提示: 1.本科及以上的留学生须提供教育部留学服务中心认证书, 2.尚未毕业的在校生毕业时间须勾选至今';
export const LOCKED_NOTE = '红框内容不可编辑（原始信息有误的请删除后新增）';

/** Puts server messages (`school`, `education.<id>.school`, …) beside the modal's fields. */
function setServerErrors(form: ReturnType<typeof Form.useForm<EducationForm>>[0], fields: ReadonlyArray<{ path: string; message: string }>): boolean {
  const mine = fields
    .map((f) => {
      const segment = f.path.replace(/^education\.[^.]+\./, '').split('.')[0] ?? '';
      return { name: FIELD_OF[segment] ?? (segment as keyof EducationForm), message: f.message };
    })
    .filter((f) => FIELDS.includes(f.name));
  form.setFields(mine.map((f) => ({ name: f.name, errors: [f.message] })));
  return mine.length > 0;
}

/** 新增/编辑教育经历 with every field of the guide (3.4); legacy entries keep their locked fields. */
export function EducationModal({
  entry,
  issues,
  today,
  onClose,
  onSaved,
}: {
  /** null: 新增 */
  entry: EducationEntry | null;
  issues: ReadonlyArray<StepIssue>;
  today: string;
  onClose: () => void;
  onSaved: (entryId: string | null) => void;
}) {
  const [form] = Form.useForm<EducationForm>();
  const save = useSave();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const locked = new Set(entry?.legacy ? entry.lockedFields : []);
  const isLocked = (field: string) => locked.has(field);
  const lockClass = (field: string) => (isLocked(field) ? 'ausm-locked' : undefined);

  const level = Form.useWatch('educationLevel', form);
  const degree = Form.useWatch('degree', form);
  const ongoing = Form.useWatch('ongoing', form) ?? false;
  const abroad = Form.useWatch('abroad', form) ?? false;
  const degreeOptions = level ? degreesAllowedFor(level).map((d) => ({ value: d.code, label: d.name })) : [];
  const belowJuniorCollege = Boolean(level) && !isJuniorCollegeOrAbove(level ?? '');
  const needsAbroadCert = abroad && Boolean(level) && isBachelorOrAbove(level ?? '');
  // the server's rule: nothing for students; 境外 below 本科 and 大专以下 always; 大专+ when 学信网 fails
  const proofRequired =
    !ongoing && Boolean(level) && (abroad ? !needsAbroadCert : belowJuniorCollege || entry?.chsiStatus === 'not_found');
  const proofNote = abroad && !needsAbroadCert
    ? '境外学历须上传学历证书'
    : belowJuniorCollege
      ? '大专以下学历须上传学历证书'
      : entry?.chsiStatus === 'not_found'
        ? '学信网核验未通过，须上传对应的学历、学位证书'
        : '大专及以上学历、学位首次提交时与学信网自动核验，仅核验不通过的需上传；大专以下学历须上传学历证书';
  const noDegree = degree === DEGREE_CODES.none;

  // the problems found at 提交审核, shown beside their fields once the form is on screen
  const showIssues = (open: boolean) => {
    if (!open || !entry) return;
    setServerErrors(
      form,
      issues.filter((i) => i.entryId === entry.id).map((i) => ({ path: i.field ?? '', message: i.message })),
    );
  };

  const submit = async (v: EducationForm) => {
    setSaving(true);
    setError(undefined);
    const body: EducationEntryRequest = {
      mode: v.mode ?? '',
      school: v.school?.trim() ?? '',
      startDate: fromDay(v.startDate) ?? '',
      endDate: v.ongoing ? null : fromDay(v.endDate),
      ongoing: Boolean(v.ongoing),
      educationLevel: v.educationLevel ?? '',
      degree: v.degree ?? '',
      majorCode: v.majorPath?.at(-1) ?? '',
      eduCertNo: v.eduCertNo?.trim() || null,
      degreeCertNo: noDegree ? null : v.degreeCertNo?.trim() || null,
      abroad: Boolean(v.abroad),
      proofFileId: v.proofFileId ?? null,
      abroadCertFileId: needsAbroadCert ? (v.abroadCertFileId ?? null) : null,
    };
    try {
      if (entry) await save('PUT', `/api/collection/education/${encodeURIComponent(entry.id)}`, body);
      else await save('POST', '/api/collection/education', body);
      onSaved(entry?.id ?? null);
    } catch (e) {
      if (!(e instanceof ApiError)) setError('系统繁忙，请稍后再试');
      else if (!setServerErrors(form, e.fields)) setError(e.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal wrapClassName="ausm-collection-modal"
      open
      title={entry ? '编辑教育经历' : '新增教育经历'}
      width={760}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={showIssues}
    >
      <Alert type="info" showIcon role="note" title={EDUCATION_TIP} style={{ marginBottom: 16 }} />
      {locked.size > 0 && <Alert type="warning" showIcon role="note" title={LOCKED_NOTE} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="education"
        layout="vertical"
        requiredMark
        scrollToFirstError
        onFinish={submit}
        initialValues={{
          mode: entry?.mode ?? undefined,
          school: entry?.school ?? '',
          startDate: toDay(entry?.startDate),
          endDate: toDay(entry?.endDate),
          ongoing: entry?.ongoing ?? false,
          educationLevel: entry?.educationLevel ?? undefined,
          degree: entry?.degree ?? undefined,
          majorPath: treePath(MAJORS, entry?.majorCode),
          eduCertNo: entry?.eduCertNo ?? '',
          degreeCertNo: entry?.degreeCertNo ?? '',
          abroad: entry?.abroad ?? false,
          proofFileId: entry?.proofFileId ?? null,
          abroadCertFileId: entry?.abroadCertFileId ?? null,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="培养方式" name="mode" className={lockClass('mode')} rules={[{ required: true, message: '请选择培养方式' }]}>
              <Select virtual={false} placeholder="请选择培养方式" options={options(STUDY_MODES)} disabled={isLocked('mode')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="学校名称(全称)"
              name="school"
              className={lockClass('school')}
              rules={[
                { required: true, whitespace: true, message: '请输入学校名称' },
                { min: 2, message: '请输入学校名称（全称）' },
                { max: 100, message: '学校名称不能超过100个字' },
              ]}
            >
              <Input placeholder="请输入学校名称" disabled={isLocked('school')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="入学时间"
              name="startDate"
              className={lockClass('startDate')}
              rules={[
                { required: true, message: '请输入入学时间' },
                { validator: (_, d?: Dayjs) => (d && (fromDay(d) ?? '') > today ? Promise.reject(new Error('入学时间不能晚于今天')) : Promise.resolve()) },
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder="请输入入学时间" disabled={isLocked('startDate')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="毕业时间" htmlFor="education_endDate" required={!ongoing} className={lockClass('endDate')} style={{ marginBottom: 0 }}>
              <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                <Form.Item
                  name="endDate"
                  style={{ flex: 1 }}
                  dependencies={['ongoing', 'startDate']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, d?: Dayjs | null) => {
                        if (getFieldValue('ongoing')) return Promise.resolve();
                        if (!d) return Promise.reject(new Error('请输入毕业时间，尚未毕业的请勾选至今'));
                        const start = fromDay(getFieldValue('startDate') as Dayjs | undefined);
                        const end = fromDay(d) ?? '';
                        if (start && end < start) return Promise.reject(new Error('毕业时间不能早于入学时间'));
                        if (end > today) return Promise.reject(new Error('尚未毕业的在校生毕业时间须勾选至今'));
                        return Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <DatePicker id="education_endDate" style={{ width: '100%' }} placeholder="请输入毕业时间" disabled={ongoing || isLocked('endDate')} />
                </Form.Item>
                <Form.Item name="ongoing" valuePropName="checked" style={{ marginTop: 5 }}>
                  <Checkbox
                    disabled={isLocked('endDate') || isLocked('ongoing')}
                    onChange={(e) => {
                      if (e.target.checked) form.setFieldValue('endDate', null);
                    }}
                  >
                    至今
                  </Checkbox>
                </Form.Item>
              </div>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="学历" name="educationLevel" className={lockClass('educationLevel')} rules={[{ required: true, message: '请选择学历' }]}>
              <Select
                virtual={false}
                placeholder="请选择学历"
                options={options(EDUCATION_LEVELS)}
                disabled={isLocked('educationLevel')}
                onChange={(next: string) => {
                  const current = form.getFieldValue('degree') as string | undefined;
                  if (current && !degreesAllowedFor(next).some((d) => d.code === current)) form.setFieldValue('degree', undefined);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="学位" name="degree" className={lockClass('degree')} rules={[{ required: true, message: '请选择学位' }]} extra="填写已取得证书的学历、学位">
              <Select virtual={false} placeholder={level ? '请选择学位' : '请先选择学历'} options={degreeOptions} disabled={!level || isLocked('degree')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="所学专业" name="majorPath" className={lockClass('majorCode')} rules={[{ required: true, message: '请选择所学专业' }]}>
              <Cascader
                placeholder="请选择所学专业，可输入名称搜索"
                options={MAJOR_OPTIONS}
                showSearch={{ filter: cascaderFilter }}
                disabled={isLocked('majorCode')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="学历证书编号"
              name="eduCertNo"
              className={lockClass('eduCertNo')}
              rules={[{ required: !ongoing, whitespace: true, message: '请输入学历证书编号' }, CERT_NO_RULE('学历证书编号')]}
              extra={ongoing ? '在校生可暂不填写' : undefined}
            >
              <Input placeholder="请输入学历证书编号" disabled={isLocked('eduCertNo')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="学位证书编号"
              name="degreeCertNo"
              className={lockClass('degreeCertNo')}
              rules={[{ required: !noDegree, whitespace: true, message: '请输入学位证书编号' }, CERT_NO_RULE('学位证书编号')]}
              extra={noDegree ? '学位为“无”的无需填写' : undefined}
            >
              <Input placeholder="请输入学位证书编号" disabled={noDegree || isLocked('degreeCertNo')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="是否有留学经历" name="abroad" rules={[{ required: true, message: '请选择是否有留学经历' }]}>
              <Radio.Group aria-label="是否有留学经历" options={[{ value: false, label: '否' }, { value: true, label: '是' }]} disabled={isLocked('abroad')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label="学历学位证书"
              name="proofFileId"
              rules={[{ required: proofRequired, message: proofNote }]}
            >
              <FileUpload
                purpose="education_proof"
                label="学历学位证书"
                note={proofNote}
              />
            </Form.Item>
          </Col>
          {needsAbroadCert && (
            <Col xs={24}>
              <Form.Item label="教育部留学服务中心认证书" name="abroadCertFileId" rules={[{ required: !ongoing, message: '本科及以上学历的留学人员须上传教育部留学服务中心认证书' }]}>
                <FileUpload purpose="education_proof" label="教育部留学服务中心认证书" note="本科及以上的留学生须提供" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
