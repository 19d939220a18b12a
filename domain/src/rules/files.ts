/**
 * Upload rules per context (RULES.md §9). Types are checked from the file's bytes, never its name.
 * Size bounds are per-context settings: collection photos have a minimum, exam photos a maximum.
 */
export type FileType = 'jpg' | 'png' | 'pdf';

export interface FileRule {
  label: string;
  types: ReadonlyArray<FileType>;
  minBytes?: number;
  maxBytes: number;
  minWidth?: number;
  minHeight?: number;
  /** at most this many pixels (width × height): a small file can declare a huge image (a decompression bomb) */
  maxPixels: number;
  /** what the page says beside the upload */
  hint: string;
}

const KB = 1024;
const MB = 1024 * KB;
/** 25 million pixels: more than any phone camera's default picture, far below a decompression bomb */
const MAX_PIXELS = 25_000_000;
/** a document photographed whole and legible: at least 400×250 (an ID card is 85.6 × 54 mm) */
const ID_IMAGE = { minWidth: 400, minHeight: 250, maxPixels: MAX_PIXELS } as const;

export const FILE_PURPOSES = [
  'collection_photo',
  'identity_proof',
  'realname_front',
  'realname_back',
  'realname_handheld',
  'education_proof',
  'work_proof',
  'title_proof',
  'transfer_proof',
  'honor_proof',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const FILE_RULES: Readonly<Record<FilePurpose, FileRule>> = {
  collection_photo: {
    label: '证件照片',
    types: ['jpg', 'png'],
    minBytes: 10 * KB,
    maxBytes: 2 * MB,
    minWidth: 295,
    minHeight: 413,
    maxPixels: MAX_PIXELS,
    hint: '请上传清晰、完整、近期的标准证件照片，jpg或png格式，不小于10KB，像素不低于295×413',
  },
  identity_proof: { label: '身份证或居住证', types: ['jpg', 'png', 'pdf'], maxBytes: 2 * MB, maxPixels: MAX_PIXELS, hint: '暂未工作且不属于在校学生的人员须上传身份证或居住证，jpg、png或pdf格式，不超过2MB' },
  realname_front: { ...ID_IMAGE, label: '证件人像面', types: ['jpg', 'png'], maxBytes: 2 * MB, hint: 'jpg或png格式，不超过2MB，像素不低于400×250，四角完整、字迹清晰' },
  realname_back: { ...ID_IMAGE, label: '证件非人像面', types: ['jpg', 'png'], maxBytes: 2 * MB, hint: 'jpg或png格式，不超过2MB，像素不低于400×250，四角完整、字迹清晰' },
  realname_handheld: { ...ID_IMAGE, label: '手持证件人像面', types: ['jpg', 'png'], maxBytes: 2 * MB, hint: '本人手持证件人像面拍摄，面部和证件信息清晰可见，jpg或png格式，不超过2MB，像素不低于400×250' },
  education_proof: { maxPixels: MAX_PIXELS, label: '学历学位证明', types: ['jpg', 'png', 'pdf'], maxBytes: 2 * MB, hint: 'jpg、png或pdf格式，不超过2MB' },
  work_proof: { maxPixels: MAX_PIXELS, label: '工作证明', types: ['jpg', 'png', 'pdf'], maxBytes: 2 * MB, hint: 'jpg、png或pdf格式，不超过2MB' },
  // RULES.md §9: title / appointment proofs are one image of 20 KB – 500 KB
  title_proof: { maxPixels: MAX_PIXELS, label: '会计专业职务聘任文件', types: ['jpg', 'png'], minBytes: 20 * KB, maxBytes: 500 * KB, hint: 'jpg或png格式，20KB至500KB' },
  // guide §5.1 and RULES.md §9: one image (several proofs merged into it), smaller than 200 KB
  honor_proof: { maxPixels: MAX_PIXELS, label: '奖惩文件', types: ['jpg', 'png', 'pdf'], maxBytes: 2 * MB, hint: '表彰决定、处罚决定书等文件，jpg、png或pdf格式，不超过2MB' },
  transfer_proof: { maxPixels: MAX_PIXELS, label: '调转证明材料', types: ['jpg', 'png'], maxBytes: 200 * KB - 1, hint: '证明文件为大图扫描件，小于200KB，附件类型为JPG、JPEG、PNG，多条证明的需合并到一张图片中' },
};

export const MIME_OF: Readonly<Record<FileType, string>> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

export function formatBytes(n: number): string {
  return n >= MB ? `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)}MB` : `${Math.round(n / KB)}KB`;
}

/** Checks what the server learnt from the bytes; returns a Chinese message naming the rule, or undefined. */
export function checkFileFacts(
  rule: FileRule,
  facts: { type: FileType | undefined; bytes: number; width?: number; height?: number },
): string | undefined {
  const allowed = rule.types.map((t) => t.toUpperCase()).join('、');
  if (!facts.type || !rule.types.includes(facts.type)) return `${rule.label}只能上传${allowed}格式的文件（按文件内容识别）`;
  if (facts.bytes > rule.maxBytes) return `${rule.label}不能超过${formatBytes(rule.maxBytes)}`;
  if (rule.minBytes && facts.bytes < rule.minBytes) return `${rule.label}不能小于${formatBytes(rule.minBytes)}`;
  if (facts.type !== 'pdf' && (rule.minWidth || rule.minHeight)) {
    const w = facts.width ?? 0;
    const h = facts.height ?? 0;
    if (w < (rule.minWidth ?? 0) || h < (rule.minHeight ?? 0)) {
      return `${rule.label}像素不能低于${rule.minWidth}×${rule.minHeight}（当前${w}×${h}）`;
    }
  }
  if (facts.type !== 'pdf' && (facts.width ?? 0) * (facts.height ?? 0) > rule.maxPixels) {
    return `${rule.label}像素过大（当前${facts.width}×${facts.height}），请缩小到${rule.maxPixels / 10_000}万像素以内后重新上传`;
  }
  return undefined;
}
