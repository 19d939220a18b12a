import { useEffect, useId, useRef, useState, type ChangeEvent, type CSSProperties, type ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { FILE_RULES, MIME_OF, checkFileFacts, type FilePurpose, type FileRule, type FileType } from '@ausm/domain';

/** What POST /api/files answers (and what GET /api/files/:id tells through its headers). */
interface UploadedFile {
  id: string;
  name: string;
  type: FileType;
  /** where to show the image from: the API route, or an object URL of the fetched bytes */
  src: string;
}

export interface FileUploadProps {
  purpose: FilePurpose;
  /** the file id; null or undefined when nothing is uploaded */
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** set by Form.Item so that its <label> names the file input */
  id?: string;
  disabled?: boolean;
  /** the field's name as the page says it (defaults to the rule's label), for alt texts and buttons */
  label?: string;
  /** said after the rule's hint, e.g. when the file is required */
  note?: ReactNode;
  /** the page shows the rule itself (e.g. beside the photo) */
  hideHint?: boolean;
  /** where the file goes (default /api/files: the accountant's own); staff upload into a person's archive */
  uploadUrl?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
}

const srOnly: CSSProperties = { position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0,0,0,0)', whiteSpace: 'nowrap', border: 0 };

const TYPE_BY_MIME: Readonly<Record<string, FileType>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };
const TYPE_BY_EXT: Readonly<Record<string, FileType>> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', pdf: 'pdf' };

function guessType(file: File): FileType | undefined {
  return TYPE_BY_MIME[file.type] ?? TYPE_BY_EXT[file.name.split('.').pop()?.toLowerCase() ?? ''];
}

function imageSize(file: File): Promise<{ width: number; height: number } | undefined> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      resolve({ width: img.naturalWidth, height: img.naturalHeight });
      URL.revokeObjectURL(url);
    };
    img.onerror = () => {
      resolve(undefined);
      URL.revokeObjectURL(url);
    };
    img.src = url;
  });
}

/**
 * The same rule the server applies, on what the browser can tell (type from the name and MIME, size,
 * pixels). Anything it cannot tell is left to the server, which decides by the file's content.
 */
async function checkBeforeUpload(rule: FileRule, file: File): Promise<string | undefined> {
  const type = guessType(file);
  if (type && !rule.types.includes(type)) return checkFileFacts(rule, { type, bytes: file.size });
  const assumed = type ?? rule.types[0];
  let dim: { width: number; height: number } | undefined;
  if (assumed !== 'pdf' && (rule.minWidth || rule.minHeight)) dim = await imageSize(file);
  return checkFileFacts(rule, {
    type: assumed,
    bytes: file.size,
    width: dim?.width ?? rule.minWidth,
    height: dim?.height ?? rule.minHeight,
  });
}

function nameFromDisposition(header: string | null): string | undefined {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return undefined;
    }
  }
  return header?.match(/filename="([^"]+)"/i)?.[1];
}

function errorMessageOf(body: unknown, fallback: string): string {
  const b = (body ?? {}) as { message?: string; fields?: Array<{ message?: string }> };
  return b.fields?.[0]?.message ?? b.message ?? fallback;
}

/**
 * 附件上传 for antd Forms: value is the uploaded file's id. Shows the rule's hint, checks what it can
 * before sending, shows the server's Chinese message when the server refuses the file, a thumbnail
 * for images and the name for PDFs, and 重新上传 / 删除. The real file input carries the Form.Item's
 * id, so the visible label names it and the keyboard reaches it (Enter or Space opens the picker).
 */
export function FileUpload(props: FileUploadProps) {
  const { purpose, value, onChange, id, disabled, note, hideHint, uploadUrl = '/api/files' } = props;
  const rule = FILE_RULES[purpose];
  const label = props.label ?? rule.label;
  const inputRef = useRef<HTMLInputElement>(null);
  const autoId = useId();
  const inputId = id ?? `upload-${autoId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  const [focused, setFocused] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);

  // a value set from outside (a saved draft): learn its name and type from the file route
  useEffect(() => {
    if (!value || file?.id === value) return;
    let objectUrl: string | undefined;
    let cancelled = false;
    setLoadFailed(false);
    fetch(`/api/files/${encodeURIComponent(value)}`, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        const type = TYPE_BY_MIME[blob.type] ?? 'jpg';
        setFile({ id: value, name: nameFromDisposition(res.headers.get('content-disposition')) ?? `已上传的${label}`, type, src: objectUrl });
      })
      .catch(() => {
        if (!cancelled) setLoadFailed(true);
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
    // file is left out on purpose: only a new value should trigger a look-up
  }, [value, label]);

  const shown = value && file?.id === value ? file : null;

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    e.target.value = '';
    if (!picked) return;
    setError(undefined);
    const problem = await checkBeforeUpload(rule, picked);
    if (problem) {
      setError(problem);
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.append('file', picked);
      const res = await fetch(`${uploadUrl}?purpose=${encodeURIComponent(purpose)}`, { method: 'POST', body, credentials: 'same-origin' });
      const text = await res.text();
      let data: unknown;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = undefined;
      }
      if (!res.ok) {
        setError(res.status === 401 ? '登录已失效，请重新登录后上传' : errorMessageOf(data, `${label}上传失败，请稍后重试`));
        return;
      }
      const saved = data as { id: string; name: string; type: FileType };
      setFile({ id: saved.id, name: saved.name, type: saved.type, src: `/api/files/${encodeURIComponent(saved.id)}` });
      onChange?.(saved.id);
    } catch {
      setError('网络连接失败，请检查网络后重试');
    } finally {
      setUploading(false);
    }
  };

  const remove = () => {
    setFile(null);
    setError(undefined);
    onChange?.(null);
    inputRef.current?.focus();
  };

  const accept = rule.types.map((t) => `.${t === 'jpg' ? 'jpg,.jpeg' : t},${MIME_OF[t]}`).join(',');
  const describedBy = [props['aria-describedby'], hideHint ? undefined : hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={accept}
        style={srOnly}
        disabled={disabled || uploading}
        onChange={onPick}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : props['aria-invalid']}
        aria-required={props['aria-required']}
        data-testid={`upload-${purpose}`}
      />
      {shown && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          {shown.type === 'pdf' ? (
            <Typography.Link href={shown.src} target="_blank" rel="noopener noreferrer">
              <FilePdfOutlined aria-hidden="true" /> {shown.name}
            </Typography.Link>
          ) : (
            <a href={shown.src} target="_blank" rel="noopener noreferrer" title={`查看${label}原图`}>
              <img
                src={shown.src}
                alt={`已上传的${label}：${shown.name}`}
                style={{ maxWidth: 120, maxHeight: 160, objectFit: 'contain', border: '1px solid #d9d9d9', borderRadius: 4, background: '#fafafa', display: 'block' }}
              />
            </a>
          )}
          {shown.type !== 'pdf' && <Typography.Text type="secondary">{shown.name}</Typography.Text>}
        </div>
      )}
      {value && !shown && (
        <Typography.Text type={loadFailed ? 'danger' : 'secondary'}>{loadFailed ? `已上传的${label}无法加载，请重新上传` : `正在加载已上传的${label}…`}</Typography.Text>
      )}
      <Space wrap>
        {/* the focusable control is the file input above; this button only mirrors it for the mouse */}
        <Button
          icon={<UploadOutlined />}
          tabIndex={-1}
          aria-hidden="true"
          loading={uploading}
          disabled={disabled}
          onClick={() => inputRef.current?.click()}
          style={focused ? { outline: '2px solid #0958d9', outlineOffset: 2 } : undefined}
        >
          {uploading ? '上传中' : value ? '重新上传' : '选择文件'}
        </Button>
        {value && !disabled && (
          <Button icon={<DeleteOutlined />} danger onClick={remove}>
            删除<span className="sr-only">{label}</span>
          </Button>
        )}
      </Space>
      {!hideHint && (
        <Typography.Text type="secondary" id={hintId} style={{ fontSize: 13 }}>
          {rule.hint}
          {note ? <>；{note}</> : null}
        </Typography.Text>
      )}
      {hideHint && note && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {note}
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" id={errorId} role="alert">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
