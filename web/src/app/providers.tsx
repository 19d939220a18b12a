import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { ElderModeProvider } from '../components/elder-mode';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Ant Design in Chinese with primary, grey and error colours dark enough for WCAG AA contrast. */
/** antd's stack, then the 生僻字 fallback (web/public/fonts, scripts/gen-rare-font.mjs) before the generic family. */
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, 'AUSM Rare', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: FONT_FAMILY, motion: false, colorPrimary: '#0958d9', colorLink: '#0958d9', colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959', colorError: '#cf1322', borderRadius: 6 } }} button={{ autoInsertSpace: false }}>
      {/* 适老化 / 大字版 (components/elder-mode.tsx): its theme is merged over this one while it is on */}
      <ElderModeProvider>
        <AntApp>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </AntApp>
      </ElderModeProvider>
    </ConfigProvider>
  );
}
