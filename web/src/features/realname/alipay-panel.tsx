import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { AlipayCircleOutlined, MobileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { beijingTime, type AlipayCertification } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';

type CertStatus = AlipayCertification['status'];
const FINISHED: ReadonlyArray<CertStatus> = ['passed', 'failed', 'expired'];
const POLL_MS = 2000;

const STATUS_TEXT: Readonly<Record<CertStatus, string>> = {
  init: '请使用本人支付宝App扫描二维码，按手机上的提示完成认证',
  scanned: '已扫码，请在手机上同意授权并完成验证',
  passed: '实名认证成功',
  failed: '实名认证失败',
  expired: '二维码已过期，请重新发起认证',
};

function timeOf(iso: string): string {
  return beijingTime(iso);
}

/**
 * 支付宝实名认证: starts a certification, shows its QR code (and, in the demo, a link to the simulated
 * phone) and polls every 2 s until it has passed, failed or expired.
 */
export function AlipayPanel({ onPassed, onAlreadyVerified }: { onPassed: () => void; onAlreadyVerified: () => void }) {
  const [cert, setCert] = useState<AlipayCertification | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const reported = useRef(false);

  const poll = useQuery({
    queryKey: ['realname-alipay', cert?.id],
    queryFn: () => api<AlipayCertification>('GET', `/api/realname/alipay/${encodeURIComponent(cert?.id ?? '')}`),
    enabled: cert !== null && !FINISHED.includes(cert.status),
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: true,
    retry: false,
  });
  const current = poll.data && poll.data.id === cert?.id ? poll.data : cert;

  useEffect(() => {
    if (current?.status === 'passed' && !reported.current) {
      reported.current = true;
      onPassed();
    }
  }, [current?.status, onPassed]);

  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const started = await api<AlipayCertification>('POST', '/api/realname/alipay');
      reported.current = false;
      setCert(started);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && /已完成实名认证/.test(e.message)) onAlreadyVerified();
      else setError(e instanceof ApiError ? e.message : '系统繁忙，请稍后再试');
    } finally {
      setStarting(false);
    }
  };

  if (!current) {
    return (
      <div style={{ textAlign: 'center', padding: '8px 0 0' }}>
        <Typography.Paragraph>使用本人账号的支付宝扫码即可完成实名认证，无需上传证件照片。</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12, textAlign: 'left' }} />}
        <Button type="primary" size="large" icon={<AlipayCircleOutlined />} loading={starting} onClick={start}>
          支付宝实名认证
        </Button>
      </div>
    );
  }

  if (current.status === 'passed') {
    return <Result status="success" title="实名认证成功" subTitle="您已通过支付宝完成实名认证，可以继续办理信息采集。" />;
  }

  const finished = FINISHED.includes(current.status);
  return (
    <div style={{ textAlign: 'center' }}>
      {!finished && (
        <>
          <div style={{ display: 'inline-block', padding: 8, border: '1px solid #d9d9d9', borderRadius: 8, background: '#fff' }}>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(current.qrSvg)}`}
              alt="支付宝实名认证二维码，请使用本人支付宝App扫一扫"
              width={200}
              height={200}
              data-testid="alipay-qr"
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            二维码有效期至 {timeOf(current.expiresAt)}
          </Typography.Paragraph>
          <Space orientation="vertical" size={4}>
            <Typography.Link href={current.scanUrl} target="_blank" rel="noopener noreferrer">
              <MobileOutlined aria-hidden="true" /> 在模拟手机中打开
            </Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              演示环境：没有真实的支付宝，请在新打开的模拟手机页面中完成扫码后的操作
            </Typography.Text>
          </Space>
        </>
      )}
      <div aria-live="polite" role="status" style={{ marginTop: 12 }}>
        {finished ? (
          <Alert
            type={current.status === 'failed' ? 'error' : 'warning'}
            showIcon
            title={STATUS_TEXT[current.status]}
            description={current.reason ?? undefined}
            style={{ textAlign: 'left' }}
          />
        ) : (
          <Typography.Text>
            <Spin size="small" style={{ marginRight: 8 }} />
            {STATUS_TEXT[current.status]}
          </Typography.Text>
        )}
      </div>
      {poll.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12, textAlign: 'left' }} title={poll.error instanceof ApiError ? poll.error.message : '查询认证结果失败'} />}
      {(finished || poll.error) && (
        <Button type="primary" style={{ marginTop: 12 }} loading={starting} onClick={start}>
          重新发起
        </Button>
      )}
    </div>
  );
}
