import { useEffect } from 'react';

const SITE = '全国会计人员统一服务管理平台';

/** Sets the browser tab title while the page is shown (screen readers announce it on navigation). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = `${title} - ${SITE}`;
    return () => {
      document.title = before;
    };
  }, [title]);
}
