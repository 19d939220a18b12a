import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ASK_NO_ANSWER_MESSAGE, FAQ_LIMITS, type AskRequest, type AskResponse } from '@ausm/domain';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { KIND_TAG, MUTED } from './help-styles';

const EXAMPLES = ['忘记密码怎么办', '短信验证码多久有效', '姓名里有生僻字怎么输入', '账号被锁定了怎么办'];

/** 咨询答疑: a question box answered from the FAQ and the operations guide. */
export default function AskPage() {
  usePageTitle('咨询答疑');
  const [form] = Form.useForm<AskRequest>();
  const [params, setParams] = useSearchParams();
  const [asked, setAsked] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const askMutation = useMutation({
    mutationFn: (body: AskRequest) => api<AskResponse>('POST', '/api/help/ask', body),
    onMutate: () => setFormError(undefined),
    onError: (err) => setFormError(applyApiError(form, err)),
  });

  const submit = (question: string) => {
    const q = question.trim();
    setAsked(q);
    setParams(q ? { q } : {}, { replace: true });
    askMutation.mutate({ question: q });
  };

  // /ask?q=… (from the help centre) asks straight away.
  const initial = useRef(params.get('q')?.trim() ?? '');
  const { mutate } = askMutation;
  useEffect(() => {
    const q = initial.current;
    if (!q) return;
    form.setFieldsValue({ question: q });
    setAsked(q);
    mutate({ question: q });
  }, [form, mutate]);

  const answers = askMutation.data?.answers;

  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        咨询答疑
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        用一句话描述您遇到的问题，系统会从帮助中心的常见问题和操作说明中找出最相关的内容。
      </Typography.Paragraph>

      <Card style={{ marginBottom: 24 }}>
        <Form form={form} layout="vertical" onFinish={(v) => submit(v.question)} requiredMark={false}>
          <Form.Item
            label="您的问题"
            name="question"
            rules={[
              { required: true, whitespace: true, message: '请输入您的问题' },
              { max: FAQ_LIMITS.askQuestion, message: `您的问题不能超过${FAQ_LIMITS.askQuestion}个字` },
            ]}
            extra={<span style={MUTED}>例如：注册时收不到短信验证码怎么办</span>}
          >
            <Input size="large" maxLength={FAQ_LIMITS.askQuestion} allowClear autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={askMutation.isPending}>
            提问
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          <Typography.Text style={MUTED}>试试这样问：</Typography.Text>
          <Space wrap size={[8, 8]}>
            {EXAMPLES.map((e) => (
              <Button
                key={e}
                size="small"
                onClick={() => {
                  form.setFieldsValue({ question: e });
                  submit(e);
                }}
              >
                {e}
              </Button>
            ))}
          </Space>
        </div>
      </Card>

      <div aria-live="polite">
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        {answers && answers.length === 0 && (
          <Alert
            type="info"
            showIcon
            title={ASK_NO_ANSWER_MESSAGE}
            description={
              <Space wrap size={[16, 4]}>
                <Link to="/help">浏览帮助中心</Link>
                <Link to="/guide">查看操作说明</Link>
              </Space>
            }
          />
        )}
        {answers && answers.length > 0 && (
          <section aria-label="答案">
            <Typography.Title level={2} style={{ fontSize: 19 }}>
              {`为“${asked ?? ''}”找到 ${answers.length} 条相关内容`}
            </Typography.Title>
            <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {answers.map((a) => (
                <li key={a.link} style={{ marginBottom: 12 }}>
                  <Card size="small">
                    <Space wrap size={8} style={{ marginBottom: 4 }}>
                      <Tag style={KIND_TAG[a.kind].style}>{KIND_TAG[a.kind].text}</Tag>
                      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                        <Link to={a.link}>{a.title}</Link>
                      </Typography.Title>
                    </Space>
                    <Typography.Paragraph style={{ marginBottom: 4, lineHeight: 1.8 }}>{a.excerpt}</Typography.Paragraph>
                    <Link to={a.link} aria-label={`查看完整内容：${a.title}`}>
                      查看完整内容
                    </Link>
                  </Card>
                </li>
              ))}
            </ol>
            <Typography.Paragraph style={{ ...MUTED, marginTop: 16 }}>
              没有解决您的问题？可以换个说法再问，或<Link to="/help">浏览帮助中心</Link>。
            </Typography.Paragraph>
          </section>
        )}
      </div>
    </div>
  );
}
