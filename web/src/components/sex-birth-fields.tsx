import { DatePicker, Form, Radio } from 'antd';
import dayjs from 'dayjs';
import { birthDateRules } from '../lib/forms';

/**
 * 性别 and 出生日期 of a person whose document does not carry them (港澳/台湾通行证, 护照): asked at
 * registration, and once in 基本信息 of those who registered before it was asked.
 */
export function SexBirthFields({ today, sexExtra }: { today: string; sexExtra?: string }) {
  return (
    <>
      <Form.Item label="性别" name="sex" rules={[{ required: true, message: '请选择性别' }]} extra={sexExtra}>
        <Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} />
      </Form.Item>
      <Form.Item label="出生日期" name="birthDate" rules={birthDateRules(today)}>
        <DatePicker style={{ width: '100%' }} placeholder="请选择出生日期" disabledDate={(d) => d.isAfter(dayjs(today)) || d.year() < 1900} />
      </Form.Item>
    </>
  );
}
