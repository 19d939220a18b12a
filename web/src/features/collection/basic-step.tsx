import { useEffect } from 'react';
import { Alert, Col, Descriptions, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  EXTRA_ID_TYPES,
  FILE_RULES,
  checkForeignPermanentResidence,
  checkResidencePermit,
  idDocumentTypeLabel,
  type CollectionBasicRequest,
  type CollectionState,
} from '@ausm/domain';
import { FileUpload } from '../../components/file-upload';
import { placeFieldErrors, useSave, useSubmit, useToday, type StepIssue } from './collection-data';
import { StepActions } from './step-parts';
import { PersonalDetailFields, personalDetailValues } from './personal-detail-fields';
import { SexBirthFields } from '../../components/sex-birth-fields';

type ExtraIdType = NonNullable<CollectionBasicRequest['extraIdType']>;

interface BasicForm {
  photoFileId?: string | null;
  politicalStatus?: string;
  ethnicity?: string;
  email?: string;
  address?: string;
  postcode?: string;
  extraIdType?: ExtraIdType | null;
  extraIdNumber?: string;
  identityProofFileId?: string | null;
  sex?: 'male' | 'female';
  birthDate?: Dayjs;
}

const FIELDS: ReadonlyArray<keyof BasicForm> = ['photoFileId', 'politicalStatus', 'ethnicity', 'email', 'address', 'postcode', 'extraIdType', 'extraIdNumber', 'identityProofFileId', 'sex', 'birthDate'];

export function sexLabel(sex: string | null): string {
  if (sex === 'male') return '男';
  if (sex === 'female') return '女';
  return sex ?? '';
}

const photoRule = FILE_RULES.collection_photo;
export const PHOTO_REQUIREMENTS = [
  '请上传本人清晰、完整、近期的标准证件照片（免冠、正面、纯色背景）；',
  `照片格式为jpg或png，文件大小不小于10KB、不超过2MB；`,
  `照片像素不低于${photoRule.minWidth}×${photoRule.minHeight}px（宽×高）；`,
  '不得使用生活照、翻拍照或经过美化处理的照片。',
];

/** Sets server messages (paths `basic.x` or `x`) beside this step's fields; returns whether any was this step's. */
function showFieldErrors(form: ReturnType<typeof Form.useForm<BasicForm>>[0], fields: ReadonlyArray<{ path: string; message: string }>): boolean {
  return placeFieldErrors(form, fields, FIELDS, /^basic\./);
}

/** 基本信息 (guide 3.3): registration fields read-only; photo, 政治面貌, 民族, contact details, proofs. */
export function BasicStep({ state, issues, onPrev, onNext }: { state: CollectionState; issues: ReadonlyArray<StepIssue>; onPrev: () => void; onNext: () => void }) {
  const [form] = Form.useForm<BasicForm>();
  const save = useSave();
  const today = useToday();
  const { saving, error, run } = useSubmit((fields) => showFieldErrors(form, fields));
  const reg = state.registration;
  const mainland = reg.idType === 'mainland_id';
  // registered with a permit or passport before registration asked: 性别 and 出生日期 are given here, once
  const missingIdentity = !mainland && (!reg.sex || !reg.birthDate);
  // foreigners may add a 外国人永久居留身份证, residents of HK, Macao and Taiwan a 港澳台居民居住证
  const allowedExtraType: ExtraIdType = reg.idType === 'foreign_passport' ? 'foreign_permanent' : 'hmt_residence';
  const b = state.basic;
  const savedExtraType = b.extraIdType === 'hmt_residence' || b.extraIdType === 'foreign_permanent' ? b.extraIdType : null;
  const extraType = Form.useWatch('extraIdType', form);
  // the saved number comes back masked: keep it unless the person types a new one
  const keepsSavedNumber = Boolean(b.maskedExtraIdNumber) && extraType === savedExtraType;

  useEffect(() => {
    showFieldErrors(
      form,
      issues.map((i) => ({ path: i.field ?? '', message: i.message })),
    );
  }, [form, issues]);

  const submit = (v: BasicForm) => {
    const body: CollectionBasicRequest = {
      photoFileId: v.photoFileId ?? null,
      politicalStatus: v.politicalStatus ?? null,
      ethnicity: v.ethnicity ?? null,
      email: v.email?.trim() || null,
      address: v.address?.trim() || null,
      postcode: v.postcode?.trim() || null,
      identityProofFileId: v.identityProofFileId ?? null,
    };
    if (missingIdentity) {
      if (v.sex) body.sex = v.sex;
      if (v.birthDate) body.birthDate = v.birthDate.format('YYYY-MM-DD');
    }
    if (!mainland) {
      body.extraIdType = v.extraIdType ?? null;
      const typed = v.extraIdNumber?.trim();
      if (typed) body.extraIdNumber = typed.toUpperCase();
      else if (!v.extraIdType || !keepsSavedNumber) body.extraIdNumber = null;
    }
    void run(async () => {
      await save('PUT', '/api/collection/basic', body);
      onNext();
    });
  };

  const extraNumberRule = {
    validator: (_: unknown, value: string | undefined) => {
      const typed = value?.trim() ?? '';
      if (!extraType) return typed ? Promise.reject(new Error('请先选择证件类型')) : Promise.resolve();
      if (!typed) return keepsSavedNumber ? Promise.resolve() : Promise.reject(new Error('请输入证件号码'));
      const r = extraType === 'hmt_residence' ? checkResidencePermit(typed, today) : checkForeignPermanentResidence(typed, today);
      return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
    },
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark
      scrollToFirstError
      onFinish={submit}
      initialValues={{
        photoFileId: b.photoFileId,
        ...personalDetailValues(b),
        extraIdType: savedExtraType,
        identityProofFileId: b.identityProofFileId,
      }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Descriptions
        title={<h2 className="ausm-step-heading">注册信息</h2>}
        extra={<Typography.Text type="secondary">注册时所填信息，不可修改</Typography.Text>}
        bordered
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'idType', label: '有效身份证件类型', children: idDocumentTypeLabel(reg.idType) },
          { key: 'idNumber', label: '有效身份证件号码', children: reg.maskedIdNumber },
          { key: 'name', label: '姓名', children: reg.name },
          { key: 'sex', label: '性别', children: sexLabel(reg.sex) },
          { key: 'birth', label: '出生年月', children: reg.birthDate ?? '' },
          { key: 'phone', label: '手机号码', children: reg.maskedPhone },
        ]}
      />
      {missingIdentity && (
        <Row gutter={24}>
          <Col xs={24}>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您注册时使用的证件不含性别和出生日期，请补充（保存后不可修改）" />
          </Col>
          <Col xs={24} md={12}>
            <SexBirthFields today={today} />
          </Col>
        </Row>
      )}
      <Row gutter={24}>
        <Col xs={24} md={10}>
          <Form.Item label="证件照片" name="photoFileId" rules={[{ required: true, message: '请上传证件照片' }]}>
            <FileUpload purpose="collection_photo" label="证件照片" hideHint />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <div className="ausm-photo-rules">
            <Typography.Text strong>照片要求</Typography.Text>
            <ol>
              {PHOTO_REQUIREMENTS.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ol>
          </div>
        </Col>
      </Row>
      <Row gutter={24}>
        <PersonalDetailFields />
      </Row>
      {!mainland && (
        <Row gutter={24}>
          <Col xs={24}>
            <Typography.Paragraph type="secondary">注册证件不是内地居民身份证的，可选填港澳台居民居住证（港澳台居民）或外国人永久居留身份证（外国人）。</Typography.Paragraph>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="居住证或永久居留证类型" name="extraIdType">
              <Select
                virtual={false}
                allowClear
                placeholder="选填"
                options={EXTRA_ID_TYPES.filter((t) => t.value === allowedExtraType).map((t) => ({ value: t.value, label: t.label }))}
                onChange={() => form.setFields([{ name: 'extraIdNumber', errors: [] }])}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="居住证或永久居留证号码"
              name="extraIdNumber"
              dependencies={['extraIdType']}
              rules={[extraNumberRule]}
              extra={keepsSavedNumber ? `已填写：${b.maskedExtraIdNumber}，不修改请留空` : undefined}
            >
              <Input autoComplete="off" maxLength={30} placeholder={extraType ? '请输入证件号码' : '请先选择证件类型'} disabled={!extraType} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label="身份证或居住证" name="identityProofFileId">
        <FileUpload purpose="identity_proof" label="身份证或居住证" />
      </Form.Item>
      <StepActions onPrev={onPrev} loading={saving} />
    </Form>
  );
}
