import { Alert, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  COUNTRIES,
  ID_DOCUMENT_TYPES,
  checkIdDocument,
  checkPersonName,
  type BasicChangeRequest,
  type ChangeRecord,
  type CollectionState,
  type IdDocumentType,
} from '@ausm/domain';
import { api } from '../../lib/api';
import { ruleFrom } from '../../lib/forms';
import { FileUpload } from '../../components/file-upload';
import { NameField } from '../../components/name-field';
import { SexBirthFields } from '../../components/sex-birth-fields';
import { placeFieldErrors, useSubmit, useToday } from './collection-data';
import { PersonalDetailFields, personalDetailValues } from './personal-detail-fields';

interface BasicChangeForm {
  name: string;
  idType: IdDocumentType;
  idNumber?: string;
  nationality?: string;
  sex?: 'male' | 'female';
  birthDate?: Dayjs;
  photoFileId?: string | null;
  politicalStatus?: string;
  ethnicity?: string;
  email?: string;
  address?: string;
  postcode?: string;
  identityProofFileId?: string | null;
}

const FIELDS: ReadonlyArray<keyof BasicChangeForm> = ['name', 'idType', 'idNumber', 'nationality', 'sex', 'birthDate', 'photoFileId', 'politicalStatus', 'ethnicity', 'email', 'address', 'postcode', 'identityProofFileId'];

/**
 * 进行变更 of 基本信息 (guide §4.1): the current values to edit. The document number is shown masked
 * and typed only to change it; 手机号码 changes in 个人中心. Decided by the system unless 身份证明, 姓名,
 * the document, 性别 or 出生日期 change — then the department reviews it with the new 身份证明.
 */
export function BasicChangeModal({ state, onClose, onDone }: { state: CollectionState; onClose: () => void; onDone: (r: ChangeRecord) => void }) {
  const [form] = Form.useForm<BasicChangeForm>();
  const today = useToday();
  const reg = state.registration;
  const b = state.basic;
  const idType = Form.useWatch('idType', form) ?? (reg.idType as IdDocumentType);
  const { saving, error, run } = useSubmit((fields) => placeFieldErrors(form, fields, FIELDS, /^$/));

  const submit = (v: BasicChangeForm) => {
    const typed = v.idNumber?.trim();
    const body: BasicChangeRequest = {
      name: v.name,
      idType: v.idType,
      ...(typed ? { idNumber: typed } : {}),
      ...(v.idType === 'foreign_passport' && v.nationality ? { nationality: v.nationality } : {}),
      ...(v.idType !== 'mainland_id' && v.sex ? { sex: v.sex } : {}),
      ...(v.idType !== 'mainland_id' && v.birthDate ? { birthDate: v.birthDate.format('YYYY-MM-DD') } : {}),
      photoFileId: v.photoFileId ?? null,
      politicalStatus: v.politicalStatus ?? '',
      ethnicity: v.ethnicity ?? '',
      email: v.email?.trim() ?? '',
      address: v.address?.trim() ?? '',
      postcode: v.postcode?.trim() ?? '',
      identityProofFileId: v.identityProofFileId ?? null,
    };
    void run(async () => onDone(await api<ChangeRecord>('POST', '/api/changes/basic', body)));
  };

  return (
    <Modal
      wrapClassName="ausm-collection-modal"
      open
      title="基本信息变更"
      width={820}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        role="note"
        style={{ marginBottom: 16 }}
        title="身份证明（身份证或居住证）未变化的，保存后系统自动审核通过；变更身份证明、姓名、证件、性别或出生日期的，须上传新的身份证明，由所属会计管理部门人工审核。手机号码请在个人中心修改。"
      />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark
        scrollToFirstError
        onFinish={submit}
        initialValues={{
          name: reg.name,
          idType: reg.idType,
          sex: reg.sex ?? undefined,
          birthDate: reg.birthDate ? dayjs(reg.birthDate) : undefined,
          photoFileId: b.photoFileId,
          ...personalDetailValues(b),
          identityProofFileId: b.identityProofFileId,
        }}
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label="证件类型" name="idType" rules={[{ required: true, message: '请选择证件类型' }]}>
              <Select virtual={false} options={ID_DOCUMENT_TYPES.map((t) => ({ value: t.value, label: t.label }))} onChange={() => form.setFields([{ name: 'idNumber', errors: [] }])} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="证件号码"
              name="idNumber"
              extra={`当前：${reg.maskedIdNumber}，不变更请留空`}
              dependencies={['idType']}
              rules={[
                {
                  validator: (_, v?: string) => {
                    const typed = v?.trim() ?? '';
                    if (!typed) return idType !== reg.idType ? Promise.reject(new Error('变更证件类型的，请输入新的证件号码')) : Promise.resolve();
                    const r = checkIdDocument(idType, typed, today);
                    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
                  },
                },
              ]}
            >
              <Input autoComplete="off" maxLength={30} placeholder="不变更请留空" />
            </Form.Item>
          </Col>
          {idType === 'foreign_passport' && (
            <Col xs={24} md={12}>
              <Form.Item label="国籍" name="nationality" rules={[{ required: true, message: '请选择国籍' }]}>
                <Select virtual={false} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择国籍" options={COUNTRIES.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <NameField form={form} label="姓名" rules={[{ required: true, message: '请输入姓名' }, ruleFrom((v) => checkPersonName(v, idType))]} placeholder="请输入与证件一致的姓名" />
          </Col>
        </Row>
        {idType !== 'mainland_id' ? (
          <SexBirthFields today={today} />
        ) : (
          <Typography.Paragraph type="secondary">内地居民身份证的性别和出生日期由证件号码确定。</Typography.Paragraph>
        )}
        <Row gutter={24}>
          <PersonalDetailFields />
          <Col xs={24} md={12}>
            <Form.Item label="证件照片" name="photoFileId" rules={[{ required: true, message: '请上传证件照片' }]}>
              <FileUpload purpose="collection_photo" label="证件照片" hideHint />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="身份证明（身份证或居住证）" name="identityProofFileId">
              <FileUpload purpose="identity_proof" label="身份证明" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
