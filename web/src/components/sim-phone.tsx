import { useEffect, type ReactNode } from 'react';

/**
 * The frame of a simulated phone page (demo only: the Alipay and WeChat simulators), with the
 * browser tab titled as the app on the phone would be.
 */
export function SimPhone({ title, headerColor, background, children }: { title: string; headerColor: string; background: string; children: ReactNode }) {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <main style={{ minHeight: '100vh', background, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '24px 8px' }}>
      <section aria-labelledby="sim-phone-title" style={{ width: '100%', maxWidth: 375, minHeight: 620, background: '#fff', borderRadius: 28, border: '8px solid #1f1f1f', overflow: 'hidden', boxShadow: '0 8px 24px rgba(0,0,0,.18)' }}>
        <header style={{ background: headerColor, color: '#fff', padding: '16px 16px 14px', textAlign: 'center' }}>
          <h1 id="sim-phone-title" style={{ fontSize: 18, margin: 0, fontWeight: 600 }}>
            {title}
          </h1>
          <div style={{ fontSize: 12, marginTop: 4 }}>模拟手机（演示环境）</div>
        </header>
        <div style={{ padding: 16 }}>{children}</div>
      </section>
    </main>
  );
}
