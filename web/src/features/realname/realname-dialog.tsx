import { useCallback, useState } from 'react';
import { Alert, Button, Divider, Modal, Result, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RealnameStatus } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { AlipayPanel } from './alipay-panel';
import { OnlineRealname } from './online-realname';

export interface RealnameDialogProps {
  open: boolean;
  onClose: () => void;
  /** called once the account is verified (by Alipay, or found verified already) */
  onVerified: () => void;
}

/**
 * 实名认证 window (guide 2.5): 支付宝实名认证 by QR code, or below it 线上实名认证 by uploading the ID
 * images for the chosen city's department to review.
 */
export function RealnameDialog({ open, onClose, onVerified }: RealnameDialogProps) {
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<'alipay' | 'online' | null>(null);
  const status = useQuery({
    queryKey: ['realname'],
    queryFn: () => api<RealnameStatus>('GET', '/api/realname'),
    enabled: open,
    staleTime: 0,
  });
  // an open or refused online application is shown first; otherwise Alipay, as the guide puts it
  const alipay = status.data?.alipayAvailable ?? true;
  const mode = !alipay ? 'online' : (chosen ?? (status.data?.online && ['pending', 'rejected'].includes(status.data.online.status) ? 'online' : 'alipay'));

  const verified = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['realname'] });
    void qc.invalidateQueries({ queryKey: ['me'] });
    onVerified();
  }, [qc, onVerified]);

  let body;
  if (status.isLoading) {
    body = (
      <div style={{ padding: 32, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  } else if (status.error) {
    body = <Alert type="error" showIcon role="alert" title={status.error instanceof ApiError ? status.error.message : '实名认证状态加载失败，请稍后重试'} />;
  } else if (status.data?.verified) {
    body = (
      <Result
        status="success"
        title="您已完成实名认证"
        extra={
          <Button type="primary" onClick={verified}>
            继续
          </Button>
        }
      />
    );
  } else if (mode === 'online') {
    body = (
      <>
        {!alipay && <Alert type="info" showIcon role="note" style={{ marginBottom: 16 }} title="支付宝实名认证暂不可用，请上传证件照片进行线上实名认证。" />}
        <OnlineRealname application={status.data?.online ?? null} onBack={alipay ? () => setChosen('alipay') : undefined} />
      </>
    );
  } else {
    body = (
      <>
        <Typography.Paragraph>在信息采集前必须进行实名认证。</Typography.Paragraph>
        <AlipayPanel onPassed={verified} onAlreadyVerified={verified} />
        <Divider />
        <div style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">无法使用支付宝进行实名认证的，可以</Typography.Text>
          <Button type="link" onClick={() => setChosen('online')} style={{ paddingInline: 4 }}>
            线上实名认证
          </Button>
        </div>
      </>
    );
  }

  return (
    <Modal
      open={open}
      title={mode === 'online' && !status.data?.verified ? '线上实名认证' : '实名认证'}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      {body}
    </Modal>
  );
}
