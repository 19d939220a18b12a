import { useContext } from 'react';
import { Card, Descriptions } from 'antd';
import { FILE_RULES, regionName, type FilePurpose } from '@ausm/domain';
import { ReviewFilesContext } from '../../components/review-files';
import type { ReviewBodyProps } from '../../components/review-presenters';

/** What 线上实名认证 by upload stores for the reviewer (server/src/modules/realname). */
interface RealnamePayload {
  frontFileId?: string;
  backFileId?: string;
  handheldFileId?: string;
  provinceCode?: string;
  cityCode?: string;
}

const IMAGES: ReadonlyArray<{ key: keyof RealnamePayload; purpose: FilePurpose }> = [
  { key: 'frontFileId', purpose: 'realname_front' },
  { key: 'backFileId', purpose: 'realname_back' },
  { key: 'handheldFileId', purpose: 'realname_handheld' },
];

function place(p: RealnamePayload): string {
  const province = p.provinceCode ? (regionName(p.provinceCode) ?? p.provinceCode) : '';
  const city = p.cityCode ? (regionName(p.cityCode) ?? p.cityCode) : '';
  // a municipality's city row carries the province's name (北京市 北京市): say it once
  return [province, city === province ? '' : city].filter(Boolean).join(' ') || '未填写';
}

/** 线上实名认证: the three photos side by side, to compare with the applicant's registered identity. */
export default function RealnameReview({ detail }: ReviewBodyProps) {
  const p = (detail.payload ?? {}) as RealnamePayload;
  const files = useContext(ReviewFilesContext);
  return (
    <Card className="ausm-review-section" title={<h2>实名认证材料</h2>}>
      <Descriptions size="small" column={1} items={[{ key: 'place', label: '所在省市', children: place(p) }]} style={{ marginBottom: 16 }} />
      <div className="ausm-review-images">
        {IMAGES.map(({ key, purpose }) => {
          const label = FILE_RULES[purpose].label;
          const id = p[key];
          const f = id ? files.get(id) : undefined;
          return (
            <figure key={key} className="ausm-review-figure">
              <figcaption>{label}</figcaption>
              {f ? (
                <a href={f.url} target="_blank" rel="noopener noreferrer">
                  <img src={f.url} alt={label} />
                  <span className="sr-only">（在新窗口打开）</span>
                </a>
              ) : (
                <span className="ausm-review-muted">未上传</span>
              )}
            </figure>
          );
        })}
      </div>
    </Card>
  );
}
