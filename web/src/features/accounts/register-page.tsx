import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import {
  COUNTRIES,
  ID_DOCUMENT_TYPES,
  checkIdDocument,
  checkMobile,
  checkPersonName,
  describePasswordPolicy,
  DENGBAO_PASSWORD_POLICY,
  type IdDocumentType,
  type RegisterRequest,
  beijingDate,
} from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { useQueryClient } from '@tanstack/react-query';
import { ruleFrom } from '../../lib/forms';
import { usePublicConfig } from '../../lib/session';
import { NoticeCard } from '../../components/notice-card';
import { DoneCard, PasswordPair, SmsCodeField, useFormSubmit } from './account-form-parts';
import { NameField } from '../../components/name-field';
import { SexBirthFields } from '../../components/sex-birth-fields';
import { PrivacyNoticeDialog, usePrivacyNotice } from '../../components/privacy-notice';

const todayLocal = () => beijingDate(new Date());

type RegisterValues = Omit<RegisterRequest, 'birthDate' | 'privacyVersion'> & { birthDate?: Dayjs; privacyConsent?: boolean };


/** 注册: the guide's fields, checked by the same domain rules the server applies. */
export function RegisterPage() {
  const [form] = Form.useForm<RegisterValues>();
  const { data: config } = usePublicConfig();
  const policy = config?.passwordPolicy ?? DENGBAO_PASSWORD_POLICY;
  const today = config?.today ?? todayLocal();
  const { data: notice } = usePrivacyNotice();
  const [reading, setReading] = useState(false);
  const qc = useQueryClient();
  const { error, submitting, done, submit, codeVoided } = useFormSubmit(form, ({ privacyConsent: _agreed, ...values }) =>
    api('POST', '/api/accounts', {
      ...values,
      // the version the person was shown: a notice changed meanwhile is refused (PRIVACY_NOTICE_CHANGED)
      privacyVersion: notice?.version ?? 0,
      nationality: values.idType === 'foreign_passport' ? values.nationality : undefined,
      // a mainland card carries sex and birth date; the other documents do not, so they are asked for
      sex: values.idType === 'mainland_id' ? undefined : values.sex,
      birthDate: values.idType === 'mainland_id' || !values.birthDate ? undefined : values.birthDate.format('YYYY-MM-DD'),
    } satisfies RegisterRequest).catch(async (e: unknown) => {
      // the notice changed while the form was open: show the new one and ask again
      if (e instanceof ApiError && e.code === 'PRIVACY_NOTICE_CHANGED') {
        form.setFieldValue('privacyConsent', false);
        await qc.invalidateQueries({ queryKey: ['privacy-notice'] });
      }
      throw e;
    }),
  );
  const idType = Form.useWatch('idType', form) ?? 'mainland_id';
  const idNumber = Form.useWatch('idNumber', form) ?? '';

  const derived = useMemo(() => {
    if (idType !== 'mainland_id') return undefined;
    const r = checkIdDocument('mainland_id', idNumber, today);
    return r.ok ? r : undefined;
  }, [idType, idNumber, today]);

  if (done) {
    return <DoneCard title="注册成功" subTitle="请使用证件号码或手机号登录。登录后请先完成实名认证，再进行会计人员信息采集。" />;
  }

  return (
    <div className="ausm-two-col">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>新用户注册</h1>}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ idType: 'mainland_id' }}
          onFinish={submit}
          validateTrigger="onBlur"
          scrollToFirstError
        >
          <Form.Item label="证件类型" name="idType" rules={[{ required: true, message: '请选择证件类型' }]}>
            <Select options={ID_DOCUMENT_TYPES.map((t) => ({ value: t.value, label: t.label }))} onChange={() => form.setFields([{ name: 'idNumber', errors: [] }])} />
          </Form.Item>
          <Form.Item
            label="证件号码"
            name="idNumber"
            rules={[{ required: true, message: '请输入证件号码' }, ruleFrom((v) => checkIdDocument(idType as IdDocumentType, v, today))]}
            extra={derived ? `性别：${derived.sex === 'male' ? '男' : '女'}\u3000出生日期：${derived.birthDate}（由身份证号码自动识别）` : undefined}
          >
            <Input autoComplete="off" maxLength={30} placeholder="请输入证件号码" />
          </Form.Item>
          {idType === 'foreign_passport' && (
            <Form.Item label="国籍" name="nationality" rules={[{ required: true, message: '请选择国籍' }]}>
              <Select showSearch optionFilterProp="label" placeholder="请选择国籍" options={COUNTRIES.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))} />
            </Form.Item>
          )}
          {idType !== 'mainland_id' && <SexBirthFields today={today} sexExtra="所选证件不含性别和出生日期信息，请按证件如实选择" />}
          <NameField form={form} rules={[{ required: true, message: '请输入真实姓名' }, ruleFrom((v) => checkPersonName(v, idType))]} placeholder="请输入与证件一致的姓名" />
          <PasswordPair form={form} policy={policy} name="password" label="密码" confirmLabel="确认密码" />
          <Form.Item label="手机号" name="phone" rules={[{ required: true, message: '请输入手机号' }, ruleFrom(checkMobile)]}>
            <Input autoComplete="tel" inputMode="tel" maxLength={20} placeholder="请输入本人手机号" />
          </Form.Item>
          <SmsCodeField form={form} purpose="register" codeVoided={codeVoided} />
          <Form.Item
            name="privacyConsent"
            valuePropName="checked"
            rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error('请阅读并同意《个人信息保护政策》'))) }]}
            validateTrigger="onChange"
          >
            <Checkbox>我已阅读并同意《个人信息保护政策》</Checkbox>
          </Form.Item>
          <Button type="link" style={{ padding: 0, marginTop: -16, marginBottom: 12 }} onClick={() => setReading(true)}>
            阅读《个人信息保护政策》全文
          </Button>
          <PrivacyNoticeDialog open={reading} onClose={() => setReading(false)} />
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            注册
          </Button>
          <Typography.Paragraph style={{ marginTop: 12, textAlign: 'center' }}>
            已有账号？<Link to="/login">立即登录</Link>
          </Typography.Paragraph>
        </Form>
      </Card>
      <NoticeCard
        items={[
          '证件类型请按本人有效身份证件选择，证件号码和真实姓名须与证件一致，注册后不可自行修改。',
          '一个证件号码、一个手机号只能注册一个账号。证件号码已注册的，请直接登录或通过“忘记密码”找回。',
          '内地居民身份证号码为18位，最后一位为X的请输入大写或小写X均可；性别和出生日期由号码自动识别。其他证件请另行选择性别和出生日期。',
          '港澳居民来往内地通行证号码后2位为换证次数的，可填可不填，换证后仍是同一账号。',
          '姓名中有生僻字无法输入的，请点击姓名右侧“生僻字”按钮，按拼音或编码查找后选择。',
          '短信验证码3分钟内有效，同一手机号每3分钟只能获取一次，输错5次需重新获取。',
          `${describePasswordPolicy(policy)}。`,
        ]}
      />
    </div>
  );
}
