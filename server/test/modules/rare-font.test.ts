import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { RARE_CHARS } from '@ausm/domain';

/**
 * The 生僻字 fallback font (web/public/fonts, scripts/gen-rare-font.mjs) has a glyph for every
 * character the picker offers, and its @font-face rules name exactly the characters each file has —
 * read from the font files themselves, not from the generator's word.
 */
const FONTS = path.resolve(import.meta.dirname, '../../../web/public/fonts');
const CSS = fs.readFileSync(path.resolve(import.meta.dirname, '../../../web/src/app/rare-font.css'), 'utf8');

describe('the 生僻字 fallback font', () => {
  const files = fs.readdirSync(FONTS).filter((f) => f.endsWith('.woff2'));
  const fonts = files.map((f) => ({ file: f, font: fontkit.create(fs.readFileSync(path.join(FONTS, f))) as fontkit.Font }));

  it('has a glyph for every character of the picker, and for 𠇔 𡒄 𪨶', () => {
    const missing = [...RARE_CHARS.map((c) => c.char), '𠇔', '𡒄', '𪨶'].filter((ch) => !fonts.some(({ font }) => font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0) && font.glyphForCodePoint(ch.codePointAt(0) ?? 0).path.commands.length > 0));
    expect(missing).toEqual([]);
    expect(files.reduce((n, f) => n + fs.statSync(path.join(FONTS, f)).size, 0)).toBeLessThan(400 * 1024);
  });

  it('declares for each file the code points it holds, so a page downloads it only when it shows one', () => {
    for (const { file, font } of fonts) {
      const rule = CSS.split('\n').find((l) => l.includes(file)) ?? '';
      const ranges = [...rule.matchAll(/U\+([0-9A-F]+)/g)].map((m) => parseInt(m[1] ?? '', 16));
      expect(ranges.length, file).toBeGreaterThan(0);
      expect(ranges.filter((cp) => !font.hasGlyphForCodePoint(cp)), file).toEqual([]);
      expect(rule).toContain('font-family: "AUSM Rare"');
    }
  });
});
