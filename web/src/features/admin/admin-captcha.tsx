import { Button, Input, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

interface Captcha {
  id: string;
  svg: string;
  /** seconds the answer stays valid */
  expiresIn: number;
}

/** An image captcha that renews itself shortly before it expires. */
export function useCaptcha() {
  const q = useQuery({
    queryKey: ['staff-login-captcha'],
    queryFn: () => api<Captcha>('GET', '/api/captcha'),
    staleTime: Infinity,
    gcTime: 0,
    refetchInterval: (query) => (query.state.data ? Math.max(30, query.state.data.expiresIn - 15) * 1000 : false),
  });
  return { captcha: q.data, loading: q.isFetching, failed: q.isError, refresh: () => void q.refetch() };
}

/** The captcha text box, the image and 换一张, for use as the control of a Form.Item labelled 验证码. */
export function CaptchaInput({
  id,
  value,
  onChange,
  captcha,
  loading,
  failed,
  onRefresh,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  captcha: Captcha | undefined;
  loading: boolean;
  failed: boolean;
  onRefresh: () => void;
}) {
  return (
    <Space.Compact block className="ausm-admin-captcha">
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        maxLength={10}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder="不区分大小写"
      />
      {captcha ? (
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`} data-captcha-id={captcha.id} alt="图形验证码" width={120} height={40} />
      ) : (
        <span className="ausm-admin-captcha-placeholder" role="status">
          {failed ? '加载失败' : '加载中'}
        </span>
      )}
      <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={loading}>
        换一张
      </Button>
    </Space.Compact>
  );
}
