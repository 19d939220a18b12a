import { createContext, useContext } from 'react';
import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { FILE_PURPOSES, FILE_RULES, formatBytes, type FilePurpose, type ReviewDetail } from '@ausm/domain';

const size = (n: number) => (n < 1024 ? `${n}B` : formatBytes(n));

export type ReviewFile = ReviewDetail['files'][number];

/** The files of the review on screen, by id: payloads name files by id only. */
export const ReviewFilesContext = createContext<ReadonlyMap<string, ReviewFile>>(new Map());

export function purposeLabel(purpose: string): string {
  return (FILE_PURPOSES as ReadonlyArray<string>).includes(purpose) ? FILE_RULES[purpose as FilePurpose].label : purpose;
}

const isPdf = (f: ReviewFile) => f.type === 'pdf' || f.type === 'application/pdf';

/**
 * One attachment: an image as a thumbnail, a PDF as a link; both open the file in a new tab
 * (each opening is recorded in the audit log by the server).
 */
export function ReviewFileView({ id, label, photo = false }: { id: string | null | undefined; label?: string; photo?: boolean }) {
  const files = useContext(ReviewFilesContext);
  if (!id) return <span className="ausm-review-muted">未上传</span>;
  const f = files.get(id);
  if (!f) return <span className="ausm-review-muted">附件不可用</span>;
  const name = label ?? purposeLabel(f.purpose);
  if (isPdf(f)) {
    return (
      <a href={f.url} target="_blank" rel="noopener noreferrer">
        <FilePdfOutlined aria-hidden /> {f.name}
        <span className="ausm-review-muted">（PDF，{size(f.size)}）</span>
        <span className="sr-only">，{name}，在新窗口打开</span>
      </a>
    );
  }
  return (
    <a href={f.url} target="_blank" rel="noopener noreferrer" className={`ausm-review-thumb${photo ? ' ausm-review-photo' : ''}`}>
      <img src={f.url} alt={name} loading="lazy" />
      <span>
        <PaperClipOutlined aria-hidden /> 查看原图<span className="sr-only">（{name}，在新窗口打开）</span>
      </span>
    </a>
  );
}

/** Every attachment of the review with what it is for. */
export function ReviewFileList({ files }: { files: ReadonlyArray<ReviewFile> }) {
  if (files.length === 0) return <span className="ausm-review-muted">无附件</span>;
  return (
    <ul className="ausm-review-files">
      {files.map((f) => (
        <li key={f.id}>
          <span className="ausm-review-file-purpose">{purposeLabel(f.purpose)}</span>
          <ReviewFileView id={f.id} />
        </li>
      ))}
    </ul>
  );
}
