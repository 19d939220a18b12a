import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { MobileOutlined, ReloadOutlined, WechatOutlined } from '@ant-design/icons';
import { beijingTime, type WechatTicket, type WechatTicketState } from '@ausm/domain';
import { ApiError } from '../lib/api';

const POLL_MS = 2000;
const FINISHED: ReadonlyArray<WechatTicketState['status']> = ['done', 'expired', 'cancelled', 'refused'];

interface Props {
  /** what the QR is for, as the person reads it (微信扫码登录 / 绑定微信) */
  purpose: string;
  open: () => Promise<WechatTicket>;
  poll: (ticket: string) => Promise<WechatTicketState>;
  onDone: () => void;
  demo: boolean;
}

/**
 * A WeChat QR code that polls its ticket every 2 s until the scan is confirmed, cancelled, refused or
 * expired (5 minutes); then 刷新二维码 opens a new one. In the demo a link opens the simulated phone.
 */
export function WechatQr({ purpose, open, poll, onDone, demo }: Props) {
  const [ticket, setTicket] = useState<WechatTicket | null>(null);
  const [state, setState] = useState<WechatTicketState | null>(null);
  const [error, setError] = useState<string>();
  const done = useRef(false);

  const start = async () => {
    setError(undefined);
    setState(null);
    try {
      setTicket(await open());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '系统繁忙，请稍后再试');
    }
  };

  useEffect(() => {
    void start();
    // opened once on mount; 刷新二维码 opens the next
  }, []);

  useEffect(() => {
    if (!ticket || (state && FINISHED.includes(state.status))) return;
    const t = setTimeout(async () => {
      try {
        const s = await poll(ticket.ticket);
        setState(s);
        if (s.status === 'done' && !done.current) {
          done.current = true;
          onDone();
        }
      } catch (e) {
        setError(e instanceof ApiError ? e.message : '网络连接失败，请检查网络后重试');
        setState({ status: 'expired', code: null, message: null });
      }
    }, POLL_MS);
    return () => clearTimeout(t);
  }, [ticket, state, poll, onDone]);

  const finished = state !== null && FINISHED.includes(state.status);
  const status = state?.status ?? 'waiting';
  const text =
    status === 'scanned' ? '已扫码，请在手机微信上确认' :
    status === 'expired' ? '二维码已过期，请刷新二维码' :
    status === 'cancelled' ? '已在手机上取消，请刷新二维码' :
    status === 'done' ? '已完成' :
    `请使用微信扫描二维码${purpose}`;

  return (
    <div style={{ textAlign: 'center' }}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12, textAlign: 'left' }} />}
      {state?.status === 'refused' && <Alert type="warning" showIcon title={state.message} role="alert" style={{ marginBottom: 12, textAlign: 'left' }} data-testid="wechat-refused" />}
      {ticket && !finished ? (
        <>
          <div style={{ display: 'inline-block', padding: 8, border: '1px solid #d9d9d9', borderRadius: 8, background: '#fff' }}>
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`} alt={`${purpose}二维码，请使用微信扫一扫`} width={200} height={200} data-testid="wechat-qr" />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            二维码有效期至 {beijingTime(ticket.expiresAt)}
          </Typography.Paragraph>
          {demo && (
            <Space orientation="vertical" size={4}>
              <Typography.Link href={ticket.qrUrl} target="_blank" rel="noopener noreferrer" data-testid="wechat-sim-link">
                <MobileOutlined aria-hidden="true" /> 在模拟手机中打开
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                演示环境：没有真实的微信，请在新打开的模拟手机页面中扫码确认
              </Typography.Text>
            </Space>
          )}
        </>
      ) : null}
      <div aria-live="polite" role="status" style={{ marginTop: 12 }}>
        {!finished && ticket ? (
          <Typography.Text>
            <WechatOutlined aria-hidden="true" style={{ color: '#1a7f37', marginRight: 6 }} />
            {text}
            <Spin size="small" style={{ marginLeft: 8 }} />
          </Typography.Text>
        ) : finished && status !== 'done' ? (
          <Typography.Text>{text}</Typography.Text>
        ) : null}
      </div>
      {(finished && status !== 'done') || error ? (
        <Button icon={<ReloadOutlined />} onClick={() => void start()} style={{ marginTop: 12 }}>
          刷新二维码
        </Button>
      ) : null}
    </div>
  );
}
