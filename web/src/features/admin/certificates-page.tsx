import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CERTIFICATE_CSV_COLUMNS, CERTIFICATE_LIBRARY_FIRST_YEAR } from '@ausm/domain';
import { api } from '../../lib/api';
import { formatBeijingTime, usePageTitle } from './admin-session';

interface CertificateRow {
  id: string;
  certNo: string;
  name: string;
  level: string;
  year: number;
  issuer: string;
  createdAt: string;
}
interface ImportResult {
  imported: number;
  skipped: number;
  errors: Array<{ line: number; message: string }>;
}

const columns: TableColumnsType<CertificateRow> = [
  { title: '证书编号', dataIndex: 'certNo' },
  { title: '姓名', dataIndex: 'name' },
  { title: '级别', dataIndex: 'level' },
  { title: '取得年份', dataIndex: 'year' },
  { title: '发证机关', dataIndex: 'issuer' },
  { title: '导入时间', dataIndex: 'createdAt', render: (v: string) => formatBeijingTime(v) },
];

/**
 * 全国会计资格职称库: the certificates 信息采集 checks for the qualification-holder scope. A system
 * administrator searches it and imports CSV files; a file with one bad row imports nothing.
 */
export default function CertificatesPage() {
  usePageTitle('全国会计资格职称库');
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: ImportResult['errors'] }>();
  const [busy, setBusy] = useState(false);
  const list = useQuery({
    queryKey: ['admin', 'certificates', q],
    queryFn: () => api<{ items: CertificateRow[] }>('GET', `/api/admin/certificates?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });

  const importCsv = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      // read the body ourselves: a refused import lists every bad line, beyond the usual error shape
      const res = await fetch('/api/admin/certificates/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ csv }) });
      const body = (await res.json().catch(() => ({}))) as Partial<ImportResult> & { message?: string };
      if (res.ok) {
        setResult({ ok: true, text: `导入${body.imported ?? 0}条，已存在跳过${body.skipped ?? 0}条`, errors: [] });
        setCsv('');
        await qc.invalidateQueries({ queryKey: ['admin', 'certificates'] });
      } else {
        setResult({ ok: false, text: body.message ?? '导入失败，请稍后再试', errors: body.errors ?? [] });
      }
    } catch {
      setResult({ ok: false, text: '网络连接失败，请检查网络后重试', errors: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        全国会计资格职称库
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>查询证书</h2>}>
        <Form layout="vertical" onFinish={(v: { q?: string }) => setQ((v.q ?? '').trim())}>
          <Form.Item label="证书编号、证件号码或姓名" name="q">
            <Input.Search enterButton="查询" allowClear onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 480 }} />
          </Form.Item>
        </Form>
        {/* a focusable region, so keyboard users can scroll the wide table on a phone */}
        <div role="region" aria-label="证书列表" tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table<CertificateRow> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.isLoading} pagination={false} style={{ minWidth: 720 }} />
        </div>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>导入证书（CSV）</h2>}>
        <Typography.Paragraph>
          第一行为表头：{CERTIFICATE_CSV_COLUMNS.join(',')}。级别为初级、中级或高级，取得年份不早于{CERTIFICATE_LIBRARY_FIRST_YEAR}年；
          任一行有误则整批不导入，证书编号已存在的行跳过。
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={importCsv}>
          <Form.Item label="CSV内容" htmlFor="certificate-csv" extra="可从表格软件另存为CSV（UTF-8）后打开，复制全部内容粘贴到此处">
            <Input.TextArea id="certificate-csv" rows={8} value={csv} onChange={(e) => setCsv(e.target.value)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!csv.trim()}>
            导入
          </Button>
        </Form>
        {result && (
          <Alert
            style={{ marginTop: 16 }}
            type={result.ok ? 'success' : 'error'}
            role={result.ok ? 'status' : 'alert'}
            showIcon
            message={result.text}
            description={result.errors.length ? <ul style={{ margin: 0 }}>{result.errors.map((e) => <li key={`${e.line}-${e.message}`}>第{e.line}行：{e.message}</li>)}</ul> : undefined}
          />
        )}
      </Card>
    </Space>
  );
}
