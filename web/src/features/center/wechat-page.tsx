import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { WechatOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { beijingDateTime, type WechatBinding, type WechatTicket, type WechatTicketState } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { usePublicConfig } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';
import { WechatQr } from '../../components/wechat-qr';

const KEY = ['center-wechat'] as const;

/**
 * 微信绑定 (guide §9): not bound → says what that means and offers 绑定; bound → 换绑 (a new QR; the
 * binding moves to whoever scans it) and 解绑 (ends QR login and 公众号消息).
 */
export function WechatPage() {
  usePageTitle('微信绑定');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data: config } = usePublicConfig();
  const binding = useQuery({ queryKey: KEY, queryFn: () => api<WechatBinding>('GET', '/api/center/wechat') });
  const [scanning, setScanning] = useState(false);
  const [unbinding, setUnbinding] = useState(false);
  const [error, setError] = useState<string>();
  const b = binding.data;
  const wasBound = Boolean(b?.bound);

  const open = useCallback(() => api<WechatTicket>('POST', '/api/center/wechat/tickets'), []);
  const poll = useCallback((t: string) => api<WechatTicketState>('POST', `/api/center/wechat/tickets/${encodeURIComponent(t)}`), []);
  const done = useCallback(async () => {
    setScanning(false);
    await qc.invalidateQueries({ queryKey: KEY });
    void message.success(wasBound ? '换绑成功，今后请使用新的微信扫码登录' : '微信绑定成功，可使用微信扫码登录');
  }, [qc, message, wasBound]);

  const unbind = () =>
    modal.confirm({
      title: '确定解绑微信？',
      content: '解绑后将无法使用微信扫码登录，也不再接收平台公众号消息。可随时重新绑定。',
      okText: '解绑',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setUnbinding(true);
        setError(undefined);
        try {
          await api('DELETE', '/api/center/wechat');
          await qc.invalidateQueries({ queryKey: KEY });
          void message.success('已解绑微信');
        } catch (e) {
          setError(e instanceof ApiError ? e.message : '系统繁忙，请稍后再试');
        } finally {
          setUnbinding(false);
        }
      },
    });

  let body;
  if (!b) body = <Spin aria-label="加载中" />;
  else if (!b.available) body = <Alert type="warning" showIcon title="微信服务暂不可用，暂时无法绑定微信，请稍后再试" />;
  else if (scanning) {
    body = (
      <>
        <Typography.Paragraph>{b.bound ? '请使用要换绑的新微信扫描二维码，并在手机上确认。确认后原微信即解除绑定。' : '请使用本人微信扫描二维码，并在手机上确认绑定。'}</Typography.Paragraph>
        <WechatQr purpose={b.bound ? '换绑微信' : '绑定微信'} open={open} poll={poll} onDone={() => void done()} demo={Boolean(config?.demo)} />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => setScanning(false)}>返回</Button>
        </div>
      </>
    );
  } else if (!b.bound) {
    body = (
      <>
        <Alert type="info" showIcon title="尚未绑定微信，无法进行微信扫码登录，接收公众号消息" data-testid="wechat-unbound" />
        <Button type="primary" icon={<WechatOutlined />} size="large" style={{ marginTop: 16 }} onClick={() => setScanning(true)}>
          绑定微信
        </Button>
      </>
    );
  } else {
    body = (
      <>
        <Alert type="success" showIcon title="已绑定微信，可使用微信扫码快捷登录，接收平台公众号消息" data-testid="wechat-bound" />
        <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }}>
          <Descriptions.Item label="微信昵称">{b.nickname}</Descriptions.Item>
          <Descriptions.Item label="绑定时间">{b.boundAt ? beijingDateTime(b.boundAt) : '—'}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => setScanning(true)}>
            换绑
          </Button>
          <Button danger loading={unbinding} onClick={unbind}>
            解绑
          </Button>
        </Space>
      </>
    );
  }
  return (
    <Card title={<h2>微信绑定</h2>}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {body}
    </Card>
  );
}
