import { Alert, Cascader, Col, Form, Input, Radio, Row, Select } from 'antd';
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
import { FileUpload } from '../../components/file-upload';
import { cascaderFilter, cascaderOptions, fromDay, options, toDay, treePath } from './collection-data';
import { EntryModal, PeriodFields, YES_NO, requiredText, useEntryEditor, useEntryWords, type EntryEditorProps } from './entry-form';

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
const FIELDS = {
  names: ['mode', 'school', 'startDate', 'endDate', 'ongoing', 'educationLevel', 'degree', 'majorPath', 'eduCertNo', 'degreeCertNo', 'abroad', 'proofFileId', 'abroadCertFileId'],
  alias: { majorCode: 'majorPath' },
} as const satisfies { names: ReadonlyArray<keyof EducationForm>; alias: Readonly<Record<string, keyof EducationForm>> };

const CERT_NO_RULE = (label: string) => ({ pattern: /^[0-9A-Za-z-]{1,40}$/, message: `${label}只能包含字母、数字和“-”，不超过40位` });

export const EDUCATION_TIP = '提示: 1.本科及以上的留学生须提供教育部留学服务中心认证书, 2.尚未毕业的在校生毕业时间须勾选至今';

/** 新增/编辑教育经历 with every field of the guide (3.4); legacy entries keep their locked fields. */
export function EducationModal(props: EntryEditorProps<EducationEntry>) {
  const { entry, onClose } = props;
  const editor = useEntryEditor<EducationForm>('education', props, FIELDS);
  const words = useEntryWords();
  const { form, isLocked, lockClass } = editor;

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

  const submit = (v: EducationForm) => {
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
    void editor.submit(body);
  };

  // required unless `optional`, when `extra` says why not
  const certNoField = (name: 'eduCertNo' | 'degreeCertNo', label: string, optional: boolean, extra: string, disabled = false) => (
    <Col xs={24} sm={12}>
      <Form.Item
        label={label}
        name={name}
        className={lockClass(name)}
        rules={[{ required: !optional, whitespace: true, message: `请输入${label}` }, CERT_NO_RULE(label)]}
        extra={optional ? extra : undefined}
      >
        <Input placeholder={`请输入${label}`} disabled={disabled || isLocked(name)} />
      </Form.Item>
    </Col>
  );

  return (
    <EntryModal
      editor={editor}
      title={entry ? `${words.edit}教育经历` : '新增教育经历'}
      width={760}
      onClose={onClose}
      notice={<Alert type="info" showIcon role="note" title={EDUCATION_TIP} style={{ marginBottom: 16 }} />}
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
          <Form.Item label="学校名称(全称)" name="school" className={lockClass('school')} rules={requiredText('学校名称', 100, '请输入学校名称（全称）')}>
            <Input placeholder="请输入学校名称" disabled={isLocked('school')} />
          </Form.Item>
        </Col>
        <PeriodFields
          editor={editor}
          ongoing={ongoing}
          start={{ label: '入学时间', placeholder: '请输入入学时间', afterToday: '入学时间不能晚于今天' }}
          end={{
            label: '毕业时间',
            placeholder: '请输入毕业时间',
            missing: '请输入毕业时间，尚未毕业的请勾选至今',
            beforeStart: '毕业时间不能早于入学时间',
            afterToday: '尚未毕业的在校生毕业时间须勾选至今',
          }}
        />
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
        {certNoField('eduCertNo', '学历证书编号', ongoing, '在校生可暂不填写')}
        {certNoField('degreeCertNo', '学位证书编号', noDegree, '学位为“无”的无需填写', noDegree)}
        <Col xs={24}>
          <Form.Item label="是否有留学经历" name="abroad" rules={[{ required: true, message: '请选择是否有留学经历' }]}>
            <Radio.Group aria-label="是否有留学经历" options={YES_NO} disabled={isLocked('abroad')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="学历学位证书" name="proofFileId" rules={[{ required: proofRequired, message: proofNote }]}>
            <FileUpload purpose="education_proof" label="学历学位证书" note={proofNote} />
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
    </EntryModal>
  );
}
