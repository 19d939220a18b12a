import { useState } from 'react';
import { Alert, Button, Modal, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, PrivacyNotice } from '@ausm/domain';
import { api, ApiError } from '../lib/api';

/** The 个人信息保护政策 in force (public: read before registering). */
export function usePrivacyNotice() {
  return useQuery({ queryKey: ['privacy-notice'], queryFn: () => api<PrivacyNotice>('GET', '/api/privacy-notice'), staleTime: 10 * 60_000 });
}

export function PrivacyNoticeText({ notice }: { notice: PrivacyNotice }) {
  return (
    <div style={{ maxHeight: '55vh', overflowY: 'auto' }} tabIndex={0} role="region" aria-label={`${notice.title}全文`}>
      <Typography.Paragraph type="secondary">
        版本 {notice.version}，自 {notice.effectiveFrom} 起施行
      </Typography.Paragraph>
      {notice.body.split('\n\n').map((p) => (
        <Typography.Paragraph key={p.slice(0, 24)}>{p}</Typography.Paragraph>
      ))}
    </div>
  );
}

/** The full notice in a dialog (the registration page's link). */
export function PrivacyNoticeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { data: notice } = usePrivacyNotice();
  return (
    <Modal title={notice?.title ?? '个人信息保护政策'} open={open} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>我已阅读</Button>} width={720}>
      {notice ? <PrivacyNoticeText notice={notice} /> : null}
    </Modal>
  );
}

/**
 * When the notice changed since this person agreed (Me.consentRequired), nothing else can be used
 * until they agree to the new one, or decline and are signed out.
 */
export function ConsentGate({ me, onDecline }: { me: Me | null | undefined; onDecline: () => Promise<void> }) {
  const qc = useQueryClient();
  const { data: notice } = usePrivacyNotice();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  if (!me?.consentRequired || !notice) return null;
  const agree = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api('POST', '/api/center/consent', { version: notice.version });
      qc.setQueryData(['me'], { ...me, consentRequired: false });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PRIVACY_NOTICE_CHANGED') await qc.invalidateQueries({ queryKey: ['privacy-notice'] });
      setError(e instanceof ApiError ? e.message : '系统繁忙，请稍后再试');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      title={`请阅读并同意《${notice.title}》`}
      width={720}
      footer={
        <>
          <Button onClick={() => void onDecline()}>不同意并退出</Button>
          <Button type="primary" loading={saving} onClick={() => void agree()}>
            同意
          </Button>
        </>
      }
    >
      <Typography.Paragraph>您尚未同意现行的{notice.title}（第{notice.version}版）。同意后方可继续使用平台；不同意的，将退出登录，您也可以在登录后申请注销账号。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <PrivacyNoticeText notice={notice} />
    </Modal>
  );
}
