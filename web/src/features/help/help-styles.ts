import type { CSSProperties } from 'react';

/**
 * Secondary text in a grey that passes WCAG AA on white and on the page background (antd's
 * colorTextDescription, 45 % black, does not).
 */
export const MUTED: CSSProperties = { color: '#595959' };

/** Tag colours with AA contrast (antd's preset green text is too light). */
export const KIND_TAG: Record<'faq' | 'guide', { text: string; style: CSSProperties }> = {
  faq: { text: '常见问题', style: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' } },
  guide: { text: '操作说明', style: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' } },
};
