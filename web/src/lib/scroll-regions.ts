/**
 * A table wider than its box scrolls sideways inside `.ant-table-content` (antd's `scroll.x`). A
 * keyboard user can only scroll a region they can focus (WCAG 2.1.1, axe `scrollable-region-focusable`),
 * and antd gives no prop for it. This watches the page and makes every such region that actually
 * overflows focusable, named after its table, and takes that away again when it no longer overflows
 * (a wider window), so no empty tab stop is left behind. It also makes antd's hidden measuring row
 * inert.
 */
const REGIONS = '.ant-table-content, .ant-table-body';
const MARK = 'data-ausm-scroll-region';

function regionName(el: Element): string {
  const table = el.closest('.ant-table-wrapper');
  const label = table?.getAttribute('aria-label') ?? table?.querySelector('caption')?.textContent?.trim();
  return label ? `${label}（可左右滚动）` : '表格（可左右滚动）';
}

function update(root: ParentNode): void {
  // antd copies the header (a select-all checkbox too) into a hidden row that measures column widths:
  // hidden from screen readers, it must not take the keyboard's focus either (axe aria-hidden-focus)
  for (const row of root.querySelectorAll<HTMLElement>('.ant-table-measure-row:not([inert])')) row.inert = true;
  for (const el of root.querySelectorAll<HTMLElement>(REGIONS)) {
    const overflows = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const marked = el.hasAttribute(MARK);
    if (overflows && !marked && !el.hasAttribute('tabindex')) {
      el.setAttribute(MARK, '');
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', regionName(el));
    } else if (!overflows && marked) {
      el.removeAttribute(MARK);
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
}

/** Starts watching the document (once, from main.tsx). */
export function watchScrollRegions(doc: Document = document): void {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update(doc);
    });
  };
  new MutationObserver(schedule).observe(doc.body, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
}
