import { forwardRef, useCallback, useEffect, useImperativeHandle, useState } from 'react';
import { Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../lib/api';

export interface CaptchaHandle {
  /** loads a new image; returns nothing, the new id arrives through onChange */
  refresh(): void;
}

/**
 * The image captcha of the login pages. The image carries data-captcha-id so automated tests (in
 * demo mode) can read the answer from /api/dev/captcha; people click it or 换一张 for a new one.
 */
export const CaptchaImage = forwardRef<CaptchaHandle, { onChange: (id: string) => void }>(function CaptchaImage({ onChange }, ref) {
  const [captcha, setCaptcha] = useState<{ id: string; svg: string } | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    api<{ id: string; svg: string }>('GET', '/api/captcha')
      .then((c) => {
        setCaptcha(c);
        setFailed(false);
        onChange(c.id);
      })
      .catch(() => setFailed(true));
  }, [onChange]);

  useEffect(load, [load]);
  useImperativeHandle(ref, () => ({ refresh: load }), [load]);

  return (
    <span className="ausm-captcha">
      {captcha ? (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
          data-captcha-id={captcha.id}
          alt="图形验证码，看不清可点击换一张"
          width={150}
          height={40}
          onClick={load}
        />
      ) : (
        <span style={{ width: 150 }}>{failed ? '验证码加载失败' : '加载中…'}</span>
      )}
      <Button type="link" icon={<ReloadOutlined />} onClick={load} aria-label="换一张验证码">
        换一张
      </Button>
    </span>
  );
});
