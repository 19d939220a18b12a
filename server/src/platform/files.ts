import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { FILE_RULES, MIME_OF, checkFileFacts, type FilePurpose, type FileType } from '@ausm/domain';
import type { Db } from '../db/index';
import type { FileRow } from '../db/types';
import type { Clock } from './clock';
import type { FieldCrypto } from './crypto';
import { AppError } from './errors';

const DETECTED: Record<string, FileType> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

export interface FileSummary {
  id: string;
  purpose: string;
  name: string;
  type: FileType;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: string;
}

export function toFileSummary(f: FileRow): FileSummary {
  return { id: f.id, purpose: f.purpose, name: f.original_name, type: f.type, size: f.size, width: f.width, height: f.height, createdAt: f.created_at };
}

/**
 * Uploaded files: checked by content (magic bytes and, for images, the real pixel size), stored
 * outside the web root under random names, and served only through authorised routes.
 */
export class FileService {
  private readonly root: string;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    dataDir: string,
    private readonly fieldCrypto: FieldCrypto,
  ) {
    this.root = path.join(dataDir, 'uploads');
  }

  async store(accountId: string, purpose: FilePurpose, originalName: string, bytes: Buffer): Promise<FileRow> {
    const rule = FILE_RULES[purpose];
    const detected = await fileTypeFromBuffer(bytes);
    const type = detected ? DETECTED[detected.mime] : undefined;
    let width: number | undefined;
    let height: number | undefined;
    if (type === 'jpg' || type === 'png') {
      try {
        const dim = imageSize(bytes);
        width = dim.width;
        height = dim.height;
      } catch {
        throw AppError.validation([{ path: 'file', message: `${rule.label}图片已损坏，无法识别` }]);
      }
    }
    const problem = checkFileFacts(rule, { type, bytes: bytes.length, width, height });
    if (problem) {
      const tooLarge = type !== undefined && bytes.length > rule.maxBytes;
      throw tooLarge
        ? new AppError('PAYLOAD_TOO_LARGE', problem, [{ path: 'file', message: problem }])
        : type && rule.types.includes(type)
          ? AppError.validation([{ path: 'file', message: problem }])
          : new AppError('UNSUPPORTED_FILE', problem, [{ path: 'file', message: problem }]);
    }
    if (!type) throw new AppError('UNSUPPORTED_FILE', '无法识别的文件类型');
    const id = crypto.randomUUID();
    const storageKey = crypto.randomBytes(20).toString('hex');
    const file = this.pathOf(storageKey);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // ID images and every other upload: SM4 at rest, like the numbers they show
    await fs.writeFile(file, this.fieldCrypto.encryptBytes(bytes), { mode: 0o600 });
    const row: FileRow = {
      id,
      account_id: accountId,
      purpose,
      type,
      mime: MIME_OF[type],
      size: bytes.length,
      width: width ?? null,
      height: height ?? null,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      storage_key: storageKey,
      original_name: sanitizeName(originalName, type),
      created_at: this.clock.now().toISOString(),
      encrypted: 1,
    };
    try {
      await this.db.insertInto('files').values(row).execute();
    } catch (err) {
      await fs.rm(file, { force: true });
      throw err;
    }
    return row;
  }

  private pathOf(storageKey: string): string {
    return path.join(this.root, storageKey.slice(0, 2), storageKey);
  }

  async find(id: string): Promise<FileRow | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    return this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async read(f: FileRow): Promise<Buffer> {
    const stored = await fs.readFile(this.pathOf(f.storage_key));
    return f.encrypted ? this.fieldCrypto.decryptBytes(stored) : stored;
  }

  /** Removes a file's stored bytes (the retention job, once its row is gone); a missing file is fine. */
  async removeContent(storageKey: string): Promise<void> {
    await fs.rm(this.pathOf(storageKey), { force: true });
  }

  /**
   * The data step of migration 0010, run at start-up (it needs the key, which migrations do not
   * hold): every file stored in plain bytes is written again encrypted under a new name, the row is
   * switched over only if it is still plain (several instances may start together), and the plain
   * copy is removed. Returns how many it converted.
   */
  async encryptStoredPlainFiles(): Promise<number> {
    // read through the partial index files_plain (migration 0010): at every start, and empty once converted
    const plain = await this.db.selectFrom('files').selectAll().where('encrypted', '=', 0).execute();
    let converted = 0;
    for (const f of plain) {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(this.pathOf(f.storage_key));
      } catch {
        continue; // a file gone from disk stays as it is: reading it answers 404 as before
      }
      const storageKey = crypto.randomBytes(20).toString('hex');
      const file = this.pathOf(storageKey);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, this.fieldCrypto.encryptBytes(bytes), { mode: 0o600 });
      const r = await this.db.updateTable('files').set({ storage_key: storageKey, encrypted: 1 }).where('id', '=', f.id).where('encrypted', '=', 0).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) {
        await fs.rm(this.pathOf(f.storage_key), { force: true });
        converted++;
      } else await fs.rm(file, { force: true });
    }
    return converted;
  }

  /**
   * A file id a person puts into a form must be their own upload for that purpose; returns it
   * normalised (null for none). `field` is the form path for the error message.
   */
  async assertOwned(accountId: string, id: string | null | undefined, purposes: FilePurpose[], field: string): Promise<string | null> {
    if (!id) return null;
    const f = await this.find(id);
    if (!f || f.account_id !== accountId) throw AppError.validation([{ path: field, message: '附件不存在，请重新上传' }]);
    if (!purposes.includes(f.purpose as FilePurpose)) throw AppError.validation([{ path: field, message: '附件用途不符，请重新上传' }]);
    return f.id;
  }
}

function sanitizeName(name: string, type: FileType): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = name.replace(/[\\/\u0000-\u001f"<>|:*?]/g, '_').slice(0, 100) || 'file';
  return /\.[a-z0-9]{2,4}$/i.test(base) ? base : `${base}.${type}`;
}
