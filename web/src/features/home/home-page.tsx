import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { BookOutlined, CommentOutlined, EditOutlined, QuestionCircleOutlined, SolutionOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMe } from '../../lib/session';
import { MyProgress } from './my-progress';

interface Entry {
  to: string;
  title: string;
  description: string;
  icon: ReactNode;
}

/** 首页: the service entries that exist so far. */
export function HomePage() {
  const { data: me } = useMe();
  const entries: Entry[] = [
    ...(me
      ? []
      : [{ to: '/register', title: '会计人员注册', description: '使用本人有效身份证件和手机号注册账号', icon: <UserAddOutlined /> }]),
    { to: '/collection', title: '会计人员信息采集', description: '实名认证后采集基本信息、教育经历和工作经历', icon: <SolutionOutlined /> },
    { to: '/changes', title: '会计人员信息变更', description: '信息采集审核通过后，变更基本信息、教育经历、工作经历和采集范围', icon: <EditOutlined /> },
    { to: '/transfer', title: '会计人员属地关系调转', description: '工作单位、学籍或户籍所在地变动时，申请调转到新的会计管理机构', icon: <SwapOutlined /> },
    { to: '/help', title: '帮助中心', description: '注册登录、实名认证、信息采集等常见问题解答', icon: <QuestionCircleOutlined /> },
    { to: '/guide', title: '操作说明', description: '平台各功能的在线操作指南', icon: <BookOutlined /> },
    { to: '/ask', title: '咨询答疑', description: '输入问题，智能检索答案', icon: <CommentOutlined /> },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {me ? `您好，${me.maskedName}` : '欢迎使用全国会计人员统一服务管理平台'}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        会计人员可在本平台办理注册登录、信息采集、信息变更、属地关系调转、会计专业技术资格考试报名、职称管理和继续教育登记等业务。
      </Typography.Paragraph>
      {me && <MyProgress />}
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        会计人员服务
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col key={e.to} xs={24} sm={12} lg={6}>
            <Link to={e.to} aria-label={e.title} className="ausm-service-link">
              <Card hoverable>
                <div style={{ fontSize: 28, color: '#a61d24' }} aria-hidden="true">
                  {e.icon}
                </div>
                <Typography.Title level={3} style={{ fontSize: 17, marginTop: 8 }}>
                  {e.title}
                </Typography.Title>
                <Typography.Text type="secondary">{e.description}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
