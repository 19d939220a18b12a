import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Result, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CLOSE_CONFIRM_TEXT, type CloseAccountRequest, type ClosureInfo } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { SmsCodeButton } from '../../components/sms-code-button';

const years = (days: number) => (days % 365 === 0 ? `${days / 365}年` : `${days}天`);

/** 下载个人数据: the copy is fetched (so a refusal reads as a message) and saved under its own name. */
function DownloadCard() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch('/api/center/export', { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        throw new Error(body.message ?? '下载失败，请稍后再试');
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name ? decodeURIComponent(name) : '个人数据.json';
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e instanceof Error ? e.message : '下载失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<h2>下载个人数据</h2>}>
      <Typography.Paragraph>
        依据《个人信息保护法》，您可以获取本人在平台的个人信息副本：注册信息（证件号码、手机号为完整值）、同意记录、微信绑定、信息采集、信息变更、属地关系调转、奖惩信息、审核记录、上传材料清单和最近的账号安全记录。文件为 JSON 格式，可用记事本或浏览器打开。请妥善保管，不要发给他人。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
        下载个人数据
      </Button>
    </Card>
  );
}

function CloseDialog({ info, onClose }: { info: ClosureInfo; onClose: () => void }) {
  const [form] = Form.useForm<CloseAccountRequest>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const submit = async (v: CloseAccountRequest) => {
    setSaving(true);
    setError(undefined);
    try {
      await api('POST', '/api/center/closure', { password: v.password, smsCode: v.smsCode.trim(), confirmText: v.confirmText.trim() });
      qc.setQueryData(['me'], null);
      navigate('/center/closed', { replace: true });
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="注销账号" okText="确认注销" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph>注销后无法恢复。请输入登录密码、发送至 {info.maskedPhone} 的短信验证码，并输入“{CLOSE_CONFIRM_TEXT}”二字确认。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark onFinish={submit}>
        <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请输入登录密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="短信验证码" htmlFor="closeSmsCode" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="smsCode" noStyle rules={[{ required: true, message: '请输入短信验证码' }]}>
              <Input id="closeSmsCode" autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <SmsCodeButton purpose="close_account" registeredPhone getPhone={() => ''} onPhoneError={setError} request={(_p, captcha) => api('POST', '/api/center/closure/code', { ...captcha })} />
          </Space.Compact>
        </Form.Item>
        <Form.Item label={`请输入“${CLOSE_CONFIRM_TEXT}”`} name="confirmText" rules={[{ required: true, message: `请输入“${CLOSE_CONFIRM_TEXT}”以确认` }]}>
          <Input maxLength={10} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 注销账号: what goes at once and what the law keeps, and for how long, before anything is confirmed. */
function CloseCard() {
  const info = useQuery({ queryKey: ['center-closure'], queryFn: () => api<ClosureInfo>('GET', '/api/center/closure') });
  const [open, setOpen] = useState(false);
  const i = info.data;
  return (
    <Card title={<h2>注销账号</h2>}>
      {!i ? (
        info.error instanceof ApiError ? <Alert type="error" showIcon title={info.error.message} /> : <Spin aria-label="加载中" />
      ) : (
        <>
          <Typography.Paragraph strong>注销后立即删除：</Typography.Paragraph>
          <ul className="ausm-center-list">
            {i.deletedAtOnce.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <Typography.Paragraph strong style={{ marginTop: 12 }}>
            依法保留，期满后删除：
          </Typography.Paragraph>
          <ul className="ausm-center-list" data-testid="closure-kept">
            {i.kept.map((k) => (
              <li key={k.what}>
                {k.what}：{k.since === 'closure' ? '自注销起' : '自记录之日起'}保存{years(k.days)}（{k.why}）
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            如只是不想接收消息，可以<Link to="/center/wechat">解绑微信</Link>；如需更正信息，请办理<Link to="/changes">信息变更</Link>。
          </Typography.Paragraph>
          {i.blockers.map((b) => (
            <Alert key={b} type="warning" showIcon title={b} style={{ marginBottom: 12 }} />
          ))}
          <Button danger disabled={i.blockers.length > 0} onClick={() => setOpen(true)}>
            申请注销账号
          </Button>
          {open && <CloseDialog info={i} onClose={() => setOpen(false)} />}
        </>
      )}
    </Card>
  );
}

export function DataPage() {
  usePageTitle('我的数据');
  return (
    <>
      <DownloadCard />
      <CloseCard />
    </>
  );
}

export function ClosedPage() {
  usePageTitle('账号已注销');
  const { message } = App.useApp();
  return (
    <Result
      status="success"
      title="账号已注销"
      subTitle="您已退出登录，本账号不能再登录。依法保留的信息将在保存期满后删除。已向原手机号发送注销通知。"
      extra={
        <Link to="/" onClick={() => void message.destroy()}>
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
