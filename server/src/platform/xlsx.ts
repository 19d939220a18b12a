import { crc32 } from 'node:zlib';

/*
 * A streamed .xlsx of one sheet of text cells, with no dependency: an Office Open XML package is a zip
 * of a few XML parts. Entries are stored (not deflated) with data descriptors, so the sheet is written
 * row by row as the rows are read and nothing holds the whole file; the central directory at the end
 * carries each entry's CRC-32 and sizes. Excel, WPS and LibreOffice open it.
 */

const enc = new TextEncoder();

/** Text for an XML text node or attribute; characters XML 1.0 forbids are dropped. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function row(cells: ReadonlyArray<string>, index: number): string {
  return `<row r="${index}">${cells.map((c) => `<c t="inlineStr"><is><t xml:space="preserve">${xmlText(c)}</t></is></c>`).join('')}</row>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const workbook = (sheetName: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<sheets><sheet name="${xmlText(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

interface Entry {
  name: Uint8Array;
  offset: number;
  crc: number;
  size: number;
}

/** The zip writer: local header, data, data descriptor per entry; the central directory at the end. */
class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private current: Entry | undefined;

  private out(b: Uint8Array): Buffer {
    this.offset += b.length;
    return Buffer.from(b.buffer, b.byteOffset, b.length);
  }

  begin(name: string): Buffer {
    const n = enc.encode(name);
    this.current = { name: n, offset: this.offset, crc: 0, size: 0 };
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed
    h.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    h.writeUInt16LE(0, 8); // stored
    h.writeUInt16LE(n.length, 26);
    return this.out(Buffer.concat([h, n]));
  }

  data(chunk: string | Uint8Array): Buffer {
    const b = typeof chunk === 'string' ? enc.encode(chunk) : chunk;
    if (!this.current) throw new Error('zip: data outside an entry');
    this.current.crc = crc32(b, this.current.crc);
    this.current.size += b.length;
    return this.out(b);
  }

  end(): Buffer {
    const e = this.current;
    if (!e) throw new Error('zip: no entry to end');
    this.entries.push(e);
    this.current = undefined;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc >>> 0, 4);
    d.writeUInt32LE(e.size, 8);
    d.writeUInt32LE(e.size, 12);
    return this.out(d);
  }

  finish(): Buffer {
    const start = this.offset;
    const central = this.entries.map((e) => {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(0, 10);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.size, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      return Buffer.concat([c, e.name]);
    });
    const dir = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(start, 16);
    return this.out(Buffer.concat([dir, end]));
  }
}

/**
 * The .xlsx bytes, chunk by chunk: the header row, then every row the source yields (read page by
 * page by the caller), so a large export never sits in memory whole.
 */
export async function* xlsxStream(sheetName: string, header: ReadonlyArray<string>, rows: AsyncIterable<ReadonlyArray<string>>): AsyncGenerator<Buffer> {
  const zip = new ZipWriter();
  for (const [name, body] of [['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', ROOT_RELS], ['xl/workbook.xml', workbook(sheetName)], ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS]] as const) {
    yield zip.begin(name);
    yield zip.data(body);
    yield zip.end();
  }
  yield zip.begin('xl/worksheets/sheet1.xml');
  yield zip.data('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  yield zip.data(row(header, 1));
  let n = 1;
  for await (const r of rows) yield zip.data(row(r, ++n));
  yield zip.data('</sheetData></worksheet>');
  yield zip.end();
  yield zip.finish();
}
