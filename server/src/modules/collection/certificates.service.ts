import crypto from 'node:crypto';
import {
  CERTIFICATE_CSV_COLUMNS,
  CERTIFICATE_LEVELS,
  CERTIFICATE_LIBRARY_FIRST_YEAR,
  checkMainlandId,
  checkPersonName,
  normaliseNumber,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { shanghaiDate } from '../../platform/clock';

export interface CsvRecord {
  /** line of the file where the record starts (1 = header) */
  line: number;
  cells: string[];
}

/** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks; a UTF-8 BOM is ignored. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records.push({ line: start, cells: [...cells, cell] });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) records.push({ line: start, cells: [...cells, cell] });
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

export interface ImportResult {
  imported: number;
  skipped: number;
  errors: Array<{ line: number; message: string }>;
}

interface CertificateInput {
  certNo: string;
  name: string;
  idNumber: string;
  level: string;
  year: number;
  issuer: string;
}

const MAX_ROWS = 50_000;

/**
 * 全国会计资格职称库: the platform's own table of qualification certificates (from 2001 on), filled
 * by CSV import. Import is all-or-nothing: one bad row imports nothing. A certificate number that is
 * already in the library is skipped and counted, so the same file can be imported twice safely.
 */
export class CertificateLibrary {
  constructor(private readonly ctx: AppContext) {}

  private checkRow(cells: string[], thisYear: number, today: string): CertificateInput | string {
    if (cells.length !== CERTIFICATE_CSV_COLUMNS.length) return `应有${CERTIFICATE_CSV_COLUMNS.length}列，实际为${cells.length}列`;
    const [certNoRaw, nameRaw, idRaw, levelRaw, yearRaw, issuerRaw] = cells.map((c) => c.trim()) as [string, string, string, string, string, string];
    const certNo = certNoRaw.toUpperCase();
    if (!/^[0-9A-Z-]{4,40}$/.test(certNo)) return '证书编号应为4至40位字母、数字或“-”';
    const name = checkPersonName(nameRaw, 'mainland_id');
    if (!name.ok) return `姓名：${name.message}`;
    const id = checkMainlandId(idRaw, today);
    if (!id.ok) return `证件号码：${id.message}`;
    if (!(CERTIFICATE_LEVELS as ReadonlyArray<string>).includes(levelRaw)) return `级别应为${CERTIFICATE_LEVELS.join('、')}之一`;
    const year = Number(yearRaw);
    if (!/^\d{4}$/.test(yearRaw) || year < CERTIFICATE_LIBRARY_FIRST_YEAR || year > thisYear) return `取得年份应在${CERTIFICATE_LIBRARY_FIRST_YEAR}至${thisYear}之间`;
    if (!issuerRaw || [...issuerRaw].length > 100) return '发证机关不能为空，且不超过100个字';
    return { certNo, name: name.value, idNumber: id.value, level: levelRaw, year, issuer: issuerRaw };
  }

  async import(csv: string, staffId: string, ip: string): Promise<ImportResult> {
    const { db, clock, fieldCrypto, audit } = this.ctx;
    const today = shanghaiDate(clock.now());
    const thisYear = Number(today.slice(0, 4));
    const records = parseCsv(csv);
    const [header, ...rows] = records;
    const errors: ImportResult['errors'] = [];
    if (!header || header.cells.map((c) => c.trim()).join(',') !== CERTIFICATE_CSV_COLUMNS.join(',')) {
      errors.push({ line: header?.line ?? 1, message: `表头应为：${CERTIFICATE_CSV_COLUMNS.join(',')}` });
    } else if (rows.length === 0) {
      errors.push({ line: 2, message: '没有可导入的证书数据' });
    } else if (rows.length > MAX_ROWS) {
      errors.push({ line: 1, message: `一次最多导入${MAX_ROWS}条，请分批导入` });
    }
    const valid: CertificateInput[] = [];
    const seen = new Map<string, number>();
    if (errors.length === 0) {
      for (const r of rows) {
        const checked = this.checkRow(r.cells, thisYear, today);
        if (typeof checked === 'string') {
          errors.push({ line: r.line, message: checked });
          continue;
        }
        const first = seen.get(checked.certNo);
        if (first !== undefined) errors.push({ line: r.line, message: `证书编号与第${first}行重复` });
        else {
          seen.set(checked.certNo, r.line);
          valid.push(checked);
        }
      }
    }
    if (errors.length > 0) return { imported: 0, skipped: 0, errors };

    const now = clock.now().toISOString();
    const imported = await db.transaction().execute(async (trx) => {
      let n = 0;
      for (let i = 0; i < valid.length; i += 200) {
        const chunk = valid.slice(i, i + 200);
        const r = await trx
          .insertInto('certificates')
          .values(
            chunk.map((c) => ({
              id: crypto.randomUUID(),
              cert_no: c.certNo,
              name: c.name,
              id_number_index: fieldCrypto.blindIndex('id_number', c.idNumber),
              level: c.level,
              year: c.year,
              issuer: c.issuer,
              created_at: now,
            })),
          )
          // already in the library: skipped (and counted) rather than failing the whole file
          .onConflict((oc) => oc.column('cert_no').doNothing())
          .executeTakeFirst();
        n += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      await audit.record(trx, { actorKind: 'staff', actorId: staffId, action: 'certificates.import', targetKind: 'certificates', ip, detail: { rows: valid.length, imported: n } });
      return n;
    });
    return { imported, skipped: valid.length - imported, errors: [] };
  }

  /** By certificate number, by full ID number (through its blind index), or by part of a name. */
  async search(q: string | undefined, limit: number) {
    const { db, fieldCrypto } = this.ctx;
    let query = db.selectFrom('certificates').selectAll();
    const text = q?.trim() ?? '';
    if (/^\d{17}[\dX]$/.test(normaliseNumber(text))) {
      query = query.where('id_number_index', '=', fieldCrypto.blindIndex('id_number', normaliseNumber(text)));
    } else if (text) {
      const like = `%${text.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) => eb.or([eb('cert_no', '=', text.toUpperCase()), eb('name', 'like', like)]));
    }
    const rows = await query.orderBy('year', 'desc').orderBy('cert_no').limit(limit).execute();
    return rows.map((c) => ({ id: c.id, certNo: c.cert_no, name: c.name, level: c.level, year: c.year, issuer: c.issuer, createdAt: c.created_at }));
  }
}
