import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { COLLECTION_STATUS_LABELS, COLLECTION_STEP_LABELS, beijingDate, type CollectionState, type RealnameStatus } from '@ausm/domain';
import { api } from '../../lib/api';
import { COLLECTION_KEY, REALNAME_KEY } from '../../lib/query-keys';

interface Item {
  key: string;
  title: string;
  status: string;
  color: string;
  detail: string;
  next?: { to: string; label: string };
  /** a second thing to do beside it (信息变更 once the collection is approved) */
  also?: { to: string; label: string };
}

/** Status tags with text dark enough for WCAG AA on their tint (antd's preset tag colours are not). */
const TAG_STYLE: Readonly<Record<string, { color: string; background: string; borderColor: string }>> = {
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  processing: { color: '#003a8c', background: '#e6f4ff', borderColor: '#91caff' },
  warning: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  default: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
};

function realnameItem(r: RealnameStatus): Item {
  if (r.verified) return { key: 'realname', title: '实名认证', status: '已通过', color: 'success', detail: `${r.method === 'alipay' ? '支付宝认证' : '线上实名认证'}${r.verifiedAt ? `，${beijingDate(r.verifiedAt)}通过` : ''}` };
  const online = r.online;
  if (online?.status === 'pending') return { key: 'realname', title: '实名认证', status: '审核中', color: 'processing', detail: `线上实名认证已于${beijingDate(online.submittedAt)}提交，由${online.departmentName}审核` };
  if (online?.status === 'rejected') return { key: 'realname', title: '实名认证', status: '审核不通过', color: 'error', detail: `原因：${online.reason ?? '见审核意见'}`, next: { to: '/collection', label: '重新认证' } };
  return { key: 'realname', title: '实名认证', status: '未认证', color: 'default', detail: '信息采集前须完成实名认证', next: { to: '/collection', label: '去认证' } };
}

function collectionItem(c: CollectionState): Item {
  const label = COLLECTION_STATUS_LABELS[c.status];
  const review = c.review;
  switch (c.status) {
    case 'pending':
      return { key: 'collection', title: '会计人员信息采集', status: label, color: 'processing', detail: `已于${review ? beijingDate(review.submittedAt) : ''}提交，由${review?.departmentName ?? '会计管理部门'}审核，审核期间不能修改`, next: { to: '/collection', label: '查看' } };
    case 'approved':
      return { key: 'collection', title: '会计人员信息采集', status: label, color: 'success', detail: `${review?.departmentName ?? ''}${review?.decidedAt ? `于${beijingDate(review.decidedAt)}` : ''}审核通过；信息有变化的，请办理信息变更`, next: { to: '/collection', label: '查看' }, also: { to: '/changes', label: '信息变更' } };
    case 'returned':
    case 'rejected':
      return { key: 'collection', title: '会计人员信息采集', status: label, color: c.status === 'returned' ? 'warning' : 'error', detail: `原因：${review?.reason ?? '见审核意见'}`, next: { to: '/collection', label: '修改后重新提交' } };
    default:
      return c.step === 'notice' && !c.scope
        ? { key: 'collection', title: '会计人员信息采集', status: '未开始', color: 'default', detail: '采集基本信息、教育经历和工作经历，提交会计管理部门审核', next: { to: '/collection', label: '开始采集' } }
        : { key: 'collection', title: '会计人员信息采集', status: '填写中', color: 'default', detail: `已填写到“${COLLECTION_STEP_LABELS[c.step]}”，尚未提交审核`, next: { to: '/collection', label: '继续填写' } };
  }
}

/** 我的办理进度: where a signed-in person stands in each service, and the next thing to do. */
export function MyProgress() {
  const realname = useQuery({ queryKey: REALNAME_KEY, queryFn: () => api<RealnameStatus>('GET', '/api/realname') });
  const collection = useQuery({ queryKey: COLLECTION_KEY, queryFn: () => api<CollectionState>('GET', '/api/collection') });
  const items = [realname.data && realnameItem(realname.data), collection.data && collectionItem(collection.data)].filter((x): x is Item => Boolean(x));
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>我的办理进度</h2>} loading={realname.isPending || collection.isPending} style={{ marginBottom: 24 }} data-testid="my-progress">
      <List
        dataSource={items}
        renderItem={(i) => (
          <List.Item key={i.key} actions={[i.next, i.also].flatMap((a) => (a ? [<Link key={a.to} to={a.to}>{a.label}</Link>] : []))}>
            <List.Item.Meta
              title={
                <span>
                  {i.title} <Tag style={TAG_STYLE[i.color] ?? TAG_STYLE.default}>{i.status}</Tag>
                </span>
              }
              description={<Typography.Text>{i.detail}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
