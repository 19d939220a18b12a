import { Col, Form, Input, Select } from 'antd';
import { ETHNICITIES, POLITICAL_STATUSES, type CollectionState } from '@ausm/domain';
import { options } from './collection-data';

/** 政治面貌, 民族, 邮箱, 邮编 and 通讯地址: the same fields in 基本信息 (collection) and 基本信息变更. */
export function PersonalDetailFields() {
  return (
    <>
    <Col xs={24} md={12}>
      <Form.Item label="政治面貌" name="politicalStatus" rules={[{ required: true, message: '请选择政治面貌' }]}>
        <Select virtual={false} placeholder="请选择政治面貌" options={options(POLITICAL_STATUSES)} />
      </Form.Item>
    </Col>
    <Col xs={24} md={12}>
      <Form.Item label="民族" name="ethnicity" rules={[{ required: true, message: '请选择民族' }]}>
        <Select virtual={false} placeholder="请选择民族" showSearch={{ optionFilterProp: 'label' }} options={options(ETHNICITIES)} />
      </Form.Item>
    </Col>
    <Col xs={24} md={12}>
      <Form.Item label="邮箱" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }, { max: 100, message: '邮箱不能超过100个字符' }]}>
        <Input type="email" autoComplete="email" placeholder="请输入邮箱" />
      </Form.Item>
    </Col>
    <Col xs={24} md={12}>
      <Form.Item label="邮编" name="postcode" rules={[{ pattern: /^\d{6}$/, message: '邮编应为6位数字' }]}>
        <Input inputMode="numeric" maxLength={6} autoComplete="postal-code" placeholder="请输入6位邮编" />
      </Form.Item>
    </Col>
    <Col xs={24}>
      <Form.Item label="通讯地址" name="address" rules={[{ max: 200, message: '通讯地址不能超过200个字' }]}>
        <Input autoComplete="street-address" placeholder="请输入通讯地址" />
      </Form.Item>
    </Col>
    </>
  );
}

/** The fields' starting values from the saved 基本信息. */
export function personalDetailValues(b: CollectionState['basic']) {
  return { politicalStatus: b.politicalStatus ?? undefined, ethnicity: b.ethnicity ?? undefined, email: b.email ?? '', address: b.address ?? '', postcode: b.postcode ?? '' };
}
