import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Input, Modal, Typography, type InputRef } from 'antd';
import { codePointLabel, searchRareChars, type RareChar } from '@ausm/domain';

/**
 * Fonts that carry CJK Extension A/B+ glyphs on common systems, before the platform's default, so
 * that a picked 𠈌 shows as a character rather than a box where such a font exists.
 */
const RARE_FONT =
  "'Noto Serif CJK SC', 'Noto Sans CJK SC', 'Source Han Serif SC', 'SimSun-ExtB', 'SimSun-ExtG', 'MingLiU-ExtB', 'HanaMinB', 'PMingLiU-ExtB', 'AUSM Rare', serif";

/**
 * Inserts `char` at the caret of `input` (replacing a selection), in the field value `current`.
 * Positions are UTF-16 offsets as the DOM uses them; a caret that would split a surrogate pair is
 * moved past the pair, so characters outside the BMP stay whole. Without an input or caret the
 * character is appended. Returns the new value and the caret position just after the character.
 */
export function insertAtCursor(input: HTMLInputElement | null, current: string, char: string): { value: string; caret: number } {
  const clamp = (n: number | null | undefined, fallback: number) =>
    n === null || n === undefined || Number.isNaN(n) ? fallback : Math.min(Math.max(n, 0), current.length);
  let start = clamp(input?.selectionStart, current.length);
  let end = clamp(input?.selectionEnd, start);
  if (end < start) [start, end] = [end, start];
  start = outsidePair(current, start);
  end = outsidePair(current, end);
  const value = current.slice(0, start) + char + current.slice(end);
  return { value, caret: start + char.length };
}

/** Moves an offset that falls between a high and a low surrogate to just after the pair. */
function outsidePair(s: string, offset: number): number {
  const before = s.charCodeAt(offset - 1);
  const after = s.charCodeAt(offset);
  const splits = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splits ? offset + 1 : offset;
}

/** Number of columns the grid lays out, read from the rendered buttons' positions. */
function columnsOf(buttons: HTMLButtonElement[]): number {
  const top = buttons[0]?.offsetTop;
  const n = buttons.findIndex((b) => b.offsetTop !== top);
  return n > 0 ? n : Math.max(buttons.length, 1);
}

/**
 * 生僻字: a button that opens a picker of rare name characters. Search by pinyin (kun), by code point
 * (U+2020C) or by pasting the character; any CJK ideograph can be reached by its code point. Arrow
 * keys move through the results, Enter or a click picks one, and the picker closes.
 */
export function RareCharPicker({ onPick }: { onPick: (char: string) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const inputRef = useRef<InputRef>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const hintId = useId();
  const statusId = useId();

  const results = useMemo(() => searchRareChars(query), [query]);

  const close = () => {
    setOpen(false);
    setQuery('');
  };

  const pick = (c: RareChar) => {
    onPick(c.char);
    close();
  };

  const buttons = () => [...(gridRef.current?.querySelectorAll<HTMLButtonElement>('button[data-rare-char]') ?? [])];

  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && results.length > 1)) {
      e.preventDefault();
      buttons()[0]?.focus();
    } else if (e.key === 'Enter' && results.length === 1 && results[0]) {
      e.preventDefault();
      pick(results[0]);
    }
  };

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = buttons();
    const i = all.findIndex((b) => b === document.activeElement);
    if (i < 0) return;
    const cols = columnsOf(all);
    const moves: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowLeft: i - 1,
      ArrowDown: i + cols,
      ArrowUp: i - cols,
      Home: 0,
      End: all.length - 1,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && next < 0) {
      inputRef.current?.focus();
      return;
    }
    all[Math.min(Math.max(next, 0), all.length - 1)]?.focus();
  };

  const status = results.length
    ? query.trim()
      ? `找到${results.length}个字`
      : '常用生僻字'
    : '没有找到。可以换个拼音，或输入字的 Unicode 编码，如 U+2020C';

  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog">
        生僻字
      </Button>
      <Modal
        title="选择生僻字"
        open={open}
        onCancel={close}
        footer={null}
        width={640}
        destroyOnHidden
      >
        <label htmlFor={inputId} style={{ display: 'block', marginBottom: 8 }}>
          输入拼音或编码查询
        </label>
        <Input
          id={inputId}
          ref={inputRef}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onInputKeyDown}
          placeholder="例如 kun 或 U+2020C"
          allowClear
          autoComplete="off"
          autoFocus
          aria-describedby={`${hintId} ${statusId}`}
        />
        <Typography.Paragraph type="secondary" id={hintId} style={{ margin: '8px 0' }}>
          拼音不用输入声调（ü 可输入 v）；也可直接粘贴该字，或输入 Unicode 编码（如 U+2020C、2020C）查找任意汉字。
        </Typography.Paragraph>
        <div id={statusId} role="status" aria-live="polite" style={{ marginBottom: 8 }}>
          {status}
        </div>
        <div
          ref={gridRef}
          role="group"
          aria-label="查询结果"
          onKeyDown={onGridKeyDown}
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(64px, 1fr))',
            gap: 8,
            maxHeight: 360,
            overflowY: 'auto',
            padding: 2,
          }}
        >
          {results.map((c) => {
            const code = codePointLabel(c.codePoint);
            return (
              <Button
                key={c.codePoint}
                data-rare-char={c.char}
                aria-label={`${c.char} ${code}`}
                title={[c.pinyin.join(' '), code].filter(Boolean).join(' ')}
                onClick={() => pick(c)}
                style={{ height: 'auto', padding: '4px 0', display: 'flex', flexDirection: 'column', gap: 0 }}
              >
                <span style={{ fontSize: 24, lineHeight: '32px', fontFamily: RARE_FONT }}>{c.char}</span>
                <span style={{ fontSize: 11, color: '#595959' }}>{c.pinyin[0] ?? code}</span>
              </Button>
            );
          })}
        </div>
      </Modal>
    </>
  );
}
